import { createTestApp, TestApp } from '../support/test-app';

describe('Demo commons', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SILLON_DEMO: 'true' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives public demo projects of every lab commons, some reused by other territories, all in the open-data feed', async () => {
    const res = await t.http().get('/api/v1/open-data/projects.json').expect(200);
    const withCommons = res.body.projects.filter((p: { commons: unknown[] }) => p.commons.length > 0);
    expect(new Set(withCommons.map((p: { labName: string }) => p.labName)).size).toBe(3);
    const commons = withCommons.flatMap((p: { commons: { reuses: unknown[]; url: string }[] }) => p.commons);
    expect(commons.length).toBeGreaterThanOrEqual(4);
    expect(commons.some((c: { reuses: unknown[] }) => c.reuses.length >= 2)).toBe(true);
    expect(commons.every((c: { url: string }) => c.url.startsWith('https://'))).toBe(true);
    const [{ hidden }] = await t.dataSource.query(
      `SELECT count(*)::int AS hidden FROM project_common c JOIN project p ON p.id = c.project_id WHERE NOT p.is_public OR p.archived_at IS NOT NULL`,
    );
    expect(hidden).toBe(0);
    // No person of the demo (accounts, contacts) appears in the feed.
    const people: { name: string }[] = await t.dataSource.query(`SELECT display_name AS name FROM app_user UNION SELECT full_name FROM contact UNION SELECT email FROM contact`);
    for (const { name } of people) expect(res.text).not.toContain(name);
  });
});
