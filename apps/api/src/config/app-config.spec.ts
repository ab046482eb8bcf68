import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the embedded database when DATABASE_URL is unset, without demo data unless SILLON_DEMO=true', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.mode).toBe('embedded');
    expect(config.demo).toBe(false);
    expect(config.dataDir).toBe('./data');
    expect(loadConfig({ SILLON_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
  });

  it('refuses demo data in production, naming SILLON_DEMO', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SILLON_DEMO: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SILLON_DEMO: 'true' })).toThrow(/SILLON_DEMO=true.*NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', SILLON_DEMO: 'false' }).demo).toBe(false);
  });

  it('uses the PostgreSQL server of DATABASE_URL, without demo data by default', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sillon', PORT: '8080' });
    expect(config.database).toEqual({
      mode: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/sillon',
      poolSize: 10,
      limits: { statementTimeoutMs: 30_000, lockTimeoutMs: 5_000, idleInTransactionTimeoutMs: 60_000 },
    });
    expect(config.port).toBe(8080);
    expect(config.demo).toBe(false);
  });

  it('purges expired records every 10 minutes unless PURGE_INTERVAL_MINUTES says otherwise', () => {
    expect(loadConfig({}).purgeIntervalMinutes).toBe(10);
    expect(loadConfig({ PURGE_INTERVAL_MINUTES: '2' }).purgeIntervalMinutes).toBe(2);
    expect(() => loadConfig({ PURGE_INTERVAL_MINUTES: '0' })).toThrow('PURGE_INTERVAL_MINUTES doit être un nombre de minutes entre 1 et 1440 (reçu « 0 »)');
  });

  it('limits each database session: 30 s per statement, 5 s per lock wait, 60 s idle in a transaction, unless set', () => {
    const limits = loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '2000', DATABASE_LOCK_TIMEOUT_MS: '500', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '10000' }).database.limits;
    expect(limits).toEqual({ statementTimeoutMs: 2_000, lockTimeoutMs: 500, idleInTransactionTimeoutMs: 10_000 });
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toThrow(
      'DATABASE_STATEMENT_TIMEOUT_MS doit être un nombre de millisecondes entre 100 et 3600000 (reçu « 0 »)',
    );
    expect(() => loadConfig({ DATABASE_LOCK_TIMEOUT_MS: '5s' })).toThrow(/DATABASE_LOCK_TIMEOUT_MS/);
  });

  it('refuses a bad PORT with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow('PORT doit être un entier entre 1 et 65535 (reçu « abc »)');
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(/DATABASE_URL.*LOG_LEVEL|LOG_LEVEL.*DATABASE_URL/);
  });

  it('sets Secure cookies in every environment unless COOKIE_SECURE=false', () => {
    expect(loadConfig({}).session).toEqual({ idleMinutes: 30, absoluteHours: 8, secureCookie: true });
    for (const NODE_ENV of ['development', 'production', 'test']) {
      expect(loadConfig({ NODE_ENV }).session.secureCookie).toBe(true);
      expect(loadConfig({ NODE_ENV, COOKIE_SECURE: '' }).session.secureCookie).toBe(true);
      expect(loadConfig({ NODE_ENV, COOKIE_SECURE: 'false' }).session.secureCookie).toBe(false);
      expect(loadConfig({ NODE_ENV, COOKIE_SECURE: '0' }).session.secureCookie).toBe(false);
    }
    expect(() => loadConfig({ COOKIE_SECURE: 'non' })).toThrow('COOKIE_SECURE doit être true ou false (reçu « non »)');
  });
});
