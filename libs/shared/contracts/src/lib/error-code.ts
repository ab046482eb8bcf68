// Every code a problem can carry, declared once: the API answers it as the problem's `type`
// (`urn:sillon:problem:<code>`), a client compares against it. A problem without one is `about:blank`.
export const ERROR_CODES = [
  // 409: the edit was based on an older version; the problem carries the record as it stands (`current`).
  'stale_version',
  // 409: only an active project changes stage.
  'project_not_active',
  // 409: a unique name, code or number is taken.
  'duplicate_email',
  'duplicate_lab',
  'duplicate_region',
  'duplicate-siret',
  'duplicate-partner',
  // Idempotency-Key: 422 reused for another request, 409 the first one still running.
  'idempotency-key-reused',
  'idempotency-in-progress',
  // 403: a write from another site, or without the session's anti-CSRF token.
  'foreign-origin',
  'bad-xsrf-token',
  // 429: sign-in attempts throttled.
  'too-many-sign-in-attempts',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const PROBLEM_TYPE_PREFIX = 'urn:sillon:problem:';
export type ProblemType = 'about:blank' | `${typeof PROBLEM_TYPE_PREFIX}${ErrorCode}`;

export const problemType = (code: ErrorCode | undefined): ProblemType => (code ? `${PROBLEM_TYPE_PREFIX}${code}` : 'about:blank');
