import { HttpStatus } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { AuditRecord, AuditService } from './audit.service';

// The columns an edit sets. Parameters $1 and $2 are the row's id and the version the edit was based on.
export class ColumnChanges {
  readonly assignments: string[] = [];
  readonly values: unknown[] = [];

  // `cast` types the parameter where PostgreSQL cannot tell (arrays, dates, a null).
  set(column: string, value: unknown, cast?: string): this {
    this.values.push(value);
    this.assignments.push(`${column} = $${this.values.length + 2}${cast ? `::${cast}` : ''}`);
    return this;
  }

  // A value PostgreSQL computes (now()), without a parameter.
  setExpression(column: string, expression: string): this {
    this.assignments.push(`${column} = ${expression}`);
    return this;
  }
}

export interface VersionedUpdate<T> {
  // The table, with an alias when `returning` names its columns through one (`organisation o`).
  table: string;
  id: string;
  // The version the edit was based on: the row changes only if it still has it.
  version: number;
  changes: ColumnChanges;
  // The record before the change, as the audit trail keeps it.
  before: T;
  // The record as it stands, read in the caller's transaction and scope: 404 when gone or out of reach.
  read(): Promise<T>;
  // The record from the UPDATE itself, when its columns are enough: no second read.
  returning?: { columns: string; toRecord(row: Record<string, unknown>): T };
  // The French sentence of the 409.
  staleDetail: string;
  // The audit event of the change; `before` and `after` are the records unless it says otherwise.
  audit(after: T): AuditRecord;
}

// The 409 of an edit based on an older version: the client gets the record as it stands now.
export function staleVersion(detail: string, current: unknown): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, detail, { current, code: 'stale_version' });
}

// An optimistic update and its audit event, in the caller's transaction: the row changes only if
// it still has the version the edit was based on, and its version rises by one. Otherwise nothing
// is written and the caller gets a 409 with the record as it stands, or a 404 if it is gone.
export async function updateVersioned<T>(manager: EntityManager, audit: AuditService, update: VersionedUpdate<T>): Promise<T> {
  const assignments = [...update.changes.assignments, 'version = version + 1', 'updated_at = now()'];
  // The driver answers an UPDATE with [rows, rowCount].
  const [rows]: [Record<string, unknown>[], number] = await manager.query(
    `UPDATE ${update.table} SET ${assignments.join(', ')} WHERE id = $1 AND version = $2 RETURNING ${update.returning?.columns ?? 'id'}`,
    [update.id, update.version, ...update.changes.values],
  );
  if (!rows.length) throw staleVersion(update.staleDetail, await update.read());
  const after = update.returning ? update.returning.toRecord(rows[0]) : await update.read();
  await audit.record(manager, { before: update.before, after, ...update.audit(after) });
  return after;
}
