import { Injectable } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import { Clock } from './clock';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { sha256 } from './session.service';

// Every sign-in attempt is counted, per account and per IP, before its password is checked, so that
// parallel attempts cannot slip past the count; a success gives its attempts back. The IP threshold
// is much higher because a lab's whole office may share one public address: one person's mistakes
// lock their own account, never a colleague's.
export const LOGIN_LIMITS = {
  account: { name: 'login-account', attempts: 5, windowMs: 60_000, blockMs: 15 * 60_000 },
  ip: { name: 'login-ip', attempts: 30, windowMs: 60_000, blockMs: 15 * 60_000 },
  // A blocked account still takes one try from each IP that has not failed on it, once the block is
  // 45 s old, 45 s apart and 3 per block: an attacker cannot lock its owner out from one address,
  // and rotating addresses buys at most 3 more guesses per block.
  newIp: { name: 'login-new-ip', afterMs: 45_000, spacingMs: 45_000, perBlock: 3 },
  // Remembers, for a window and a block, which IPs failed on which account.
  failedFrom: { name: 'login-failed-from', keepMs: 16 * 60_000 },
  // Failures of unknown e-mails: one audit event per IP and minute.
  unknownAudit: { name: 'login-unknown-audit', windowMs: 60_000 },
} as const;

// Beyond reach: a counter that only counts.
const NO_LIMIT = 2 ** 31 - 2;

export type SignInAttempt =
  // `newIp`: the try a blocked account gives an IP that has not failed on it.
  | { allowed: true; newIp: boolean }
  | { allowed: false; retryAfter: number; blockStarted: { account: boolean; ip: boolean } };

@Injectable()
export class LoginThrottle {
  constructor(
    private readonly storage: PgThrottlerStorage,
    private readonly clock: Clock,
  ) {}

  // Counts the attempt, then says whether its password may be checked.
  async attempt(email: string, rawIp: string): Promise<SignInAttempt> {
    const keys = this.keys(email, rawIp);
    const { account: a, ip: i } = LOGIN_LIMITS;
    const [account, ip] = await this.storage.incrementAll([
      { key: keys.account, ttlMs: a.windowMs, limit: a.attempts, blockMs: a.blockMs },
      { key: keys.ip, ttlMs: i.windowMs, limit: i.attempts, blockMs: i.blockMs },
    ]);
    const blockStarted = { account: account.blockStarted, ip: ip.blockStarted };
    if (ip.isBlocked) return { allowed: false, retryAfter: ip.timeToBlockExpire, blockStarted };
    if (!account.isBlocked) return { allowed: true, newIp: false };

    const now = this.clock.now().getTime();
    const blockEnd = new Date(account.blockedUntil);
    const opensAt = account.blockedUntil - a.blockMs + LOGIN_LIMITS.newIp.afterMs;
    const untilBlockEnds = account.timeToBlockExpire;
    const failedHere = await this.storage.isMarked(keys.failedFrom);
    if (failedHere) return { allowed: false, retryAfter: untilBlockEnds, blockStarted };
    const { perBlock, spacingMs } = LOGIN_LIMITS.newIp;
    if (now >= opensAt && (await this.storage.takeTurn(keys.newIp, blockEnd, perBlock, spacingMs))) return { allowed: true, newIp: true };
    // This IP may come back for the next turn, if one is left before the block ends.
    const turns = await this.storage.turns(keys.newIp, blockEnd);
    const nextTurn = Math.max(opensAt, turns.nextAt);
    const retryAfter = turns.taken < perBlock && nextTurn < account.blockedUntil ? Math.max(1, Math.ceil((nextTurn - now) / 1000)) : untilBlockEnds;
    return { allowed: false, retryAfter, blockStarted };
  }

  // After a wrong password: this IP gets no try of its own while the account is blocked.
  async failed(email: string, ip: string): Promise<void> {
    await this.storage.mark(this.keys(email, ip).failedFrom, new Date(this.clock.now().getTime() + LOGIN_LIMITS.failedFrom.keepMs));
  }

  // Signed in: the account starts afresh, and the IP gets its attempt back.
  async succeeded(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.storage.reset([keys.account, keys.newIp]);
    await this.storage.forgive(keys.ip);
  }

  // Whether a failure of an unknown e-mail from this IP is the first of its minute (the one audited).
  async firstUnknownOfMinute(ip: string): Promise<boolean> {
    const { name, windowMs } = LOGIN_LIMITS.unknownAudit;
    const [count] = await this.storage.incrementAll([{ key: `${name}:${sha256(normalizeIp(ip))}`, ttlMs: windowMs, limit: NO_LIMIT, blockMs: 0 }]);
    return count.totalHits === 1;
  }

  // Hashed: a key's length stays bounded, and the table shows no e-mail address or IP in clear.
  private keys(email: string, rawIp: string) {
    // An IPv6 client usually holds a whole /64: counted as one address.
    const ip = normalizeIp(rawIp);
    return {
      account: `${LOGIN_LIMITS.account.name}:${sha256(email)}`,
      ip: `${LOGIN_LIMITS.ip.name}:${sha256(ip)}`,
      newIp: `${LOGIN_LIMITS.newIp.name}:${sha256(email)}`,
      failedFrom: `${LOGIN_LIMITS.failedFrom.name}:${sha256(`${ip}\n${email}`)}`,
    };
  }
}
