import { Injectable } from '@nestjs/common';
import { PgThrottlerStorage } from './pg-throttler.storage';

// Failed sign-ins only are counted (a successful one costs nothing), per account and per IP.
// The IP threshold is much higher because a lab's whole office may share one public address:
// one person's mistakes lock their own account, never a colleague's.
export const LOGIN_LIMITS = {
  account: { name: 'login-account', failures: 5, windowMs: 60_000, blockMs: 15 * 60_000 },
  ip: { name: 'login-ip', failures: 30, windowMs: 60_000, blockMs: 15 * 60_000 },
} as const;

@Injectable()
export class LoginThrottle {
  constructor(private readonly storage: PgThrottlerStorage) {}

  // Seconds to wait before trying again; 0 when neither the account nor the IP is blocked.
  retryAfter(email: string, ip: string): Promise<number> {
    return this.storage.secondsBlocked([`${LOGIN_LIMITS.account.name}:${email}`, `${LOGIN_LIMITS.ip.name}:${ip}`]);
  }

  async failed(email: string, ip: string): Promise<void> {
    // Blocked once the n-th failure of the window is counted: the next attempt answers 429.
    for (const [key, limit] of [
      [email, LOGIN_LIMITS.account],
      [ip, LOGIN_LIMITS.ip],
    ] as const) {
      await this.storage.increment(key, limit.windowMs, limit.failures - 1, limit.blockMs, limit.name);
    }
    // Keeps the table small; cheap thanks to its index.
    await this.storage.purgeExpired();
  }

  succeeded(email: string): Promise<void> {
    return this.storage.reset(`${LOGIN_LIMITS.account.name}:${email}`);
  }
}
