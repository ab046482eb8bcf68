import { FormControl } from '@angular/forms';
import { departmentsHint, departmentsValidator } from './departments-field';

describe('a département codes field', () => {
  it('names the codes that are not INSEE codes', () => {
    expect(departmentsValidator(new FormControl('59, 62, 2a'))).toBeNull();
    expect(departmentsValidator(new FormControl(''))).toBeNull();
    expect(departmentsValidator(new FormControl('59, 100 ; 2C'))).toEqual({ departments: '100, 2C' });
  });

  it('hints the names of what was typed', () => {
    expect(departmentsHint('62 59')).toBe('Nord, Pas-de-Calais');
    expect(departmentsHint('')).toMatch(/^Codes INSEE/);
    expect(departmentsHint(null, 'Codes INSEE')).toBe('Codes INSEE');
  });
});
