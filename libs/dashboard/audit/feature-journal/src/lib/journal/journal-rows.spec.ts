import { AuditEvent } from '@sillon/contracts';
import { changedFields } from '@sillon/dashboard/shared/util';
import { journalRow } from './journal-rows';

const event = (patch: Partial<AuditEvent>): AuditEvent => ({
  id: '1',
  occurredAt: '2026-03-15T09:00:00.000Z',
  actorId: 'u1',
  actorEmail: 'manon@lab.fr',
  action: 'update',
  entityType: 'project',
  entityId: 'p1',
  labId: 'lab',
  before: null,
  after: null,
  ...patch,
});

describe('journal rows', () => {
  it('says who, what kind, which action and which record, in French, with a link where the dashboard has a page', () => {
    const row = journalRow(event({ after: { code: 'LIL-2026-014', name: 'Cantine zéro déchet' } }), new Map([['u1', 'Manon Lille']]));
    expect(row).toMatchObject({ who: 'Manon Lille', kind: 'Projet', action: 'Modification', what: 'LIL-2026-014 Cantine zéro déchet', link: ['/projets', 'p1'] });
    expect(journalRow(event({ entityType: 'contact', action: 'erase', actorId: null, actorEmail: null }), new Map())).toMatchObject({
      who: 'Le système',
      kind: 'Contact',
      action: 'Effacement (RGPD)',
      link: null,
    });
  });

  it('names an import by its file', () => {
    const row = journalRow(event({ entityType: 'import', entityId: null, action: 'import', after: { kind: 'projects', fileName: 'suivi.xlsx', total: 3, created: 3, unchanged: 0 } }), new Map());
    expect(row).toMatchObject({ kind: 'Import', action: 'Import', what: 'suivi.xlsx', link: null });
  });

  it('names the fields an update changed, not the bookkeeping', () => {
    expect(changedFields({ before: { name: 'A', version: 1, health: 'green' }, after: { name: 'B', version: 2, health: 'green' } })).toEqual(['nom']);
    expect(changedFields({ before: null, after: { name: 'B' } })).toEqual([]);
  });
});
