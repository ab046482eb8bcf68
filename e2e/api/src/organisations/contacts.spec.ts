import { Clock } from '../../../../apps/api/src/modules/auth/clock';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { insertProject } from '../milestones/project-fixture';

// Every text column of every table of the test schema, searched for a value.
async function tablesMentioning(t: TestApp, needle: string): Promise<string[]> {
  const columns: { table_name: string; column_name: string }[] = await t.dataSource.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type IN ('character varying', 'text', 'jsonb', 'ARRAY')`,
  );
  const found = new Set<string>();
  for (const { table_name, column_name } of columns) {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
      [`%${needle}%`],
    );
    if (row.n > 0) found.add(`${table_name}.${column_name}`);
  }
  return [...found];
}

describe('Contacts: personal data, export and erasure', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  let lead: Session;

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [manager, lead] = await Promise.all([signIn(t, tenants.managerLille.email), signIn(t, tenants.leadLille.email)]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('exports every reference to a contact, and erasure leaves none anywhere', async () => {
    const email = 'sandrine.vandamme@jardins-fives.fr';
    const fullName = 'Sandrine Vandamme';
    const org = await manager.post('/api/v1/organisations').send({ name: 'Les Jardins de Fives', type: 'association' }).expect(201);
    const contact = await manager
      .post('/api/v1/contacts')
      .send({ organisationId: org.body.id, fullName, email, phone: '+33 3 20 00 00 00', roleTitle: 'Coordinatrice' })
      .expect(201);
    const edited = await manager.patch(`/api/v1/contacts/${contact.body.id}`).send({ version: 1, roleTitle: 'Directrice' }).expect(200);
    expect(edited.body.version).toBe(2);
    const project = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    const partner = await manager
      .post(`/api/v1/projects/${project.id}/partners`)
      .send({ organisationId: org.body.id, role: 'lead_partner', contactId: contact.body.id })
      .expect(201);
    expect(partner.body.contactName).toBe(fullName);

    await lead.get(`/api/v1/contacts/${contact.body.id}/export`).expect(403);
    const exported = await manager.get(`/api/v1/contacts/${contact.body.id}/export`).expect(200);
    expect(exported.body.contact).toMatchObject({ fullName, email, roleTitle: 'Directrice' });
    expect(exported.body.organisation.id).toBe(org.body.id);
    expect(exported.body.partnerships.map((p: { id: string }) => p.id)).toEqual([partner.body.id]);
    // Created, edited, and named by the partnership's event.
    expect(exported.body.auditEvents.map((e: { action: string; entityType: string }) => `${e.entityType}:${e.action}`)).toEqual([
      'contact:create',
      'contact:update',
      'project_partner:create',
    ]);
    // Everything the database holds that names the person is in the export.
    const holding = await tablesMentioning(t, email);
    expect(holding.sort()).toEqual(['audit_event.after', 'audit_event.before', 'contact.email'].sort());

    await lead.delete(`/api/v1/contacts/${contact.body.id}/erasure`).expect(403);
    const erased = await manager.delete(`/api/v1/contacts/${contact.body.id}/erasure`).expect(200);
    // The three events above, and the export's own.
    expect(erased.body).toEqual({ contactId: contact.body.id, partnershipsUnlinked: 1, auditEventsScrubbed: 4 });

    expect(await tablesMentioning(t, email)).toEqual([]);
    expect(await tablesMentioning(t, fullName)).toEqual([]);
    expect(await tablesMentioning(t, '3 20 00 00 00')).toEqual([]);
    await manager.get(`/api/v1/contacts/${contact.body.id}`).expect(404);
    const partners = await lead.get(`/api/v1/projects/${project.id}/partners`).expect(200);
    expect(partners.body[0]).toMatchObject({ id: partner.body.id, contactId: null, contactName: null });
    // The trail keeps its events, and stays append-only outside an erasure.
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [contact.body.id]);
    expect(n).toBeGreaterThanOrEqual(3);
    await expect(t.dataSource.query(`UPDATE audit_event SET after = NULL WHERE entity_id = $1`, [contact.body.id])).rejects.toThrow(/append-only/);
  });

  it('keeps contacts within their lab', async () => {
    const org = await manager.post('/api/v1/organisations').send({ name: 'CCAS de Tourcoing', type: 'local_authority' }).expect(201);
    const contact = await manager.post('/api/v1/contacts').send({ organisationId: org.body.id, fullName: 'Karim Benali', email: 'k.benali@ccas-tourcoing.fr' }).expect(201);
    const nancy = await signIn(t, tenants.managerNancy.email);
    await nancy.get(`/api/v1/contacts/${contact.body.id}`).expect(404);
    await nancy.get(`/api/v1/contacts/${contact.body.id}/export`).expect(404);
    await nancy.delete(`/api/v1/contacts/${contact.body.id}/erasure`).expect(404);
    const res = await nancy.post('/api/v1/contacts').send({ organisationId: org.body.id, fullName: 'X', email: 'x@y.fr' }).expect(400);
    expect(res.body.errors[0].field).toBe('organisationId');
    expect((await lead.get(`/api/v1/contacts?organisation=${org.body.id}`).expect(200)).body.total).toBe(1);
  });

  it('answers 429 to the 11th export or erasure of a minute, for that user only', async () => {
    const org = await manager.post('/api/v1/organisations').send({ name: 'Maison de quartier de Wazemmes', type: 'association' }).expect(201);
    const contact = await manager.post('/api/v1/contacts').send({ organisationId: org.body.id, fullName: 'Inès Morel', email: 'ines.morel@wazemmes.fr' }).expect(201);
    const amiens = await signIn(t, tenants.managerAmiens.email);
    const amiensOrg = await amiens.post('/api/v1/organisations').send({ name: 'Centre social Étouvie', type: 'association' }).expect(201);
    const amiensContact = await amiens.post('/api/v1/contacts').send({ organisationId: amiensOrg.body.id, fullName: 'Paul Roux', email: 'p.roux@etouvie.fr' }).expect(201);
    const exportOf = `/api/v1/contacts/${contact.body.id}/export`;
    const erasureOf = `/api/v1/contacts/${contact.body.id}/erasure`;

    // A minute of its own, whatever the tests above counted; the clock stands still within it.
    const start = Date.now() + 2 * 60_000;
    const now = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(start));
    try {
      for (let i = 0; i < 10; i++) await manager.get(exportOf).expect(200);
      const refused = await manager.get(exportOf).expect(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 429, title: 'Trop de requêtes', type: 'urn:sillon:problem:rate-limited' });
      expect(refused.body.detail).toMatch(/^Trop de demandes/);
      expect(Number(refused.headers['retry-after'])).toBe(60);
      // Erasure shares the count, and erases nothing when refused.
      await manager.delete(erasureOf).expect(429);
      await manager.get(`/api/v1/contacts/${contact.body.id}`).expect(200);
      // Another lab manager is served meanwhile.
      await amiens.get(`/api/v1/contacts/${amiensContact.body.id}/export`).expect(200);

      now.mockReturnValue(new Date(start + 61_000));
      await manager.delete(erasureOf).expect(200);
    } finally {
      now.mockRestore();
    }
  });
});
