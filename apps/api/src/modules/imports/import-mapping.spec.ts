import { mappingErrors, suggestMapping } from './import-mapping';
import { readMilestoneRow, readProjectRow } from './import-rows';

describe('import mapping and rows', () => {
  it('suggests a column for each field from French headers, without case or accents', () => {
    expect(suggestMapping('projects', ['NOM DU PROJET', 'etape', 'Date de début', 'Départements', 'Autre'])).toEqual({
      name: 'NOM DU PROJET',
      stage: 'etape',
      startDate: 'Date de début',
      departments: 'Départements',
    });
    expect(suggestMapping('milestones', ['Projet', 'Jalon', 'Type', 'Date prévue'])).toEqual({ project: 'Projet', title: 'Jalon', kind: 'Type', dueOn: 'Date prévue' });
    expect(suggestMapping('organisations', ['Raison sociale', 'Catégorie', 'N° SIRET'])).toEqual({ name: 'Raison sociale', type: 'Catégorie', siret: 'N° SIRET' });
  });

  it('names each mapping problem by its field', () => {
    const errors = mappingErrors('projects', { stage: 'Phase', owner: 'Nom' }, ['Nom', 'Étape']);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['mapping.stage', 'unknownColumn'],
      ['mapping.owner', 'whitelistValidation'],
      ['mapping.name', 'isNotEmpty'],
    ]);
  });

  it('reports a row in French naming its line and column', () => {
    const columns = ['Nom du projet', 'Étape', 'Date de début'];
    const mapping = { name: 'Nom du projet', stage: 'Étape', startDate: 'Date de début' };
    const bad = readProjectRow(columns, mapping, { line: 12, cells: ['Atelier', 'Prototype', '31/02/2026'] });
    expect(bad.draft).toBeNull();
    expect(bad.messages).toEqual([
      "Ligne 12, colonne « Étape » : « Prototype » n'est pas une étape connue (Co-design, Idéation, Prototypage, Incubation, Changement d'échelle).",
      "Ligne 12, colonne « Date de début » : « 31/02/2026 » n'est pas une date (attendu : 27/11/2026 ou 2026-11-27).",
    ]);
    const good = readProjectRow(columns, mapping, { line: 3, cells: ['  Atelier  Fives ', 'idéation', '27/11/2026'] });
    expect(good.draft).toMatchObject({ key: 'name:atelier fives', name: 'Atelier  Fives', stage: 'ideation', startDate: '2026-11-27', status: 'active' });
  });

  it('keeps the milestone rules of the API: participants for workshops, completion only when done and not in the future', () => {
    const columns = ['Projet', 'Jalon', 'Type', 'Date prévue', 'Réalisé le', 'Participants'];
    const mapping = { project: 'Projet', title: 'Jalon', kind: 'Type', dueOn: 'Date prévue', completedOn: 'Réalisé le', participantCount: 'Participants' };
    const row = (cells: string[]) => readMilestoneRow(columns, mapping, { line: 5, cells }, '2026-12-04');
    expect(row(['LIL-2026-001', 'Atelier', 'Atelier', '27/11/2026', '28/11/2026', '1 200']).draft).toMatchObject({ status: 'done', completedOn: '2026-11-28', participantCount: 1200 });
    expect(row(['LIL-2026-001', 'Décision', 'Décision', '27/11/2026', '', '12']).messages).toEqual([
      'Ligne 5, colonne « Participants » : seuls les ateliers, événements et formations comptent des participants (type « Décision »).',
    ]);
    expect(row(['LIL-2026-001', 'Atelier', 'Atelier', '27/11/2026', '27/12/2026', '']).messages).toEqual([
      'Ligne 5, colonne « Réalisé le » : la date de réalisation ne peut pas être dans le futur.',
    ]);
  });
});
