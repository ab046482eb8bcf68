import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { RequestValidationException } from '../../common/validation-errors';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

// A key answers the retries of its request for a day; the housekeeping purge forgets it after that.
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3_600_000;

export type IdempotencyClaim = { kind: 'fresh' } | { kind: 'replay'; status: number; body: unknown };

// A client's key: 1–200 visible ASCII characters (a UUID is the usual choice).
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw new RequestValidationException([
      { field: 'Idempotency-Key', code: 'idempotencyKey', message: "La clé d'idempotence doit compter de 1 à 200 caractères ASCII visibles." },
    ]);
  }
  return header;
}

// Same route and same body, whatever the order of the keys.
export function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// Claims the key inside the caller's transaction, before doing the work. The row is inserted first:
// a concurrent retry's INSERT waits on it, then finds the committed answer and replays it, so that
// however many retries race, the work is done once. If the work fails, the claim rolls back with it.
export async function claimIdempotencyKey(
  manager: EntityManager,
  claim: { userId: string; key: string; route: string; hash: string },
): Promise<IdempotencyClaim> {
  const inserted = await manager.query(
    `INSERT INTO idempotency_key (user_id, key, route, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
    [claim.userId, claim.key, claim.route, claim.hash],
  );
  if (inserted.length) return { kind: 'fresh' };
  const [stored] = await manager.query(
    `SELECT route, request_hash, response_status, response_body FROM idempotency_key WHERE user_id = $1 AND key = $2`,
    [claim.userId, claim.key],
  );
  if (!stored || stored.route !== claim.route || stored.request_hash !== claim.hash) {
    throw new ProblemException(422, "Cette clé d'idempotence a déjà servi pour une autre requête.", { code: 'idempotency-key-reused' });
  }
  if (stored.response_status === null) {
    throw new ProblemException(409, 'La même requête est encore en cours de traitement : réessayez dans un instant.', { code: 'idempotency-in-progress' });
  }
  return { kind: 'replay', status: Number(stored.response_status), body: stored.response_body };
}

export async function storeIdempotentResponse(
  manager: EntityManager,
  claim: { userId: string; key: string },
  status: number,
  body: unknown,
): Promise<void> {
  await manager.query(`UPDATE idempotency_key SET response_status = $3, response_body = $4::jsonb WHERE user_id = $1 AND key = $2`, [
    claim.userId,
    claim.key,
    status,
    JSON.stringify(body),
  ]);
}

// Deletes up to `limit` keys older than IDEMPOTENCY_KEY_LIFETIME_MS; answers how many went.
export async function purgeExpiredIdempotencyKeys(manager: EntityManager, now: Date, limit: number): Promise<number> {
  const [, deleted] = await manager.query(
    `DELETE FROM idempotency_key WHERE (user_id, key) IN (
       SELECT user_id, key FROM idempotency_key WHERE created_at < $1 LIMIT $2)`,
    [new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS), limit],
  );
  return deleted;
}
