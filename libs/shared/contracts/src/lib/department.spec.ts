import { DEPARTMENT_CODE_PATTERN } from './project';
import { DEPARTMENT_CODES, DEPARTMENT_NAMES_FR, compareDepartmentCodes } from './department';

describe('départements', () => {
  it('names all 101, each with a code the API accepts', () => {
    expect(DEPARTMENT_CODES).toHaveLength(101);
    for (const code of DEPARTMENT_CODES) expect(code).toMatch(DEPARTMENT_CODE_PATTERN);
    expect(new Set(Object.values(DEPARTMENT_NAMES_FR)).size).toBe(101);
    expect(DEPARTMENT_NAMES_FR['59']).toBe('Nord');
    expect(DEPARTMENT_NAMES_FR['62']).toBe('Pas-de-Calais');
    expect(DEPARTMENT_NAMES_FR['2A']).toBe('Corse-du-Sud');
    expect(DEPARTMENT_NAMES_FR['976']).toBe('Mayotte');
  });

  it('keeps INSEE order: Corsica where 20 was, overseas last', () => {
    expect(DEPARTMENT_CODES.slice(17, 22)).toEqual(['18', '19', '2A', '2B', '21']);
    expect(DEPARTMENT_CODES.slice(-6)).toEqual(['95', '971', '972', '973', '974', '976']);
    expect(['62', '2B', '9', '971', '59'].sort(compareDepartmentCodes)).toEqual(['9', '2B', '59', '62', '971']);
  });
});
