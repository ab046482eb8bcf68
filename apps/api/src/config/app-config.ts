import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import type { SessionLimits } from '../database/database-options';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

// Every variable the API reads, validated once at boot (see README, "Configuration").
export class EnvironmentVariables {
  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString()
  HOST = '0.0.0.0';

  @IsOptional() @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @IsOptional() @IsString() @Matches(/^postgres(ql)?:\/\/.+/)
  DATABASE_URL?: string;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  // Limits of each of the API's database sessions (PostgreSQL's statement_timeout, lock_timeout and
  // idle_in_transaction_session_timeout), in milliseconds.
  @IsOptional() @Transform(toInteger) @IsInt() @Min(100) @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(100) @Max(3_600_000)
  DATABASE_LOCK_TIMEOUT_MS = 5_000;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(100) @Max(3_600_000)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  @IsOptional() @IsString() @MinLength(1)
  SILLON_DATA_DIR = './data';

  // Load the demo portfolio into a new database: only when set to true (npm start does), never in production.
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  SILLON_DEMO?: boolean;

  @IsOptional() @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(24 * 30)
  SESSION_ABSOLUTE_HOURS = 8;

  // Every so often, each API process tries to purge expired sessions and idempotency keys (one at a time).
  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(24 * 60)
  PURGE_INTERVAL_MINUTES = 10;

  // Send cookies with the Secure flag: always, unless set to false for plain-HTTP local use.
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  COOKIE_SECURE?: boolean;

  // Number of reverse proxies in front of the API, so that the client IP is read from X-Forwarded-For.
  @IsOptional() @Transform(toInteger) @IsInt() @Min(0) @Max(10)
  TRUST_PROXY = 0;

  // Origins allowed to send state-changing requests, besides the API's own (comma-separated).
  @IsOptional() @IsString()
  ALLOWED_ORIGINS = '';
}

export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  database: { mode: 'embedded' | 'postgres'; url?: string; poolSize: number; limits: SessionLimits };
  dataDir: string;
  demo: boolean;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  purgeIntervalMinutes: number;
  trustProxy: number;
  allowedOrigins: string[];
}

export class ConfigError extends Error {}

const FIELD_HINTS: Record<string, string> = {
  PORT: 'un entier entre 1 et 65535',
  DATABASE_URL: 'une URL postgres://utilisateur:motdepasse@hôte:port/base',
  DATABASE_POOL_SIZE: 'un entier entre 1 et 200',
  DATABASE_STATEMENT_TIMEOUT_MS: 'un nombre de millisecondes entre 100 et 3600000',
  DATABASE_LOCK_TIMEOUT_MS: 'un nombre de millisecondes entre 100 et 3600000',
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'un nombre de millisecondes entre 100 et 3600000',
  NODE_ENV: `l'une des valeurs ${NODE_ENVS.join(', ')}`,
  LOG_LEVEL: `l'une des valeurs ${LOG_LEVELS.join(', ')}`,
  SILLON_DEMO: 'true ou false',
  COOKIE_SECURE: 'true ou false',
  SESSION_IDLE_MINUTES: 'un nombre de minutes entre 1 et 1440',
  SESSION_ABSOLUTE_HOURS: "un nombre d'heures entre 1 et 720",
  PURGE_INTERVAL_MINUTES: 'un nombre de minutes entre 1 et 1440',
  TRUST_PROXY: 'un entier entre 0 et 10',
};

// Reads and validates the environment; throws a ConfigError whose message names each bad variable.
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const input = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => (known.includes(key) || key === 'DATABASE_URL' || key === 'SILLON_DEMO' || key === 'COOKIE_SECURE') && value !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, input);
  const errors = validateSync(vars, { whitelist: true });
  if (errors.length > 0) {
    const parts = errors.map((e) => `${e.property} doit être ${FIELD_HINTS[e.property] ?? 'valide'} (reçu « ${String(e.value)} »)`);
    throw new ConfigError(`Configuration invalide : ${parts.join(' ; ')}.`);
  }
  const production = vars.NODE_ENV === 'production';
  if (production && vars.SILLON_DEMO === true) {
    // The demo accounts share a public password: a production deployment never gets them.
    throw new ConfigError(
      'Configuration invalide : SILLON_DEMO=true est refusé avec NODE_ENV=production (les comptes de démonstration ont un mot de passe public).',
    );
  }
  const embedded = !vars.DATABASE_URL;
  return {
    port: vars.PORT,
    host: vars.HOST,
    production,
    database: {
      mode: embedded ? 'embedded' : 'postgres',
      url: vars.DATABASE_URL,
      poolSize: vars.DATABASE_POOL_SIZE,
      limits: {
        statementTimeoutMs: vars.DATABASE_STATEMENT_TIMEOUT_MS,
        lockTimeoutMs: vars.DATABASE_LOCK_TIMEOUT_MS,
        idleInTransactionTimeoutMs: vars.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      },
    },
    dataDir: vars.SILLON_DATA_DIR,
    demo: vars.SILLON_DEMO === true,
    logLevel: vars.LOG_LEVEL,
    session: {
      idleMinutes: vars.SESSION_IDLE_MINUTES,
      absoluteHours: vars.SESSION_ABSOLUTE_HOURS,
      secureCookie: vars.COOKIE_SECURE ?? true,
    },
    purgeIntervalMinutes: vars.PURGE_INTERVAL_MINUTES,
    trustProxy: vars.TRUST_PROXY,
    allowedOrigins: vars.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
  };
}
