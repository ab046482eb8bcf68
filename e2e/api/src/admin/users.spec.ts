import { seedTenants, SeededTenants, Session, signIn, TEST_HOST, TEST_ORIGIN } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('users administration', () => {
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

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).send({ email, password });
  const audits = (entityId: string) =>
    t.dataSource.query(`SELECT action, actor_id, before, after FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`, [entityId]);

  it('creates a project lead in a lab, who can then sign in', async () => {
    const lille = tenants.labs.lille;
    const res = await admin
      .post('/api/v1/users')
      .send({ email: 'Nouvelle.Recrue@test.sillon.fr', displayName: 'Nouvelle Recrue', role: 'project_lead', labId: lille.id, password: 'premier mot de passe' })
      .expect(201);
    expect(res.body).toMatchObject({
      email: 'Nouvelle.Recrue@test.sillon.fr',
      displayName: 'Nouvelle Recrue',
      role: 'project_lead',
      labId: lille.id,
      labName: lille.name,
      regionId: tenants.regions.hdf.id,
      regionName: 'Hauts-de-France',
      active: true,
      version: 1,
    });
    expect(res.body.passwordHash).toBeUndefined();
    expect(JSON.stringify(await audits(res.body.id))).not.toContain('premier mot de passe');
    expect((await audits(res.body.id))[0]).toMatchObject({ action: 'create', actor_id: tenants.users.admin.id });
    await login('nouvelle.recrue@test.sillon.fr', 'premier mot de passe').expect(200);
    await admin.get(`/api/v1/users/${res.body.id}`).expect(200);
  });

  it('accepts passwords of 8 and 128 characters of any kind, refuses 7 and 129 naming the field', async () => {
    const lab = tenants.labs.amiens.id;
    const create = (email: string, password: string) =>
      admin.post('/api/v1/users').send({ email, displayName: 'Essai Mot de passe', role: 'project_lead', labId: lab, password });
    const eight = 'é 🌾 ß\t x';
    expect([...eight].length).toBe(8);
    const long = '🌾'.repeat(64) + 'a b c d '.repeat(8);
    expect([...long].length).toBe(128);
    await create('pw8@test.sillon.fr', eight).expect(201);
    await create('pw128@test.sillon.fr', long).expect(201);
    await login('pw8@test.sillon.fr', eight).expect(200);
    await login('pw128@test.sillon.fr', long).expect(200);
    for (const [email, password] of [
      ['pw7@test.sillon.fr', 'sept ca'],
      ['pw129@test.sillon.fr', 'x'.repeat(129)],
    ]) {
      const res = await create(email, password).expect(400);
      expect(res.body.errors).toEqual([{ field: 'password', code: 'isPassword', message: 'Le mot de passe doit compter de 8 à 128 caractères.' }]);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [email]);
      expect(n).toBe(0);
    }
  });

  it('requires a lab for lab roles and a region for directors, and refuses the other', async () => {
    const base = { displayName: 'Rattachement', password: 'un bon mot de passe' };
    const missingLab = await admin.post('/api/v1/users').send({ ...base, email: 'a@test.sillon.fr', role: 'lab_manager' }).expect(400);
    expect(missingLab.body.errors.map((e: { field: string }) => e.field)).toEqual(['labId']);
    const directorWithLab = await admin
      .post('/api/v1/users')
      .send({ ...base, email: 'b@test.sillon.fr', role: 'regional_director', labId: tenants.labs.lille.id })
      .expect(400);
    expect(directorWithLab.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['labId', 'regionId']);
    const unknownLab = await admin
      .post('/api/v1/users')
      .send({ ...base, email: 'c@test.sillon.fr', role: 'project_lead', labId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknownLab.body.errors[0]).toMatchObject({ field: 'labId' });
    const extra = await admin
      .post('/api/v1/users')
      .send({ ...base, email: 'd@test.sillon.fr', role: 'admin', id: '00000000-0000-4000-8000-000000000000', version: 7 })
      .expect(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['id', 'version']);
    const director = await admin
      .post('/api/v1/users')
      .send({ ...base, email: 'e@test.sillon.fr', role: 'regional_director', regionId: tenants.regions.ge.id })
      .expect(201);
    expect(director.body).toMatchObject({ labId: null, regionId: tenants.regions.ge.id, regionName: 'Grand Est' });
  });

  it('refuses an e-mail already used, whatever its case', async () => {
    const res = await admin
      .post('/api/v1/users')
      .send({ email: tenants.users.leadLille.email.toUpperCase(), displayName: 'Doublon', role: 'admin', password: 'un bon mot de passe' })
      .expect(409);
    expect(res.body.detail).toBe('Un compte existe déjà avec cette adresse e-mail.');
  });

  it('lists with filters, search without accents, sort and pagination', async () => {
    const all = await admin.get('/api/v1/users').query({ pageSize: 200 }).expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(10);
    const leadsOfLille = await admin.get('/api/v1/users').query({ role: 'project_lead', labId: tenants.labs.lille.id, sort: 'email' }).expect(200);
    expect(leadsOfLille.body.items.every((u: { role: string; labId: string }) => u.role === 'project_lead' && u.labId === tenants.labs.lille.id)).toBe(true);
    const emails = leadsOfLille.body.items.map((u: { email: string }) => u.email.toLowerCase());
    expect(emails).toEqual([...emails].sort());
    const ge = await admin.get('/api/v1/users').query({ regionId: tenants.regions.ge.id }).expect(200);
    expect(ge.body.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([tenants.users.managerNancy.id, tenants.users.directorGe.id]));
    expect(ge.body.items.map((u: { id: string }) => u.id)).not.toContain(tenants.users.managerLille.id);
    const search = await admin.get('/api/v1/users').query({ q: 'gaelle' }).expect(200);
    expect(search.body.items.map((u: { id: string }) => u.id)).toEqual([tenants.users.directorGe.id]);
    // Every word, in any order, from the name or the e-mail address.
    const words = await admin.get('/api/v1/users').query({ q: 'direction.ge GAELLE' }).expect(200);
    expect(words.body.items.map((u: { id: string }) => u.id)).toEqual([tenants.users.directorGe.id]);
    const page = await admin.get('/api/v1/users').query({ pageSize: 3, page: 2, sort: '-createdAt' }).expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 3, total: all.body.total });
    expect(page.body.items).toHaveLength(3);
    const bad = await admin.get('/api/v1/users').query({ pageSize: 201, role: 'king', labId: 'x' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['labId', 'pageSize', 'role']);
  });

  it("lets a lab manager read the accounts of their own lab only, and change none", async () => {
    const manager = await signIn(t, tenants.users.managerLille.email);
    const list = await manager.get('/api/v1/users').query({ pageSize: 200 }).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((u: { labId: string }) => u.labId === tenants.labs.lille.id)).toBe(true);
    // Asking for another lab gives nothing, not the other lab's accounts.
    const other = await manager.get('/api/v1/users').query({ labId: tenants.labs.nancy.id }).expect(200);
    expect(other.body.total).toBe(0);
    await manager.get(`/api/v1/users/${tenants.users.leadLille.id}`).expect(200);
    await manager.get(`/api/v1/users/${tenants.users.leadNancy.id}`).expect(404);
    await manager.patch(`/api/v1/users/${tenants.users.leadLille.id}`).send({ version: 1, displayName: 'Piraté' }).expect(403);
    await manager.patch(`/api/v1/users/${tenants.users.leadNancy.id}`).send({ version: 1, displayName: 'Piraté' }).expect(404);
    await manager.delete(`/api/v1/users/${tenants.users.leadLille.id}`).expect(403);
    const [row] = await t.dataSource.query(`SELECT display_name, active, version FROM app_user WHERE id = $1`, [tenants.users.leadLille.id]);
    expect(row).toEqual({ display_name: tenants.users.leadLille.displayName, active: true, version: 1 });
  });

  it('refuses the users area to directors and project leads (403)', async () => {
    for (const key of ['directorHdf', 'leadLille'] as const) {
      const session = await signIn(t, tenants.users[key].email);
      await session.get('/api/v1/users').expect(403);
      await session.get(`/api/v1/users/${tenants.users.leadLille.id}`).expect(403);
      await session.post('/api/v1/users').send({ email: 'x@test.sillon.fr', displayName: 'X', role: 'admin', password: 'un bon mot de passe' }).expect(403);
    }
  });

  it('updates with the version it was based on; a stale version is 409 with the current account', async () => {
    const user = tenants.users.lead2Lille;
    const first = await admin.patch(`/api/v1/users/${user.id}`).send({ version: 1, displayName: 'Lina Lille-Roubaix' }).expect(200);
    expect(first.body).toMatchObject({ displayName: 'Lina Lille-Roubaix', version: 2 });
    const stale = await admin.patch(`/api/v1/users/${user.id}`).send({ version: 1, displayName: 'Autre nom' }).expect(409);
    expect(stale.body.current).toMatchObject({ id: user.id, displayName: 'Lina Lille-Roubaix', version: 2 });
    const read = await admin.get(`/api/v1/users/${user.id}`).expect(200);
    expect(read.body.displayName).toBe('Lina Lille-Roubaix');
    expect((await audits(user.id)).map((a: { action: string }) => a.action)).toEqual(['update']);
  });

  it('moves a lead to a manager of another lab and ends their sessions', async () => {
    const user = tenants.users.leadAmiens;
    const session = await signIn(t, user.email);
    const res = await admin.patch(`/api/v1/users/${user.id}`).send({ version: 1, role: 'lab_manager', labId: tenants.labs.nancy.id }).expect(200);
    expect(res.body).toMatchObject({ role: 'lab_manager', labId: tenants.labs.nancy.id, regionId: tenants.regions.ge.id });
    await session.get('/api/v1/auth/me').expect(401);
    const again = await signIn(t, user.email);
    expect(again.me).toMatchObject({ role: 'lab_manager', labId: tenants.labs.nancy.id });
    // To director: the lab goes, a region is required.
    const noRegion = await admin.patch(`/api/v1/users/${user.id}`).send({ version: 2, role: 'regional_director' }).expect(400);
    expect(noRegion.body.errors.map((e: { field: string }) => e.field)).toEqual(['regionId']);
    await admin.patch(`/api/v1/users/${user.id}`).send({ version: 2, role: 'regional_director', regionId: tenants.regions.hdf.id }).expect(200);
  });

  it('deactivates an account: its session ends at once and it cannot sign in', async () => {
    const user = tenants.users.leadNancy;
    const session = await signIn(t, user.email);
    await session.get('/api/v1/auth/me').expect(200);
    const res = await admin.delete(`/api/v1/users/${user.id}`).expect(200);
    expect(res.body).toMatchObject({ active: false, version: 2 });
    await session.get('/api/v1/auth/me').expect(401);
    await login(user.email, user.password).expect(401);
    expect((await audits(user.id)).map((a: { action: string }) => a.action)).toEqual(['deactivate']);
    // Reactivated through PATCH.
    await admin.patch(`/api/v1/users/${user.id}`).send({ version: 2, active: true }).expect(200);
    await login(user.email, user.password).expect(200);
  });

  it('sets a new password, which ends the old sessions', async () => {
    const user = tenants.users.managerAmiens;
    const session = await signIn(t, user.email);
    await admin.patch(`/api/v1/users/${user.id}`).send({ version: 1, password: 'un tout nouveau mot de passe' }).expect(200);
    await session.get('/api/v1/auth/me').expect(401);
    await login(user.email, user.password).expect(401);
    await login(user.email, 'un tout nouveau mot de passe').expect(200);
    expect(JSON.stringify(await audits(user.id))).not.toContain('un tout nouveau mot de passe');
  });

  it('keeps an admin from locking themselves out', async () => {
    const me = tenants.users.admin;
    await admin.delete(`/api/v1/users/${me.id}`).expect(403);
    await admin.patch(`/api/v1/users/${me.id}`).send({ version: 1, role: 'project_lead', labId: tenants.labs.lille.id }).expect(403);
    await admin.get('/api/v1/auth/me').expect(200);
  });

  it('answers 400 to a malformed id and 404 to an unknown one', async () => {
    const bad = await admin.get('/api/v1/users/not-a-uuid').expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'id' });
    await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000').expect(404);
    await admin.patch('/api/v1/users/00000000-0000-4000-8000-000000000000').send({ version: 1, displayName: 'X' }).expect(404);
  });
});
