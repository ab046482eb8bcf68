import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  actorEmail?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  labId?: string | null;
  ip?: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

@Injectable()
export class AuditService {
  // Takes the caller's EntityManager so that the event is written in the same transaction
  // as the change it describes: both land, or neither.
  async record(manager: EntityManager, event: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, lab_id, ip, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
      [
        event.actorId,
        event.actorEmail ?? null,
        event.action,
        event.entityType,
        event.entityId ?? null,
        event.labId ?? null,
        event.ip ?? null,
        json(event.before),
        json(event.after),
      ],
    );
  }
}
