import { FormControl } from '@angular/forms';
import { siretDigits, siretValidator } from './siret-field';

const check = (value: string) => siretValidator(new FormControl(value));

describe('SIRET as you type', () => {
  it('accepts nothing, or a valid SIRET typed with or without spaces', () => {
    expect(check('')).toBeNull();
    expect(check('73282932000074')).toBeNull();
    expect(check('732 829 320 00074')).toBeNull();
    expect(siretDigits('732 829 320 00074')).toBe('73282932000074');
  });

  it('counts the digits while they are typed', () => {
    expect(check('7328293')).toEqual({ siretFormat: 'Le SIRET compte 14 chiffres (7 saisis).' });
    expect(check('73282932A00074')).toEqual({ siretFormat: 'Le SIRET ne contient que des chiffres.' });
  });

  it('refuses a wrong Luhn key', () => {
    expect(check('73282932000075')).toHaveProperty('siretKey');
  });
});
