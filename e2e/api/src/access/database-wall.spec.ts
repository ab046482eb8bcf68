import { runWithLabs } from '../../../../apps/api/src/database/database-session';
import { ProjectAccessPolicy } from '../../../../apps/api/src/modules/access/project-access.policy';
import { insertProject } from '../milestones/project-fixture';
import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

// The second wall: PostgreSQL itself keeps each lab's rows to the sessions allowed to see them,
// and the API's role cannot rewrite the audit trail, whatever SQL the API sends.
describe('database wall: the API role, row-level security and the audit trail', () => {
  let t: TestApp;
  let tenants: SeededTenants;
  let managerLille: Session;
  let managerAmiens: Session;
  let lilleProject: { id: string };
  let amiensProject: { id: string };

  const api = (sql: string, params: unknown[] = []) => t.apiDataSource.query(sql, params);
  const trail = () => t.dataSource.query(`SELECT id, lab_id, action, entity_type, before, after FROM audit_event ORDER BY id`);

  const createContact = async (session: Session, fullName: string, email: string) => {
    const org = await session.post('/api/v1/organisations').send({ name: `Organisation de ${email}`, type: 'association' }).expect(201);
    const contact = await session.post('/api/v1/contacts').send({ organisationId: org.body.id, fullName, email }).expect(201);
    return contact.body as { id: string; labId: string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    tenants = await seedTenants(t);
    [managerLille, managerAmiens] = await Promise.all([signIn(t, tenants.managerLille.email), signIn(t, tenants.managerAmiens.email)]);
    lilleProject = await insertProject(t, tenants.lille, { leadId: tenants.leadLille.id });
    amiensProject = await insertProject(t, tenants.amiens, { leadId: tenants.leadAmiens.id });
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  describe('the role the API runs as', () => {
    it('is sillon_api, which owns nothing in the database', async () => {
      expect(await api(`SELECT current_user AS role`)).toEqual([{ role: 'sillon_api' }]);
      const [{ owned }] = await t.dataSource.query(
        `SELECT count(*)::int AS owned FROM pg_class c WHERE c.relowner = 'sillon_api'::regrole`,
      );
      expect(owned).toBe(0);
      await expect(api(`ALTER TABLE project ADD COLUMN intrusion text`)).rejects.toThrow(/must be owner|permission denied/);
      await expect(api(`DROP TABLE audit_event`)).rejects.toThrow(/must be owner|permission denied/);
    });

    it('cannot TRUNCATE, nor update or delete the audit trail, even with the erasure setting on', async () => {
      const before = await trail();
      await expect(api(`TRUNCATE audit_event`)).rejects.toThrow(/permission denied/);
      await expect(api(`TRUNCATE project CASCADE`)).rejects.toThrow(/permission denied/);
      await expect(
        t.apiDataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL sillon.audit_erasure = 'on'`);
          await manager.query(`SET LOCAL sillon.erasure = 'on'`);
          await manager.query(`UPDATE audit_event SET after = NULL`);
        }),
      ).rejects.toThrow(/permission denied/);
      await expect(api(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
      expect(await trail()).toEqual(before);
    });

    it('keeps the trail append-only for its owner too, except through the erasure function', async () => {
      await expect(t.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    });
  });

  describe('row-level security by lab', () => {
    it('shows no lab row to work outside a session, and only its labs to a session', async () => {
      const all = await t.dataSource.query(`SELECT lab_id FROM project`);
      expect(all.length).toBeGreaterThanOrEqual(2);
      expect(await api(`SELECT lab_id FROM project`)).toEqual([]);
      const lille = await runWithLabs([tenants.lille.id], () => api(`SELECT DISTINCT lab_id FROM project`));
      expect(lille).toEqual([{ lab_id: tenants.lille.id }]);
      const region = await runWithLabs([tenants.lille.id, tenants.amiens.id], () => api(`SELECT DISTINCT lab_id FROM project ORDER BY lab_id`));
      expect(region.map((r: { lab_id: string }) => r.lab_id).sort()).toEqual([tenants.lille.id, tenants.amiens.id].sort());
    });

    it('refuses to write a row into another lab, or to move one there', async () => {
      await runWithLabs([tenants.lille.id], async () => {
        await expect(
          api(`INSERT INTO project (lab_id, code, name, stage) VALUES ($1, 'AMI-2026-999', 'Intrus', 'co_design')`, [tenants.amiens.id]),
        ).rejects.toThrow(/row-level security/);
        await expect(api(`UPDATE project SET lab_id = $2 WHERE id = $1`, [lilleProject.id, tenants.amiens.id])).rejects.toThrow(/row-level security/);
        const [, updated] = await api(`UPDATE project SET name = 'Détourné' WHERE id = $1`, [amiensProject.id]);
        expect(updated).toBe(0);
        await expect(
          api(`INSERT INTO milestone (project_id, lab_id, title, kind, stage, due_on) VALUES ($1, $2, 'Intrus', 'decision', 'ideation', '2030-01-01')`, [
            amiensProject.id,
            tenants.amiens.id,
          ]),
        ).rejects.toThrow(/row-level security/);
      });
      const [{ name }] = await t.dataSource.query(`SELECT name FROM project WHERE id = $1`, [amiensProject.id]);
      expect(name).not.toBe('Détourné');
    });

    it('still returns nothing of another lab when a service forgets its scope in SQL', async () => {
      await createContact(managerAmiens, 'Agathe Amiens', 'agathe@amiens.example.fr');
      const lilleContact = await createContact(managerLille, 'Lucas Lille', 'lucas@lille.example.fr');
      // Every scope the services write in SQL now lets everything through.
      jest.spyOn(ProjectAccessPolicy.prototype, 'labScope').mockReturnValue('true');
      const contacts = await managerLille.get('/api/v1/contacts?pageSize=200').expect(200);
      expect(contacts.body.items.map((c: { labId: string }) => c.labId)).toEqual(contacts.body.items.map(() => tenants.lille.id));
      expect(contacts.body.items.map((c: { id: string }) => c.id)).toContain(lilleContact.id);
      const projects = await managerLille.get('/api/v1/projects?pageSize=200').expect(200);
      expect(new Set(projects.body.items.map((p: { labId: string }) => p.labId))).toEqual(new Set([tenants.lille.id]));
      await managerLille.get(`/api/v1/projects/${amiensProject.id}`).expect(404);
    });
  });

  describe('personal data (sillon.personal_lab_ids): what a national session reaches', () => {
    const everyLab = () => [tenants.lille.id, tenants.amiens.id, tenants.nancy.id];

    it('reads the projects of every lab but no contact and no audit event, even by a query without conditions', async () => {
      const contact = await createContact(managerLille, 'Noé Personnel', 'noe@lille.example.fr');
      await insertProject(t, tenants.nancy, { leadId: tenants.leadNancy.id });
      const [{ events }] = await t.dataSource.query(`SELECT count(*)::int AS events FROM audit_event WHERE lab_id IS NOT NULL`);
      expect(events).toBeGreaterThan(0);
      await runWithLabs(everyLab(), async () => {
        const labs = await api(`SELECT DISTINCT lab_id FROM project`);
        expect(labs.map((r: { lab_id: string }) => r.lab_id).sort()).toEqual(everyLab().sort());
        expect(await api(`SELECT * FROM contact`)).toEqual([]);
        expect(await api(`SELECT * FROM audit_event`)).toEqual([]);
        // A partnership's contact is out of reach through a join too.
        expect(await api(`SELECT c.full_name FROM project_partner pp JOIN contact c ON c.id = pp.contact_id`)).toEqual([]);
      }, []);
      // The same labs with their personal data: the contact and the trail are there.
      await runWithLabs(everyLab(), async () => {
        expect((await api(`SELECT id FROM contact`)).map((r: { id: string }) => r.id)).toContain(contact.id);
        expect((await api(`SELECT count(*)::int AS n FROM audit_event`))[0].n).toBe(events);
      });
    });

    it('cannot write a contact, nor erase one through the database function', async () => {
      const contact = await createContact(managerLille, 'Zoé Protégée', 'zoe@lille.example.fr');
      const [org] = await t.dataSource.query(`SELECT organisation_id FROM contact WHERE id = $1`, [contact.id]);
      await runWithLabs(everyLab(), async () => {
        await expect(
          api(`INSERT INTO contact (lab_id, organisation_id, full_name, email) VALUES ($1, $2, 'Intrus', 'intrus@example.fr')`, [
            tenants.lille.id,
            org.organisation_id,
          ]),
        ).rejects.toThrow(/row-level security/);
        const [, updated] = await api(`UPDATE contact SET full_name = 'Détourné' WHERE id = $1`, [contact.id]);
        expect(updated).toBe(0);
        await expect(api(`SELECT sillon_erase_contact($1)`, [contact.id])).rejects.toThrow(/not in the session's labs/);
      }, []);
      const [{ full_name: name }] = await t.dataSource.query(`SELECT full_name FROM contact WHERE id = $1`, [contact.id]);
      expect(name).toBe('Zoé Protégée');
    });

    it('reaches no personal data when the setting is missing, whatever sillon.lab_ids says', async () => {
      await createContact(managerLille, 'Yves Absent', 'yves@lille.example.fr');
      const rows = await t.apiDataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('sillon.lab_ids', $1, true), set_config('sillon.personal_lab_ids', '', true)`, [`{${everyLab().join(',')}}`]);
        return [await manager.query(`SELECT count(*)::int AS n FROM project`), await manager.query(`SELECT id FROM contact`), await manager.query(`SELECT id FROM audit_event`)];
      });
      expect(rows[0][0].n).toBeGreaterThan(0);
      expect(rows.slice(1)).toEqual([[], []]);
    });
  });

  describe('proposals of stage changes', () => {
    it('are a lab’s rows: another lab’s are invisible and cannot be written, and the API never deletes one', async () => {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO project_proposal (lab_id, project_id, from_stage, to_stage, rationale, project_version, proposed_by)
         VALUES ($1, $2, 'ideation', 'incubation', 'Proposition d’Amiens', 1, $3) RETURNING id`,
        [tenants.amiens.id, amiensProject.id, tenants.leadAmiens.id],
      );
      await runWithLabs([tenants.lille.id], async () => {
        expect(await api(`SELECT id FROM project_proposal WHERE id = $1`, [id])).toEqual([]);
        const [, updated] = await api(`UPDATE project_proposal SET status = 'refused', decision_note = 'x', decided_at = now() WHERE id = $1`, [id]);
        expect(updated).toBe(0);
        await expect(
          api(`INSERT INTO project_proposal (lab_id, project_id, from_stage, to_stage, rationale, project_version, proposed_by)
               VALUES ($1, $2, 'ideation', 'scale_up', 'Intrus', 1, $3)`, [tenants.amiens.id, amiensProject.id, tenants.leadLille.id]),
        ).rejects.toThrow(/row-level security/);
      });
      await runWithLabs([tenants.amiens.id], async () => {
        expect(await api(`SELECT id FROM project_proposal WHERE id = $1`, [id])).toEqual([{ id }]);
        await expect(api(`DELETE FROM project_proposal WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
      });
      const [{ status }] = await t.dataSource.query(`SELECT status FROM project_proposal WHERE id = $1`, [id]);
      expect(status).toBe('pending');
    });
  });

  describe('contact export and erasure stay in the contact’s lab and match whole values', () => {
    it('exports only the contact’s own events for a contact named "', async () => {
      // Other labs' trails, full of quotes in their JSON.
      await createContact(managerAmiens, 'Bérénice "Béa" Amiens', 'bea@amiens.example.fr');
      const quote = await createContact(managerLille, '"', 'guillemet@lille.example.fr');
      const exported = await managerLille.get(`/api/v1/contacts/${quote.id}/export`).expect(200);
      expect(exported.body.auditEvents.map((e: { entityType: string; action: string }) => `${e.entityType}:${e.action}`)).toEqual(['contact:create']);
    });

    it('erases a contact named e without touching other events of its lab or any other lab’s trail', async () => {
      await createContact(managerAmiens, 'Estelle Amiens', 'e@amiens.example.fr');
      const e = await createContact(managerLille, 'e', 'e.contact@lille.example.fr');
      const othersBefore = (await trail()).filter((row: { entity_type: string; before: unknown; after: unknown }) => JSON.stringify(row).indexOf(e.id) < 0);
      const erased = await managerLille.delete(`/api/v1/contacts/${e.id}/erasure`).expect(200);
      // Its own creation event only.
      expect(erased.body).toEqual({ contactId: e.id, partnershipsUnlinked: 0, auditEventsScrubbed: 1 });
      const othersAfter = (await trail()).filter((row: { id: string }) => othersBefore.some((o: { id: string }) => o.id === row.id));
      expect(othersAfter).toEqual(othersBefore);
      const [own] = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE entity_type = 'contact' AND entity_id = $1 AND action = 'create'`, [e.id]);
      expect(own).toEqual({ before: null, after: null });
    });

    it('scrubs a value equal to the person’s name or e-mail in other events of the lab, and nothing else', async () => {
      const org = await managerLille.post('/api/v1/organisations').send({ name: 'Maison des Associations', type: 'association' }).expect(201);
      const contact = await managerLille
        .post('/api/v1/contacts')
        .send({ organisationId: org.body.id, fullName: 'Inès Carpentier', email: 'ines.carpentier@mda.example.fr' })
        .expect(201);
      const partner = await managerLille
        .post(`/api/v1/projects/${lilleProject.id}/partners`)
        .send({ organisationId: org.body.id, role: 'partner', contactId: contact.body.id })
        .expect(201);
      await managerLille.delete(`/api/v1/contacts/${contact.body.id}/erasure`).expect(200);
      const [event] = await t.dataSource.query(`SELECT after FROM audit_event WHERE entity_type = 'project_partner' AND entity_id = $1`, [partner.body.id]);
      expect(event.after).toMatchObject({ contactName: '[effacé]', organisationName: 'Maison des Associations', role: 'partner' });
      expect(JSON.stringify(event.after)).not.toContain('Inès');
    });

    it('will not erase, through the database function, a contact of a lab the session does not reach', async () => {
      const amiens = await createContact(managerAmiens, 'Paul Amiens', 'paul@amiens.example.fr');
      await runWithLabs([tenants.lille.id], async () => {
        await expect(api(`SELECT sillon_erase_contact($1)`, [amiens.id])).rejects.toThrow(/not in the session's labs/);
      });
      await managerLille.delete(`/api/v1/contacts/${amiens.id}/erasure`).expect(404);
      await managerAmiens.get(`/api/v1/contacts/${amiens.id}`).expect(200);
    });
  });
});
