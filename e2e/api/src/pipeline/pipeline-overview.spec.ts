import type { NextMilestone, PipelineOverview } from '@sillon/contracts';
import { seedTenants, SeededLab, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// Dates relative to today in Paris, as the overview computes them.
const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

function daysAgo(days: number): string {
  const d = new Date(`${parisToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

describe('GET /api/v1/pipeline/overview and next-milestones', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let director: Session;
  let admin: Session;
  let managerAmiens: Session;
  let counter = 0;
  const ids: Record<string, string> = {};

  async function project(
    lab: SeededLab,
    key: string,
    o: { stage?: string; status?: string; departments?: string[]; leadId?: string | null; enteredDaysAgo?: number; archived?: boolean },
  ): Promise<string> {
    counter += 1;
    const [row] = await t.dataSource.query(
      `INSERT INTO project (lab_id, code, name, stage, status, departments, lead_id, stage_entered_at, archived_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() - make_interval(days => $8), $9) RETURNING id`,
      [lab.id, `${lab.code}-2026-${String(800 + counter).padStart(3, '0')}`, `Projet ${key}`, o.stage ?? 'ideation', o.status ?? 'active',
        o.departments ?? [], o.leadId ?? null, o.enteredDaysAgo ?? 1, o.archived ? new Date() : null],
    );
    ids[key] = row.id;
    return row.id;
  }

  async function milestone(projectId: string, labId: string, o: { kind?: string; dueOn: string; done?: string; participants?: number; title?: string }) {
    await t.dataSource.query(
      `INSERT INTO milestone (project_id, lab_id, title, kind, stage, due_on, completed_on, status, participant_count)
       VALUES ($1, $2, $3, $4, 'ideation', $5, $6, $7, $8)`,
      [projectId, labId, o.title ?? 'Jalon', o.kind ?? 'workshop', o.dueOn, o.done ?? null, o.done ? 'done' : 'planned', o.participants ?? null],
    );
  }

  async function funding(projectId: string, labId: string, status: string, amountCents: number) {
    await t.dataSource.query(`INSERT INTO funding_line (project_id, lab_id, scheme, amount_cents, status) VALUES ($1, $2, 'subvention', $3, $4)`, [
      projectId, labId, amountCents, status,
    ]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, director, admin, managerAmiens] = await Promise.all(
      [tenants.managerLille, tenants.leadLille, tenants.directorHdf, tenants.admin, tenants.managerAmiens].map((u) => signIn(t, u.email)),
    );
    const { lille, amiens, nancy } = tenants;
    // Lille: four active projects, one paused, one archived.
    const fresh = await project(lille, 'fresh', { stage: 'co_design', departments: ['59'], leadId: tenants.leadLille.id, enteredDaysAgo: 3 });
    const idle = await project(lille, 'idle', { stage: 'ideation', departments: ['59', '62'], leadId: tenants.leadLille.id, enteredDaysAgo: 200 });
    const revived = await project(lille, 'revived', { stage: 'ideation', departments: ['62'], leadId: tenants.lead2Lille.id, enteredDaysAgo: 300 });
    const older = await project(lille, 'older', { stage: 'incubation', enteredDaysAgo: 400 });
    await project(lille, 'paused', { stage: 'prototyping', status: 'on_hold', departments: ['59'], enteredDaysAgo: 500 });
    const archived = await project(lille, 'archived', { stage: 'ideation', departments: ['59'], enteredDaysAgo: 500, archived: true });
    // Amiens (same region) and Nancy (another region).
    const picard = await project(amiens, 'picard', { stage: 'scale_up', departments: ['80'], enteredDaysAgo: 10 });
    const lorrain = await project(nancy, 'lorrain', { stage: 'scale_up', departments: ['54'], enteredDaysAgo: 500 });

    // A milestone done 10 days ago revives a project entered 300 days ago; one done 100 days ago does not.
    await milestone(revived, lille.id, { dueOn: daysAgo(12), done: daysAgo(10), participants: 12 });
    await milestone(idle, lille.id, { dueOn: daysAgo(100), done: daysAgo(100), participants: 5, kind: 'event' });
    await milestone(idle, lille.id, { dueOn: daysAgo(5), title: 'Atelier en retard' });
    await milestone(idle, lille.id, { dueOn: daysAgo(-30), title: 'Test à venir', kind: 'user_test' });
    await milestone(fresh, lille.id, { dueOn: daysAgo(-10), title: 'Prochain atelier' });
    await milestone(fresh, lille.id, { dueOn: daysAgo(-40), title: 'Plus tard' });
    await milestone(archived, lille.id, { dueOn: daysAgo(30), title: 'Projet archivé' });
    await milestone(older, lille.id, { dueOn: daysAgo(400), done: daysAgo(400), participants: 1000 });
    await milestone(picard, amiens.id, { dueOn: daysAgo(3), title: 'En retard à Amiens' });
    await milestone(lorrain, nancy.id, { dueOn: daysAgo(3), title: 'En retard à Nancy' });

    await funding(fresh, lille.id, 'requested', 1_000_000);
    await funding(fresh, lille.id, 'granted', 2_500_000);
    await funding(idle, lille.id, 'received', 1_250_050);
    await funding(idle, lille.id, 'refused', 999);
    await funding(archived, lille.id, 'granted', 7_000_000);
    await funding(picard, amiens.id, 'granted', 100);
  });

  afterAll(async () => {
    await t.close();
  });

  it("gives a lab manager their lab's key figures, computed over non-archived projects", async () => {
    const res = await manager.get('/api/v1/pipeline/overview').expect(200);
    const o = res.body as PipelineOverview;
    expect(o).toMatchObject({
      labId: tenants.lille.id,
      regionId: null,
      asOf: parisToday(),
      stalledDays: 60,
      activeProjects: 4,
      activeByStage: { co_design: 1, ideation: 2, prototyping: 0, incubation: 1, scale_up: 0 },
      byStatus: { active: 4, on_hold: 1, stopped: 0, scaled: 0 },
      overdueMilestones: 1,
      fundingCents: { requested: 1_000_000, granted: 2_500_000, received: 1_250_050, refused: 999 },
      fundingGrantedCents: 3_750_050,
      activeByDepartment: [
        { department: '59', count: 2 },
        { department: '62', count: 2 },
      ],
      activeWithoutDepartment: 1,
    });
    // Participants count the milestones done since 1 January only: the 1000 of 400 days ago never, those of 10 and 100 days ago depending on today.
    const thisYear = parisToday().slice(0, 4);
    expect(o.participantsThisYear).toBe((daysAgo(10).startsWith(thisYear) ? 12 : 0) + (daysAgo(100).startsWith(thisYear) ? 5 : 0));
    const leads = [...o.activeByLead].sort((a, b) => a.leadId.localeCompare(b.leadId));
    expect(leads).toEqual(
      [
        { leadId: tenants.leadLille.id, leadName: tenants.leadLille.displayName, count: 2 },
        { leadId: tenants.lead2Lille.id, leadName: tenants.lead2Lille.displayName, count: 1 },
      ].sort((a, b) => a.leadId.localeCompare(b.leadId)),
    );
  });

  it('counts as stalled the active projects with no stage change nor completed milestone for the number of days asked', async () => {
    const sixty = (await manager.get('/api/v1/pipeline/overview').expect(200)).body as PipelineOverview;
    // older: last activity 400 days ago; idle: 100 days ago (its milestone); revived: 10 days ago; the paused one is not active.
    expect(sixty.stalledProjects).toBe(2);
    expect(sixty.stalled.map((s) => [s.id, s.daysIdle, s.lastActivityOn])).toEqual([
      [ids['older'], 400, daysAgo(400)],
      [ids['idle'], 100, daysAgo(100)],
    ]);
    expect(sixty.stalled[1]).toMatchObject({ name: 'Projet idle', stage: 'ideation', leadName: tenants.leadLille.displayName });

    const longer = (await manager.get('/api/v1/pipeline/overview?stalledDays=120').expect(200)).body as PipelineOverview;
    expect(longer).toMatchObject({ stalledDays: 120, stalledProjects: 1 });
    const shorter = (await manager.get('/api/v1/pipeline/overview?stalledDays=7').expect(200)).body as PipelineOverview;
    expect(shorter.stalled.map((s) => s.id)).toEqual([ids['older'], ids['idle'], ids['revived']]);
  });

  it("gives a director their region's figures, and a lab of it on request", async () => {
    const region = (await director.get('/api/v1/pipeline/overview').expect(200)).body as PipelineOverview;
    expect(region).toMatchObject({ labId: null, regionId: tenants.hdf.id, activeProjects: 5, overdueMilestones: 2 });
    expect(region.activeByStage.scale_up).toBe(1);
    expect(region.fundingCents.granted).toBe(2_500_100);
    const amiens = (await director.get(`/api/v1/pipeline/overview?lab=${tenants.amiens.id}`).expect(200)).body as PipelineOverview;
    expect(amiens).toMatchObject({ labId: tenants.amiens.id, activeProjects: 1, activeByDepartment: [{ department: '80', count: 1 }] });
    await director.get(`/api/v1/pipeline/overview?lab=${tenants.nancy.id}`).expect(404);
    await managerAmiens.get(`/api/v1/pipeline/overview?lab=${tenants.lille.id}`).expect(404);
    await manager.get(`/api/v1/pipeline/overview?region=${tenants.ge.id}`).expect(404);
  });

  it('refuses admins and bad numbers of days in French', async () => {
    await admin.get('/api/v1/pipeline/overview').expect(403);
    for (const bad of ['0', '6', '366', 'abc', '1.5']) {
      const res = await manager.get(`/api/v1/pipeline/overview?stalledDays=${bad}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('stalledDays');
    }
    await t.http().get('/api/v1/pipeline/overview').expect(401);
  });

  it('gives the next planned milestone of each visible project asked for', async () => {
    const asked = [ids['fresh'], ids['idle'], ids['older'], ids['picard'], ids['lorrain'], ids['archived']];
    const res = await lead.get(`/api/v1/pipeline/next-milestones?${asked.map((id) => `project=${id}`).join('&')}`).expect(200);
    const byProject = new Map((res.body as NextMilestone[]).map((m) => [m.projectId, m]));
    // idle's earliest planned milestone is the overdue one; older has none planned; other labs and archived are left out.
    expect([...byProject.keys()].sort()).toEqual([ids['fresh'], ids['idle']].sort());
    expect(byProject.get(ids['fresh'])).toMatchObject({ title: 'Prochain atelier', dueOn: daysAgo(-10), late: false, kind: 'workshop' });
    expect(byProject.get(ids['idle'])).toMatchObject({ title: 'Atelier en retard', dueOn: daysAgo(5), late: true });

    const regional = await director.get(`/api/v1/pipeline/next-milestones?project=${ids['picard']}&project=${ids['lorrain']}`).expect(200);
    expect(regional.body.map((m: NextMilestone) => m.title)).toEqual(['En retard à Amiens']);
  });

  it('refuses an empty, oversized or malformed list of projects', async () => {
    await manager.get('/api/v1/pipeline/next-milestones').expect(400);
    await manager.get('/api/v1/pipeline/next-milestones?project=nope').expect(400);
    const many = Array.from({ length: 201 }, () => `project=${ids['fresh']}`).join('&');
    await manager.get(`/api/v1/pipeline/next-milestones?${many}`).expect(400);
    await admin.get(`/api/v1/pipeline/next-milestones?project=${ids['fresh']}`).expect(403);
  });
});
