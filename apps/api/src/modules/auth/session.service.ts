import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Me, Role } from '@sillon/contracts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { PreparedStatements } from '../../database/prepared-statements';
import { Clock } from './clock';
import { Principal } from '../access/principal';
import { SessionEntity } from './session.entity';

export interface IssuedSession {
  token: string;
  xsrfToken: string;
}

export interface ActiveSession {
  tokenHash: string;
  xsrfHash: string;
  principal: Principal;
  me: Me;
  // The labs whose rows the database lets this session reach (row-level security).
  labIds: string[];
  // The labs whose personal data (contacts, audit trail) it reaches: the same, but none for a national account.
  personalLabIds: string[];
}

interface SessionRow {
  token_hash: string;
  xsrf_hash: string;
  created_at: Date;
  last_seen_at: Date;
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  active: boolean;
  lab_id: string | null;
  lab_name: string | null;
  region_id: string | null;
  region_name: string | null;
  lab_ids: string[];
}

// Refreshing last_seen_at on every request would write on every read; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly statements: PreparedStatements,
  ) {}

  // 256 random bits per token; only their SHA-256 is stored.
  async create(manager: EntityManager, userId: string, ip: string | null, userAgent: string | null): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const xsrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await manager.getRepository(SessionEntity).insert({
      tokenHash: sha256(token),
      userId,
      xsrfHash: sha256(xsrfToken),
      createdAt: now,
      lastSeenAt: now,
      ip: ip?.slice(0, 64) ?? null,
      userAgent: userAgent?.slice(0, 255) ?? null,
    });
    return { token, xsrfToken };
  }

  // The session of a cookie's token, or null when unknown, expired or its user deactivated.
  async resolve(token: string | undefined): Promise<ActiveSession | null> {
    if (!token || token.length > 128) return null;
    const tokenHash = sha256(token);
    const rows = await this.statements.query<SessionRow>(
      `SELECT s.token_hash, s.xsrf_hash, s.created_at, s.last_seen_at, u.id AS user_id, u.email, u.display_name,
              u.role, u.active, u.lab_id, l.name AS lab_name, COALESCE(u.region_id, l.region_id) AS region_id, r.name AS region_name,
              CASE WHEN u.role = 'regional_director' THEN ARRAY(SELECT rl.id FROM lab rl WHERE rl.region_id = u.region_id)
                   WHEN u.role = 'national' THEN ARRAY(SELECT nl.id FROM lab nl)
                   WHEN u.role IN ('project_lead', 'lab_manager') AND u.lab_id IS NOT NULL THEN ARRAY[u.lab_id]
                   ELSE '{}'::uuid[] END AS lab_ids
         FROM user_session s
         JOIN app_user u ON u.id = s.user_id
         LEFT JOIN lab l ON l.id = u.lab_id
         LEFT JOIN region r ON r.id = COALESCE(u.region_id, l.region_id)
        WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    const now = this.clock.now().getTime();
    const idleMs = this.config.session.idleMinutes * 60_000;
    const absoluteMs = this.config.session.absoluteHours * 3_600_000;
    const lastSeen = new Date(row.last_seen_at).getTime();
    if (!row.active || now - lastSeen > idleMs || now - new Date(row.created_at).getTime() > absoluteMs) {
      await this.sessions.delete({ tokenHash });
      return null;
    }
    if (now - lastSeen > TOUCH_AFTER_MS) {
      await this.sessions.update({ tokenHash }, { lastSeenAt: new Date(now) });
    }
    const principal: Principal = {
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      labId: row.lab_id,
      regionId: row.region_id,
    };
    const me: Me = {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      labId: row.lab_id,
      labName: row.lab_name,
      regionId: row.region_id,
      regionName: row.region_name,
    };
    // A national account reads every lab's portfolio but no one's personal data.
    const personalLabIds = row.role === 'national' ? [] : row.lab_ids;
    return { tokenHash, xsrfHash: row.xsrf_hash, principal, me, labIds: row.lab_ids, personalLabIds };
  }

  async destroy(token: string | undefined): Promise<void> {
    await this.destroyToken(this.sessions.manager, token);
  }

  async destroyToken(manager: EntityManager, token: string | undefined): Promise<void> {
    if (token && token.length <= 128) await manager.getRepository(SessionEntity).delete({ tokenHash: sha256(token) });
  }

  // Deletes up to `limit` sessions past their idle or absolute timeout (resolve() refuses them already);
  // answers how many went. The housekeeping purge calls it in its own transaction.
  async purgeExpired(manager: EntityManager, limit: number): Promise<number> {
    const now = this.clock.now().getTime();
    const [, deleted] = await manager.query(
      `DELETE FROM user_session WHERE token_hash IN (
         SELECT token_hash FROM user_session WHERE last_seen_at < $1 OR created_at < $2 LIMIT $3)`,
      [new Date(now - this.config.session.idleMinutes * 60_000), new Date(now - this.config.session.absoluteHours * 3_600_000), limit],
    );
    return deleted;
  }

  // Deactivation, a role change or a new password end every session of the user at once.
  async destroyAllOfUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(SessionEntity).delete({ userId });
  }
}
