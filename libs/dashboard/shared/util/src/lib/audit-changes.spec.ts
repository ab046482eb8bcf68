import { auditActionLabel } from '@sillon/contracts';
import { changedFields } from './audit-changes';

describe('audit wording', () => {
  it('names the changed fields in French, skipping bookkeeping', () => {
    expect(
      changedFields({
        before: { name: 'A', health: 'green', version: 3, themes: ['sante'] },
        after: { name: 'B', health: 'green', version: 4, themes: ['sante', 'emploi'] },
      }),
    ).toEqual(['nom', 'thèmes']);
  });

  it('lists nothing for a creation', () => {
    expect(changedFields({ before: null, after: { name: 'A' } })).toEqual([]);
  });

  it('words actions in French (the contracts\' labels) and keeps unknown ones', () => {
    expect(auditActionLabel('update')).toBe('Modification');
    expect(auditActionLabel('restore')).toBe('Restauration');
    expect(auditActionLabel('custom')).toBe('custom');
  });
});
