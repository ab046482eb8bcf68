import { ColumnChanges } from './versioned-update';

describe('ColumnChanges', () => {
  it('numbers its parameters after the id ($1) and the version ($2), with the casts asked for', () => {
    const changes = new ColumnChanges().set('name', 'Cantine').setExpression('archived_at', 'now()').set('due_on', '2026-05-01', 'date');
    expect(changes.assignments).toEqual(['name = $3', 'archived_at = now()', 'due_on = $4::date']);
    expect(changes.values).toEqual(['Cantine', '2026-05-01']);
  });

  it('keeps a null or false value as a parameter', () => {
    const changes = new ColumnChanges().set('lab_id', null).set('active', false);
    expect(changes.assignments).toEqual(['lab_id = $3', 'active = $4']);
    expect(changes.values).toEqual([null, false]);
  });
});
