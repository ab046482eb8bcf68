import { Clock } from '../../../../apps/api/src/modules/auth/clock';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { binary, seedPortfolio } from './report-fixture';

const QUERY = 'from=2026-01-01&to=2026-06-30&asOf=2026-06-30';

describe('portfolio exports: 20 per minute per user', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let director: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    await seedPortfolio(t, tenants);
    manager = await signIn(t, tenants.managerLille.email);
    director = await signIn(t, tenants.directorHdf.email);
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  const exportCount = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'export' AND entity_type = 'report'`))[0].n;

  it('answers the 21st export of a minute, in any format, with a 429 problem in French, and serves other users and the figures', async () => {
    const start = Date.now();
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(start));
    // CSV, XLSX and PDF share one count.
    const formats = [...Array(18).fill('csv'), 'xlsx', 'pdf'];
    for (const format of formats) {
      const res = await manager.get(`/api/v1/reports/portfolio.${format}?${QUERY}`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
    }
    const before = await exportCount();
    for (const format of ['csv', 'xlsx', 'pdf']) {
      const refused = await manager.get(`/api/v1/reports/portfolio.${format}?${QUERY}`);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 429, title: 'Trop de requêtes', type: 'urn:sillon:problem:rate-limited' });
      expect(refused.body.detail).toMatch(/^Trop de demandes/);
      expect(Number(refused.headers['retry-after'])).toBe(60);
    }
    // Nothing was exported, nor recorded as exported.
    expect(await exportCount()).toBe(before);

    // The figures on screen are not an export; another user exports as usual.
    await manager.get(`/api/v1/reports/portfolio?${QUERY}`).expect(200);
    const other = await director.get(`/api/v1/reports/portfolio.csv?${QUERY}`).buffer(true).parse(binary);
    expect(other.status).toBe(200);

    // Once the minute is over, the first user exports again.
    clock.mockReturnValue(new Date(start + 61_000));
    const again = await manager.get(`/api/v1/reports/portfolio.csv?${QUERY}`).buffer(true).parse(binary);
    expect(again.status).toBe(200);
  });
});
