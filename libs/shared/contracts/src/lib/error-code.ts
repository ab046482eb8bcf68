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
  // 409: a proposal already waits for this project; the proposal was decided already; the project
  // moved since it was proposed.
  'proposal-pending',
  'proposal-decided',
  'project-changed',
  // 403: a write from another site, or without the session's anti-CSRF token.
  'foreign-origin',
  'bad-xsrf-token',
  // 429: sign-in attempts throttled.
  'too-many-sign-in-attempts',
  // 429: a per-user limit (exports, contact scans) reached.
  'rate-limited',
  // 503: the database is unreachable, shutting down, or gave up on a statement or a lock wait.
  'database-unavailable',
  // 503: a transaction rolled back for a serialization failure or a deadlock twice; nothing was saved.
  'concurrent-writes',
  // 400: an import whose rows do not all pass; nothing was written, errors[] names each row and column.
  'import-rows-invalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const PROBLEM_TYPE_PREFIX = 'urn:sillon:problem:';
export type ProblemType = 'about:blank' | `${typeof PROBLEM_TYPE_PREFIX}${ErrorCode}`;

export const problemType = (code: ErrorCode | undefined): ProblemType => (code ? `${PROBLEM_TYPE_PREFIX}${code}` : 'about:blank');

// Every code a field error can carry (`errors[].code` of a 400 or 403): the name of the request
// validator's constraint (class-validator's, or ours), or the API's own rule.
export const FIELD_ERROR_CODES = [
  // The request's shape and types.
  'whitelistValidation',
  'nestedValidation',
  'isNotEmpty',
  'isString',
  'isBoolean',
  'isInt',
  'isArray',
  'isEmail',
  'isUuid',
  'isUrl',
  'isIn',
  'isIso8601',
  'matches',
  'min',
  'max',
  'maxLength',
  'arrayMaxSize',
  'arrayNotEmpty',
  'arrayUnique',
  'isPassword',
  'isSiret',
  'idempotencyKey',
  // A proposal for a move the lead may make alone.
  'noExceptionNeeded',
  // A search of more words than the list can serve from its index.
  'searchWords',
  // A reference that does not exist, or not within reach.
  'unknownLab',
  'unknownRegion',
  'unknownLead',
  'unknownOwner',
  'unknownOrganisation',
  'unknownReference',
  'unknownCriterion',
  // The API's rules across fields and records.
  'unique',
  'duplicate',
  'notAllowedForRole',
  'coDesignOnly',
  'noChange',
  'completedOnlyWhenDone',
  'notInFuture',
  'participantsNotApplicable',
  'dateOrder',
  'periodOrder',
  // Imports: the file (unreadable, too large, too many rows), the mapping, a row.
  'unreadableFile',
  'fileTooLarge',
  'tooManyRows',
  'unknownColumn',
  'importRow',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
