import { isValidSiret } from '@sillon/util';
import { STAGES, PROJECT_STATUSES, THEMES } from '@sillon/contracts';
import { DEMO_ACCOUNTS, DEMO_OTHER_USERS } from '../../../../apps/api/src/modules/demo/demo-catalogue';
import { DemoSeeder } from '../../../../apps/api/src/modules/demo/demo-seeder';
import { signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const TABLES = ['region', 'lab', 'app_user', 'gate_criterion', 'organisation', 'contact', 'project', 'project_code_counter', 'stage_transition', 'milestone', 'project_partner', 'funding_line', 'lab_activity', 'lab_activity_project', 'lab_activity_facilitator', 'demo_seed'];

async function counts(t: TestApp): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  return result;
}

describe('Demo portfolio', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A demo database: the portfolio is loaded at start-up.
    t = await createTestApp({ SILLON_DEMO: 'true' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('loads a living Lille lab: at least 60 projects over every stage, status and theme', async () => {
    const [lille] = await t.dataSource.query(`SELECT id FROM lab WHERE code = 'LIL'`);
    const projects = await t.dataSource.query(`SELECT stage, status, themes FROM project WHERE lab_id = $1`, [lille.id]);
    expect(projects.length).toBeGreaterThanOrEqual(60);
    expect(new Set(projects.map((p: { stage: string }) => p.stage))).toEqual(new Set(STAGES));
    expect(new Set(projects.map((p: { status: string }) => p.status))).toEqual(new Set(PROJECT_STATUSES));
    const themes = new Set(projects.flatMap((p: { themes: string[] }) => p.themes));
    expect([...themes].every((theme) => (THEMES as readonly string[]).includes(theme as string))).toBe(true);
    expect(themes.size).toBeGreaterThanOrEqual(8);
    const labs = await t.dataSource.query(`SELECT l.code, r.name AS region, count(p.id)::int AS n FROM lab l JOIN region r ON r.id = l.region_id LEFT JOIN project p ON p.lab_id = l.id GROUP BY l.code, r.name ORDER BY l.code`);
    expect(labs).toEqual([
      { code: 'AMI', region: 'Hauts-de-France', n: 15 },
      { code: 'LIL', region: 'Hauts-de-France', n: projects.length },
      { code: 'NAN', region: 'Grand Est', n: 10 },
    ]);
  });

  it('keeps each project’s history consistent with its stage, status and stage_entered_at', async () => {
    const inconsistent = await t.dataSource.query(`
      SELECT p.code FROM project p
      JOIN LATERAL (SELECT to_stage, to_status FROM stage_transition t WHERE t.project_id = p.id ORDER BY decided_at DESC, (t.from_stage IS NULL) LIMIT 1) last ON true
      JOIN LATERAL (SELECT max(decided_at) AS entered FROM stage_transition t WHERE t.project_id = p.id AND t.to_stage IS DISTINCT FROM t.from_stage) moved ON true
      WHERE last.to_stage <> p.stage OR last.to_status <> p.status OR moved.entered <> p.stage_entered_at`);
    expect(inconsistent).toEqual([]);
    const [range] = await t.dataSource.query(`SELECT min(decided_at) AS first, max(decided_at) AS last, count(*)::int AS n FROM stage_transition`);
    expect(new Date(range.first).getUTCFullYear()).toBe(2024);
    expect(new Date(range.last).getTime()).toBeLessThanOrEqual(new Date('2026-11-28T00:00:00Z').getTime());
    const stopped = await t.dataSource.query(`SELECT status_reason FROM project WHERE status = 'stopped'`);
    expect(stopped.every((p: { status_reason: string | null }) => (p.status_reason ?? '').length > 20)).toBe(true);
  });

  it('has milestones with attendance, funding lines and partners with valid SIRETs', async () => {
    const [m] = await t.dataSource.query(`SELECT count(*)::int AS n, sum(participant_count)::int AS participants FROM milestone`);
    expect(m.n).toBeGreaterThan(400);
    expect(m.participants).toBeGreaterThan(1000);
    const sirets = await t.dataSource.query(`SELECT siret FROM organisation`);
    expect(sirets.length).toBeGreaterThan(30);
    expect(sirets.every((o: { siret: string }) => isValidSiret(o.siret))).toBe(true);
    const types = await t.dataSource.query(`SELECT DISTINCT type FROM organisation ORDER BY type`);
    expect(types.map((r: { type: string }) => r.type)).toEqual(expect.arrayContaining(['association', 'local_authority', 'social_economy']));
    const [f] = await t.dataSource.query(`SELECT count(DISTINCT status)::int AS statuses, count(*)::int AS n FROM funding_line`);
    expect(f.statuses).toBe(4);
    const [p] = await t.dataSource.query(`SELECT count(DISTINCT role)::int AS roles FROM project_partner`);
    expect(p.roles).toBe(4);
  });

  it('has the Lille lab’s activities: about 1,000 visitors in 2025 and 3,000 in 2026, workshops run with partners', async () => {
    const years = await t.dataSource.query(
      `SELECT extract(year FROM starts_on)::int AS year, count(*)::int AS activities, sum(participants)::int AS participants
         FROM lab_activity a JOIN lab l ON l.id = a.lab_id WHERE l.code = 'LIL' GROUP BY 1 ORDER BY 1`,
    );
    expect(years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    expect(years[0].participants).toBeGreaterThanOrEqual(900);
    expect(years[0].participants).toBeLessThanOrEqual(1100);
    expect(years[1].participants).toBeGreaterThanOrEqual(2800);
    expect(years[1].participants).toBeLessThanOrEqual(3200);
    const [{ workshops }] = await t.dataSource.query(
      `SELECT count(DISTINCT a.id)::int AS workshops FROM lab_activity a JOIN lab_activity_facilitator f ON f.activity_id = a.id WHERE a.kind = 'workshop'`,
    );
    expect(workshops).toBeGreaterThanOrEqual(2);
  });

  it('opens the four demo accounts of DESIGN.md with the password sillon-demo', async () => {
    for (const email of ['admin@demo.sillon.fr', 'direction@demo.sillon.fr', 'manager@demo.sillon.fr', 'lead@demo.sillon.fr']) {
      const session = await signIn(t, email, 'sillon-demo');
      expect(session.me['email']).toBe(email);
    }
    const lead = await signIn(t, 'lead@demo.sillon.fr', 'sillon-demo');
    const overdue = await lead.get('/api/v1/milestones?overdue=true').expect(200);
    expect(overdue.body.total).toBeGreaterThan(0);
  });

  it('loads twice without duplicates, and always the same data', async () => {
    const before = await counts(t);
    const [{ digest: digestBefore }] = await t.dataSource.query(`SELECT md5(string_agg(code || name || stage || status, ',' ORDER BY code)) AS digest FROM project`);
    const seeder = t.app.get(DemoSeeder);
    await expect(seeder.seed()).resolves.toMatchObject({ created: false });
    await Promise.all([seeder.seed(), seeder.seed()]);
    expect(await counts(t)).toEqual(before);
    // A fresh demo database holds exactly the same portfolio.
    const other = await createTestApp({ SILLON_DEMO: 'true' });
    try {
      const [{ digest }] = await other.dataSource.query(`SELECT md5(string_agg(code || name || stage || status, ',' ORDER BY code)) AS digest FROM project`);
      expect(digest).toBe(digestBefore);
      const [{ ids }] = await other.dataSource.query(`SELECT md5(string_agg(id::text, ',' ORDER BY id)) AS ids FROM milestone`);
      const [{ ids: ours }] = await t.dataSource.query(`SELECT md5(string_agg(id::text, ',' ORDER BY id)) AS ids FROM milestone`);
      expect(ids).toBe(ours);
    } finally {
      await other.close();
    }
  });

  it.each([
    ['SILLON_DEMO=false', 'false'],
    ['SILLON_DEMO unset, on the embedded database', undefined],
  ])('never loads into a database created without demo (%s)', async (_name, demo) => {
    const plain = await createTestApp({ SILLON_DEMO: demo });
    try {
      expect(plain.config.database.mode).toBe('embedded');
      const [{ n }] = await plain.dataSource.query(`SELECT count(*)::int AS n FROM project`);
      expect(n).toBe(0);
      const [{ users }] = await plain.dataSource.query(`SELECT count(*)::int AS users FROM app_user`);
      expect(users).toBe(0);
      const [instance] = await plain.dataSource.query(`SELECT demo FROM instance`);
      expect(instance.demo).toBe(false);
    } finally {
      await plain.close();
    }
  });

  it('refuses to start in production while demo accounts are active, and starts once they are deactivated', async () => {
    const production = { NODE_ENV: 'production', COOKIE_SECURE: 'false' };
    await expect(createTestApp(production, t.connection)).rejects.toThrow(
      new RegExp(String.raw`^Démarrage refusé avec NODE_ENV=production : la base contient ${DEMO_ACCOUNTS.length + DEMO_OTHER_USERS.length} comptes de démonstration actifs \(admin@demo\.sillon\.fr, direction@demo\.sillon\.fr, manager@demo\.sillon\.fr, …\), dont le mot de passe est public\.`),
    );
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE email LIKE '%@demo.sillon.fr'`);
    try {
      const started = await createTestApp(production, t.connection);
      await started.close();
    } finally {
      await t.dataSource.query(`UPDATE app_user SET active = true WHERE email LIKE '%@demo.sillon.fr'`);
    }
  });
});
