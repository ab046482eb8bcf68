import type { ThrottlerOptions } from '@nestjs/throttler';

// Per-user limits of the costly or sensitive reads, counted in PostgreSQL by @nestjs/throttler (see
// UserThrottlerGuard): every route marked with the same name shares one count per user.
export const USER_RATE_LIMITS = {
  // GET /reports/portfolio.csv, .xlsx and .pdf
  'reports-export': { limit: 20, ttlMs: 60_000 },
  // GET /contacts/:id/export and DELETE /contacts/:id/erasure
  'contacts-scan': { limit: 10, ttlMs: 60_000 },
} as const;

export type UserRateLimitName = keyof typeof USER_RATE_LIMITS;

export const USER_RATE_LIMIT = 'sillon:user-rate-limit';

// The throttlers of ThrottlerModule: one per limit; past it, the user waits for the end of the minute.
export const USER_THROTTLERS: ThrottlerOptions[] = Object.entries(USER_RATE_LIMITS).map(([name, { limit, ttlMs }]) => ({
  name,
  limit,
  ttl: ttlMs,
  blockDuration: ttlMs,
}));
