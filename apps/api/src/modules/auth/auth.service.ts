import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Me } from '@sillon/contracts';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../common/problem-details.filter';
import { AuditService } from '../audit/audit.service';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';
import { ActiveSession, IssuedSession, SessionService } from './session.service';

export const BAD_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

export interface SignInContext {
  ip: string;
  userAgent: string | null;
  // The session cookie the browser still holds, if any: ended at sign-in (no session fixation).
  previousToken?: string;
}

// The account as sign-in checks it; app_user belongs to the users area, read here by SQL as the session lookup does.
interface SignInAccount {
  id: string;
  email: string;
  passwordHash: string | null;
  active: boolean;
  labId: string | null;
}

export class TooManyAttemptsException extends ProblemException {
  constructor(readonly retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'Trop de tentatives de connexion. Réessayez dans quelques minutes.', { code: 'too-many-sign-in-attempts' });
  }
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async signIn(rawEmail: string, password: string, context: SignInContext): Promise<{ me: Me; issued: IssuedSession }> {
    const email = rawEmail.trim().toLowerCase();
    const user = await this.findForSignIn(email);
    // Counted before the password is checked: parallel attempts cannot outrun the count.
    const attempt = await this.throttle.attempt(email, context.ip);
    if (!attempt.allowed) {
      await this.recordBlockStart(email, user, context.ip, attempt.blockStarted);
      throw new TooManyAttemptsException(attempt.retryAfter);
    }
    // Unknown e-mail: verified against a dummy hash, so that the answer takes as long as a wrong password.
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      await this.throttle.failed(email, context.ip);
      // Anyone can send unknown e-mails: their failures are recorded once per IP and minute.
      if (user || (await this.throttle.firstUnknownOfMinute(context.ip))) {
        await this.audit.record(this.dataSource.manager, {
          actorId: user?.id ?? null, actorEmail: email, action: 'auth.login_failed', entityType: 'session',
          labId: user?.labId ?? null, ip: context.ip,
          after: {
            reason: !user ? 'unknown_email' : !valid ? 'wrong_password' : 'inactive',
            ...(attempt.newIp ? { duringBlock: true } : {}),
          },
        });
      }
      throw new ProblemException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
    }
    await this.throttle.succeeded(email, context.ip);
    await this.sessions.destroy(context.previousToken);
    const issued = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.create(manager, user.id, context.ip, context.userAgent);
      await this.audit.record(manager, {
        actorId: user.id, actorEmail: user.email, action: 'auth.login', entityType: 'session', labId: user.labId, ip: context.ip,
      });
      return session;
    });
    const active = await this.sessions.resolve(issued.token);
    if (!active) throw new ProblemException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
    return { me: active.me, issued };
  }

  async signOut(session: ActiveSession, token: string, ip: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.destroyToken(manager, token);
      await this.audit.record(manager, {
        actorId: session.principal.userId, actorEmail: session.principal.email, action: 'auth.logout', entityType: 'session',
        labId: session.principal.labId, ip,
      });
    });
  }

  // The start of a block is recorded once; the attempts refused during it are not. Blocks of unknown
  // e-mails share their IP's one event per minute.
  private async recordBlockStart(email: string, user: SignInAccount | null, ip: string, started: { account: boolean; ip: boolean }): Promise<void> {
    const scopes = [...(started.account ? (['account'] as const) : []), ...(started.ip ? (['ip'] as const) : [])];
    for (const scope of scopes) {
      if (scope === 'account' && !user && !(await this.throttle.firstUnknownOfMinute(ip))) continue;
      await this.audit.record(this.dataSource.manager, {
        actorId: user?.id ?? null, actorEmail: email, action: 'auth.login_throttled', entityType: 'session',
        labId: user?.labId ?? null, ip, after: { scope },
      });
    }
  }

  private async findForSignIn(email: string): Promise<SignInAccount | null> {
    const rows: SignInAccount[] = await this.dataSource.query(
      `SELECT id, email, password_hash AS "passwordHash", active, lab_id AS "labId" FROM app_user WHERE lower(email) = $1`,
      [email],
    );
    return rows[0] ?? null;
  }
}
