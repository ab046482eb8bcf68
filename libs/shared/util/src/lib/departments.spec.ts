import { departmentCodesIn, departmentLabel, departmentName, departmentNames } from './departments';

describe('département names', () => {
  it('names a code, and shows an unknown one as it is', () => {
    expect(departmentName('59')).toBe('Nord');
    expect(departmentName('2B')).toBe('Haute-Corse');
    expect(departmentName('974')).toBe('La Réunion');
    expect(departmentName('20')).toBe('20');
  });

  it('labels a choice with its code', () => {
    expect(departmentLabel('62')).toBe('Pas-de-Calais (62)');
    expect(departmentLabel('99')).toBe('99');
  });

  it('lists names in INSEE order, or a dash', () => {
    expect(departmentNames(['62', '59', '2A'])).toBe('Corse-du-Sud, Nord, Pas-de-Calais');
    expect(departmentNames([])).toBe('—');
    expect(departmentNames(null, 'Aucun')).toBe('Aucun');
  });
});

describe('departmentCodesIn', () => {
  it('reads the codes typed, whatever separates them', () => {
    expect(departmentCodesIn(' 59, 62;2a  976 ')).toEqual(['59', '62', '2A', '976']);
    expect(departmentCodesIn('  ')).toEqual([]);
  });
});
