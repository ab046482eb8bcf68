import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('regions and labs administration', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    admin = await signIn(t, tenants.users.admin.email);
  });

  afterAll(async () => {
    await t.close();
  });

  it('creates a region and a lab in it, audited', async () => {
    const region = await admin.post('/api/v1/regions').send({ name: 'Normandie' }).expect(201);
    expect(region.body).toEqual({ id: expect.any(String), name: 'Normandie' });
    const lab = await admin.post('/api/v1/labs').send({ name: 'Lab de Caen', code: 'CAE', regionId: region.body.id, departments: ['14', '50', '61', '14'] }).expect(201);
    expect(lab.body).toEqual({ id: expect.any(String), name: 'Lab de Caen', code: 'CAE', regionId: region.body.id, regionName: 'Normandie', departments: ['14', '50', '61'], version: 1 });
    const events = await t.dataSource.query(`SELECT entity_type, action, actor_id FROM audit_event WHERE entity_type IN ('region', 'lab') ORDER BY id`);
    expect(events).toEqual([
      { entity_type: 'region', action: 'create', actor_id: tenants.users.admin.id },
      { entity_type: 'lab', action: 'create', actor_id: tenants.users.admin.id },
    ]);
  });

  it('refuses bad lab input naming each field, and duplicates with 409', async () => {
    const bad = await admin.post('/api/v1/labs').send({ name: '', code: 'caen', regionId: 'x', departments: ['99'] }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'departments', 'name', 'regionId']);
    const unknownRegion = await admin.post('/api/v1/labs').send({ name: 'Lab X', code: 'XXX', regionId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(unknownRegion.body.errors[0].field).toBe('regionId');
    await admin.post('/api/v1/labs').send({ name: 'Autre', code: 'LIL', regionId: tenants.regions.hdf.id }).expect(409);
    await admin.post('/api/v1/regions').send({ name: 'grand est' }).expect(409);
  });

  it('updates a lab with its version; a stale version is 409 with the current lab', async () => {
    const lab = tenants.labs.amiens;
    const updated = await admin.patch(`/api/v1/labs/${lab.id}`).send({ version: 1, departments: ['80', '60'] }).expect(200);
    expect(updated.body).toMatchObject({ departments: ['80', '60'], version: 2 });
    const stale = await admin.patch(`/api/v1/labs/${lab.id}`).send({ version: 1, name: 'Autre nom' }).expect(409);
    expect(stale.body.current).toMatchObject({ id: lab.id, name: lab.name, version: 2 });
    const read = await admin.get(`/api/v1/labs/${lab.id}`).expect(200);
    expect(read.body.name).toBe(lab.name);
    // Fields that are not the lab's to set are refused.
    const extra = await admin.patch(`/api/v1/labs/${lab.id}`).send({ version: 2, id: lab.id, createdAt: '2020-01-01' }).expect(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['createdAt', 'id']);
  });

  it('shows each role the labs and regions within its reach', async () => {
    const ids = (res: { body: { id: string }[] }) => res.body.map((x) => x.id).sort();
    const director = await signIn(t, tenants.users.directorHdf.email);
    expect(ids(await director.get('/api/v1/labs').expect(200))).toEqual([tenants.labs.lille.id, tenants.labs.amiens.id].sort());
    expect(ids(await director.get('/api/v1/regions').expect(200))).toEqual([tenants.regions.hdf.id]);
    const lead = await signIn(t, tenants.users.leadNancy.email);
    expect(ids(await lead.get('/api/v1/labs').expect(200))).toEqual([tenants.labs.nancy.id]);
    expect(ids(await lead.get('/api/v1/labs').query({ region: tenants.regions.hdf.id }).expect(200))).toEqual([]);
    expect((await admin.get('/api/v1/labs').query({ region: tenants.regions.ge.id }).expect(200)).body.map((l: { code: string }) => l.code)).toEqual(['NAN']);
  });
});
