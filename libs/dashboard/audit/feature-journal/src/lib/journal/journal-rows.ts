import { AuditEvent, auditActionLabel, auditEntityLabel } from '@sillon/contracts';
import { asRecord, changedFields } from '@sillon/dashboard/shared/util';

// Where the record can be opened in the dashboard.
const ROUTES: Readonly<Record<string, (id: string) => string[]>> = {
  project: (id) => ['/projets', id],
  organisation: (id) => ['/organisations', id],
};

export interface JournalRow {
  id: string;
  occurredAt: string;
  who: string;
  kind: string;
  action: string;
  // The record's name as the event holds it.
  what: string;
  link: string[] | null;
  changes: string;
}

function recordName(event: AuditEvent): string {
  for (const value of [event.after, event.before]) {
    const record = asRecord(value);
    if (!record) continue;
    const code = typeof record['code'] === 'string' ? `${record['code']} ` : '';
    for (const key of ['name', 'projectName', 'title', 'fullName', 'organisationName', 'label', 'displayName', 'email', 'fileName']) {
      const name = record[key];
      if (typeof name === 'string' && name.trim()) return `${code}${name}`.trim();
    }
  }
  return '';
}

export function journalRow(event: AuditEvent, names: ReadonlyMap<string, string>): JournalRow {
  const route = event.entityId ? ROUTES[event.entityType] : undefined;
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    who: (event.actorId && names.get(event.actorId)) || event.actorEmail || 'Le système',
    kind: auditEntityLabel(event.entityType),
    action: auditActionLabel(event.action),
    what: recordName(event),
    link: route && event.entityId ? route(event.entityId) : null,
    changes: changedFields(event).join(', '),
  };
}
