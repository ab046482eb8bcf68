import type { LabActivity, PortfolioReport } from '@sillon/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { runWithLabs } from '../../../../apps/api/src/database/database-session';
import { ProjectAccessPolicy } from '../../../../apps/api/src/modules/access/project-access.policy';
import { insertProject } from '../milestones/project-fixture';
import { binary } from '../reports/report-fixture';
import { seedTenants, SeededLab, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field).sort();

describe('lab activities and their attendance', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;
  let lead2: Session;
  let director: Session;
  let directorGe: Session;
  let managerAmiens: Session;
  let admin: Session;
  let lilleProject: { id: string; code: string };
  let amiensProject: { id: string; code: string };
  let lilleOrg: string;
  let amiensOrg: string;

  const insertOrganisation = async (lab: SeededLab, name: string, type = 'association'): Promise<string> =>
    (await t.dataSource.query(`INSERT INTO organisation (lab_id, name, type) VALUES ($1, $2, $3) RETURNING id`, [lab.id, name, type]))[0].id;
  const stored = async () =>
    (await t.dataSource.query(`SELECT (SELECT count(*)::int FROM lab_activity) AS activities,
      (SELECT count(*)::int FROM lab_activity_project) AS projects, (SELECT count(*)::int FROM lab_activity_facilitator) AS facilitators,
      (SELECT count(*)::int FROM audit_event WHERE entity_type = 'lab_activity') AS events`))[0];

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead, lead2, director, directorGe, managerAmiens, admin] = await Promise.all([
      signIn(t, tenants.managerLille.email),
      signIn(t, tenants.leadLille.email),
      signIn(t, tenants.lead2Lille.email),
      signIn(t, tenants.directorHdf.email),
      signIn(t, tenants.directorGe.email),
      signIn(t, tenants.managerAmiens.email),
      signIn(t, tenants.admin.email),
    ]);
    lilleProject = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id, name: 'Épicerie solidaire' });
    amiensProject = await insertProject(t, tenants.amiens, { name: 'Jardins partagés' });
    lilleOrg = await insertOrganisation(tenants.lille, 'Centre social Fives');
    amiensOrg = await insertOrganisation(tenants.amiens, 'Maison de quartier Amiens');
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  describe('record, read, edit, delete', () => {
    let created: LabActivity;

    it('records an activity with its attendance per actor type; the total is the database’s', async () => {
      const res = await manager
        .post('/api/v1/activities')
        .send({
          title: 'Atelier créatif « Quartiers »',
          kind: 'workshop',
          startsOn: '2026-03-12',
          endsOn: '2026-03-13',
          place: 'Lille, Fives',
          description: 'Deux jours de création avec les habitants.',
          projectIds: [lilleProject.id],
          facilitatorIds: [lilleOrg, lilleOrg],
          attendance: { state: 2, local_authority: 5, association: 8, company: 3, citizen: 40 },
        })
        .expect(201);
      created = res.body;
      expect(created).toMatchObject({
        labId: tenants.lille.id,
        labName: 'Lab de Lille',
        title: 'Atelier créatif « Quartiers »',
        kind: 'workshop',
        startsOn: '2026-03-12',
        endsOn: '2026-03-13',
        place: 'Lille, Fives',
        projects: [{ id: lilleProject.id, code: lilleProject.code, name: 'Épicerie solidaire' }],
        facilitators: [{ id: lilleOrg, name: 'Centre social Fives', type: 'association' }],
        attendance: { state: 2, local_authority: 5, association: 8, company: 3, citizen: 40, other: 0 },
        participants: 58,
        createdBy: tenants.managerLille.id,
        createdByName: 'Manon Lille',
        version: 1,
      });
      const read = await director.get(`/api/v1/activities/${created.id}`).expect(200);
      expect(read.body).toEqual(created);
      const [event] = await t.dataSource.query(`SELECT action, lab_id, after FROM audit_event WHERE entity_type = 'lab_activity' AND entity_id = $1`, [created.id]);
      expect(event).toMatchObject({ action: 'create', lab_id: tenants.lille.id, after: { participants: 58 } });
    });

    it('edits with the version it was based on, replacing the links; a stale edit is a 409 that changes nothing', async () => {
      const other = await insertOrganisation(tenants.lille, 'Entreprise partenaire', 'company');
      const res = await manager
        .patch(`/api/v1/activities/${created.id}`)
        .send({ version: 1, title: 'Atelier créatif', endsOn: null, facilitatorIds: [other, lilleOrg], attendance: { citizen: 100, other: 1 } })
        .expect(200);
      expect(res.body).toMatchObject({
        title: 'Atelier créatif',
        endsOn: null,
        version: 2,
        attendance: { state: 2, local_authority: 5, association: 8, company: 3, citizen: 100, other: 1 },
        participants: 119,
        projects: [{ id: lilleProject.id }],
      });
      expect(res.body.facilitators.map((f: { name: string }) => f.name)).toEqual(['Centre social Fives', 'Entreprise partenaire']);

      const stale = await manager.patch(`/api/v1/activities/${created.id}`).send({ version: 1, title: 'Perdu', projectIds: [] }).expect(409);
      expect(stale.body.type).toBe('urn:sillon:problem:stale_version');
      expect(stale.body.current).toMatchObject({ title: 'Atelier créatif', version: 2, projects: [{ id: lilleProject.id }] });
      const again = await manager.get(`/api/v1/activities/${created.id}`).expect(200);
      expect(again.body).toEqual(res.body);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'update'`, [created.id]);
      expect(n).toBe(1);
    });

    it('deletes after an audit of what it was; the activity and its links are gone', async () => {
      await manager.delete(`/api/v1/activities/${created.id}`).expect(204);
      await manager.get(`/api/v1/activities/${created.id}`).expect(404);
      const [{ links }] = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM lab_activity_project WHERE activity_id = $1) + (SELECT count(*) FROM lab_activity_facilitator WHERE activity_id = $1) AS links`,
        [created.id],
      );
      expect(Number(links)).toBe(0);
      const [event] = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE entity_id = $1 AND action = 'delete'`, [created.id]);
      expect(event.before).toMatchObject({ title: 'Atelier créatif', participants: 119 });
      expect(event.after).toBeNull();
    });
  });

  describe('who may do what', () => {
    let byLead: LabActivity;
    let byManager: LabActivity;

    beforeAll(async () => {
      byLead = (await lead.post('/api/v1/activities').send({ title: 'Visite du lab', kind: 'visit', startsOn: '2026-05-02' }).expect(201)).body;
      byManager = (await manager.post('/api/v1/activities').send({ title: 'Formation agents', kind: 'training', startsOn: '2026-05-03' }).expect(201)).body;
    });

    it('lets a lead change the activities they recorded, the lab manager every one of the lab', async () => {
      await lead.patch(`/api/v1/activities/${byLead.id}`).send({ version: 1, place: 'Lille' }).expect(200);
      await lead.patch(`/api/v1/activities/${byManager.id}`).send({ version: 1, place: 'Ailleurs' }).expect(403);
      await lead2.patch(`/api/v1/activities/${byLead.id}`).send({ version: 2, place: 'Ailleurs' }).expect(403);
      await lead2.delete(`/api/v1/activities/${byLead.id}`).expect(403);
      await manager.patch(`/api/v1/activities/${byLead.id}`).send({ version: 2, place: 'Lille, Moulins' }).expect(200);
      expect((await lead.get(`/api/v1/activities/${byLead.id}`).expect(200)).body).toMatchObject({ place: 'Lille, Moulins', version: 3 });
    });

    it('lets the region’s director read and change nothing; others see nothing of the lab', async () => {
      await director.get(`/api/v1/activities/${byLead.id}`).expect(200);
      await director.post('/api/v1/activities').send({ title: 'Direction', kind: 'event', startsOn: '2026-05-04' }).expect(403);
      await director.patch(`/api/v1/activities/${byLead.id}`).send({ version: 3, place: 'Ailleurs' }).expect(403);
      await director.delete(`/api/v1/activities/${byLead.id}`).expect(403);
      await directorGe.get(`/api/v1/activities/${byLead.id}`).expect(404);
      await managerAmiens.get(`/api/v1/activities/${byLead.id}`).expect(404);
      await managerAmiens.patch(`/api/v1/activities/${byLead.id}`).send({ version: 3, place: 'Amiens' }).expect(404);
      await managerAmiens.delete(`/api/v1/activities/${byLead.id}`).expect(404);
      await admin.get('/api/v1/activities').expect(403);
      await admin.post('/api/v1/activities').send({ title: 'Admin', kind: 'event', startsOn: '2026-05-04' }).expect(403);
      await t.http().get('/api/v1/activities').expect(401);
      expect((await directorGe.get('/api/v1/activities').expect(200)).body.items).toEqual([]);
      const amiens = await managerAmiens.get('/api/v1/activities').expect(200);
      expect(amiens.body.items.map((a: LabActivity) => a.id)).not.toContain(byLead.id);
      expect((await manager.get(`/api/v1/activities/${byLead.id}`).expect(200)).body.place).toBe('Lille, Moulins');
    });
  });

  describe('bad input: a 400 naming each field, nothing written', () => {
    it('names the kind, the counts, the dates, other labs’ projects and unknown organisations at once', async () => {
      const before = await stored();
      const res = await manager
        .post('/api/v1/activities')
        .send({ title: 'Mauvais', kind: 'party', startsOn: '2026-13-01', attendance: { citizen: -1, company: 1.5, guests: 3 } })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res)).toEqual(['attendance.citizen', 'attendance.company', 'attendance.guests', 'kind', 'startsOn']);
      expect(res.body.errors.find((e: { field: string }) => e.field === 'attendance.citizen').message).toBe('La valeur minimale est 0.');

      const links = await manager
        .post('/api/v1/activities')
        .send({ title: 'Liens', kind: 'event', startsOn: '2026-04-10', endsOn: '2026-04-09', projectIds: [amiensProject.id], facilitatorIds: [amiensOrg] })
        .expect(400);
      expect(fields(links)).toEqual(['endsOn', 'facilitatorIds', 'projectIds']);
      expect(links.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['dateOrder', 'unknownReference', 'unknownReference']);

      await manager.post('/api/v1/activities').send({ title: '   ', kind: 'event', startsOn: '2026-04-10', attendance: { other: 1_000_001 } }).expect(400)
        .then((r) => expect(fields(r)).toEqual(['attendance.other', 'title']));
      await manager.post('/api/v1/activities').send({ title: 'x', kind: 'event', startsOn: '2026-04-10', projectIds: ['pas-un-id'] }).expect(400)
        .then((r) => expect(fields(r)).toEqual(['projectIds']));
      expect(await stored()).toEqual(before);
    });

    it('refuses a bad edit whole: links and fields stay as they were', async () => {
      const activity = (await manager
        .post('/api/v1/activities')
        .send({ title: 'Stable', kind: 'event', startsOn: '2026-04-10', projectIds: [lilleProject.id], attendance: { citizen: 10 } })
        .expect(201)).body as LabActivity;
      const before = await stored();
      const res = await manager
        .patch(`/api/v1/activities/${activity.id}`)
        .send({ version: 1, endsOn: '2026-04-01', projectIds: [amiensProject.id], attendance: { citizen: 20 } })
        .expect(400);
      expect(fields(res)).toEqual(['endsOn', 'projectIds']);
      expect((await manager.get(`/api/v1/activities/${activity.id}`).expect(200)).body).toEqual(activity);
      expect(await stored()).toEqual(before);
      await manager.get('/api/v1/activities?from=2026-05-01&to=2026-04-01').expect(400).then((r) => expect(fields(r)).toEqual(['to']));
      await manager.get('/api/v1/activities?pageSize=201&kind=party').expect(400).then((r) => expect(fields(r)).toEqual(['kind', 'pageSize']));
    });
  });

  describe('the list', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      await t.dataSource.query(`DELETE FROM lab_activity`);
      const add = async (session: Session, key: string, body: object) => {
        ids[key] = (await session.post('/api/v1/activities').send(body).expect(201)).body.id;
      };
      await add(manager, 'portes', { title: 'Journée portes ouvertes', kind: 'event', startsOn: '2025-09-20', place: 'Lille', attendance: { citizen: 300 } });
      await add(manager, 'atelier', { title: 'Atelier médiation numérique', kind: 'workshop', startsOn: '2026-02-10', projectIds: [lilleProject.id], attendance: { association: 12 } });
      await add(lead, 'visite', { title: 'Visite de la préfecture', kind: 'visit', startsOn: '2026-06-01', place: 'Fives', attendance: { state: 6 } });
      await add(managerAmiens, 'amiens', { title: 'Atelier Amiens', kind: 'workshop', startsOn: '2026-03-01', attendance: { citizen: 50 } });
    });

    const list = async (session: Session, query = '') => {
      const res = await session.get(`/api/v1/activities${query}`).expect(200);
      return res.body as { items: LabActivity[]; total: number; page: number; pageSize: number };
    };
    const keys = (page: { items: LabActivity[] }) => page.items.map((a) => Object.entries(ids).find(([, id]) => id === a.id)?.[0]);

    it('sorts by date, most recent first, within the caller’s reach, paginated', async () => {
      expect(keys(await list(manager))).toEqual(['visite', 'atelier', 'portes']);
      expect(keys(await list(director))).toEqual(['visite', 'amiens', 'atelier', 'portes']);
      const page = await list(director, '?pageSize=2&page=2');
      expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(keys(page)).toEqual(['atelier', 'portes']);
    });

    it('filters by lab, kind, period, project and words of the title or place', async () => {
      expect(keys(await list(director, `?lab=${tenants.amiens.id}`))).toEqual(['amiens']);
      expect(keys(await list(director, '?kind=workshop'))).toEqual(['amiens', 'atelier']);
      expect(keys(await list(director, '?from=2026-01-01&to=2026-03-01'))).toEqual(['amiens', 'atelier']);
      expect(keys(await list(manager, `?project=${lilleProject.id}`))).toEqual(['atelier']);
      expect(keys(await list(manager, '?q=mediation%20ATELIER'))).toEqual(['atelier']);
      expect(keys(await list(manager, '?q=fives'))).toEqual(['visite']);
      // Another lab's project or lab filters to nothing.
      expect(keys(await list(manager, `?lab=${tenants.amiens.id}`))).toEqual([]);
    });

    it('exports the list as filtered: French headers, formulas neutralised, audited', async () => {
      await manager.patch(`/api/v1/activities/${ids['portes']}`).send({ version: 1, place: '=HYPERLINK("http://evil")' }).expect(200);
      const csv = await manager.get('/api/v1/activities.csv?from=2025-01-01').expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="sillon-activites-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = parse(csv.text, { bom: true, delimiter: ';' }) as string[][];
      expect(rows[0]).toEqual([
        'Date de début', 'Date de fin', 'Intitulé', 'Type', 'Lab', 'Lieu', 'Projets liés', 'Animé avec',
        'État', 'Collectivités', 'Associations', 'Entreprises', 'Citoyens', 'Autres', 'Total des participants', 'Description',
      ]);
      expect(rows.slice(1).map((r) => r[2])).toEqual(['Visite de la préfecture', 'Atelier médiation numérique', 'Journée portes ouvertes']);
      expect(rows[3].slice(3, 6)).toEqual(['Événement', 'Lab de Lille', `'=HYPERLINK("http://evil")`]);
      expect(rows[2][6]).toBe(`${lilleProject.code} Épicerie solidaire`);
      expect(rows[3].slice(8, 15)).toEqual(['0', '0', '0', '0', '300', '0', '300']);

      const xlsx = await director.get('/api/v1/activities.xlsx?kind=workshop').buffer(true).parse(binary).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Synthèse', 'Activités']);
      const sheet = workbook.getWorksheet('Activités');
      expect(sheet?.rowCount).toBe(3);
      expect(sheet?.getRow(2).getCell(3).value).toBe('Atelier Amiens');
      expect(sheet?.getRow(2).getCell(15).value).toBe(50);

      const events = await t.dataSource.query(`SELECT actor_id, after FROM audit_event WHERE action = 'export' AND entity_type = 'lab_activity' ORDER BY id`);
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({ actor_id: tenants.managerLille.id, after: { format: 'csv', rows: 3, filters: { from: '2025-01-01' } } });
      expect(events[1]).toMatchObject({ actor_id: tenants.directorHdf.id, after: { format: 'xlsx', rows: 2 } });
      await admin.get('/api/v1/activities.csv').expect(403);
      await t.http().get('/api/v1/activities.xlsx').expect(401);
    });

    it('lists on a project page the activities linked to it, for whoever reads the project', async () => {
      expect(keys(await list(director, `?project=${lilleProject.id}`))).toEqual(['atelier']);
      expect(keys(await list(managerAmiens, `?project=${lilleProject.id}`))).toEqual([]);
    });

    it('adds the activities of the period and scope to the portfolio report, per kind and per actor type', async () => {
      const report = async (session: Session, query: string): Promise<PortfolioReport> => (await session.get(`/api/v1/reports/portfolio?${query}`).expect(200)).body;
      const hdf = await report(director, 'from=2026-01-01&to=2026-12-31');
      expect(hdf.activities.byKind).toEqual([
        { kind: 'event', activities: 0, participants: 0 },
        { kind: 'workshop', activities: 2, participants: 62 },
        { kind: 'training', activities: 0, participants: 0 },
        { kind: 'visit', activities: 1, participants: 6 },
        { kind: 'other', activities: 0, participants: 0 },
      ]);
      expect(hdf.activities.byActorType).toEqual([
        { actorType: 'state', participants: 6 },
        { actorType: 'local_authority', participants: 0 },
        { actorType: 'association', participants: 12 },
        { actorType: 'company', participants: 0 },
        { actorType: 'citizen', participants: 50 },
        { actorType: 'other', participants: 0 },
      ]);
      expect(hdf.activities.totals).toEqual({ activities: 3, participants: 68 });
      // The manager's lab only; the period decides.
      expect((await report(manager, 'from=2026-01-01&to=2026-12-31')).activities.totals).toEqual({ activities: 2, participants: 18 });
      expect((await report(manager, 'from=2025-01-01&to=2025-12-31')).activities.totals).toEqual({ activities: 1, participants: 300 });
      expect((await report(director, `from=2026-01-01&to=2026-12-31&lab=${tenants.lille.id}`)).activities.totals).toEqual({ activities: 2, participants: 18 });
      expect((await report(directorGe, 'from=2025-01-01&to=2026-12-31')).activities.totals).toEqual({ activities: 0, participants: 0 });

      const csv = await director.get('/api/v1/reports/portfolio.csv?from=2026-01-01&to=2026-12-31&table=activitiesByKind').expect(200);
      const rows = parse(csv.text, { bom: true, delimiter: ';' }) as string[][];
      expect(rows[0]).toEqual(['Type', 'Activités', 'Participants']);
      expect(rows).toContainEqual(['Atelier', '2', '62']);
      expect(rows[rows.length - 1]).toEqual(['Total', '3', '68']);
      const actors = await director.get('/api/v1/reports/portfolio.csv?from=2026-01-01&to=2026-12-31&table=activitiesByActor').expect(200);
      const actorRows = parse(actors.text, { bom: true, delimiter: ';' }) as string[][];
      expect(actorRows[0]).toEqual(['Acteurs', 'Participants']);
      expect(actorRows.slice(1)).toEqual([['État', '6'], ['Collectivités', '0'], ['Associations', '12'], ['Entreprises', '0'], ['Citoyens', '50'], ['Autres', '0'], ['Total', '68']]);
    });
  });

  describe('the database wall', () => {
    it('keeps another lab’s activities and links from the API role, even with a query lacking the lab condition', async () => {
      const amiens = (await managerAmiens
        .post('/api/v1/activities')
        .send({ title: 'Secret d’Amiens', kind: 'event', startsOn: '2026-07-01', projectIds: [amiensProject.id], facilitatorIds: [amiensOrg] })
        .expect(201)).body as LabActivity;
      const api = (sql: string, params: unknown[] = []) => t.apiDataSource.query(sql, params);
      expect(await api(`SELECT id FROM lab_activity`)).toEqual([]);
      const seen = await runWithLabs([tenants.lille.id], async () => ({
        activities: await api(`SELECT lab_id FROM lab_activity`),
        projects: await api(`SELECT activity_id FROM lab_activity_project WHERE activity_id = $1`, [amiens.id]),
        facilitators: await api(`SELECT activity_id FROM lab_activity_facilitator WHERE activity_id = $1`, [amiens.id]),
      }));
      expect(seen.activities.length).toBeGreaterThan(0);
      expect(new Set(seen.activities.map((r: { lab_id: string }) => r.lab_id))).toEqual(new Set([tenants.lille.id]));
      expect(seen.projects).toEqual([]);
      expect(seen.facilitators).toEqual([]);
      await runWithLabs([tenants.lille.id], async () => {
        await expect(api(`INSERT INTO lab_activity (lab_id, title, kind, starts_on) VALUES ($1, 'Intrus', 'event', '2026-01-01')`, [tenants.amiens.id])).rejects.toThrow(
          /row-level security/,
        );
        await expect(api(`INSERT INTO lab_activity_project (activity_id, project_id) VALUES ($1, $2)`, [amiens.id, lilleProject.id])).rejects.toThrow(/row-level security/);
        const [, deleted] = await api(`DELETE FROM lab_activity WHERE id = $1`, [amiens.id]);
        expect(deleted).toBe(0);
      });

      // Every scope the services write in SQL now lets everything through: PostgreSQL still does not.
      jest.spyOn(ProjectAccessPolicy.prototype, 'labScope').mockReturnValue('true');
      const list = await manager.get('/api/v1/activities?pageSize=200').expect(200);
      expect(list.body.items.map((a: LabActivity) => a.id)).not.toContain(amiens.id);
      expect(new Set(list.body.items.map((a: LabActivity) => a.labId))).toEqual(new Set([tenants.lille.id]));
      await manager.get(`/api/v1/activities/${amiens.id}`).expect(404);
      await manager.delete(`/api/v1/activities/${amiens.id}`).expect(404);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM lab_activity WHERE id = $1`, [amiens.id]);
      expect(n).toBe(1);
    });
  });
});
