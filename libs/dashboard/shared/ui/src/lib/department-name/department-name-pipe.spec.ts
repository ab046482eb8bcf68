import { DepartmentNamePipe } from './department-name-pipe';

describe('DepartmentNamePipe', () => {
  const pipe = new DepartmentNamePipe();

  it('shows a code or a list of codes by name', () => {
    expect(pipe.transform('59')).toBe('Nord');
    expect(pipe.transform(['62', '59'])).toBe('Nord, Pas-de-Calais');
    expect(pipe.transform(null)).toBe('—');
    expect(pipe.transform([], 'name', 'Non renseigné')).toBe('Non renseigné');
  });

  it('adds the code for a choice', () => {
    expect(pipe.transform('2A', 'withCode')).toBe('Corse-du-Sud (2A)');
    expect(pipe.transform(['59', '62'], 'withCode')).toBe('Nord (59), Pas-de-Calais (62)');
  });
});
