import { seedTenants, SeededTenants, Session, signIn } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { testServer } from '../support/test-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// PostgreSQL rolls a transaction back to break a serialization failure (40001) or a deadlock
// (40P01): the API runs it again once, whole, and a second failure answers 503 with nothing written.
describe('Transactions PostgreSQL rolls back to break a conflict', () => {
  const realServer = testServer().mode === 'postgres';
  let t: TestApp;
  let tenants: SeededTenants;
  let manager: Session;
  const logs: string[] = [];
  const retries = () =>
    logs
      .map((line) => JSON.parse(line))
      .filter((line) => line.msg === 'transaction rolled back by PostgreSQL, run again')
      .map((line) => line.database.code);

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, undefined, { logDestination: { write: (line: string) => void logs.push(line) } });
    tenants = await seedTenants(t);
    manager = await signIn(t, tenants.managerLille.email);
  });

  beforeEach(() => {
    logs.length = 0;
  });

  afterAll(async () => {
    await t.close();
  });

  async function createProject(name: string): Promise<{ id: string; version: number }> {
    const res = await manager.post('/api/v1/projects').send({ name }).expect(201);
    return res.body;
  }

  const updateAudits = async (projectId: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'update'`, [projectId]))[0].n;

  // PostgreSQL answers the API's write of a project whose summary starts with « conflit » with this
  // SQLSTATE, the first `times` writes (a trigger of the test's schema; a sequence counts the
  // attempts, whatever is rolled back).
  async function conflictOnWrite(code: '40001' | '40P01', times: number) {
    const schema = `"${t.connection.schema}"`;
    await t.dataSource.query(`CREATE SEQUENCE ${schema}.conflict_attempts`);
    await t.dataSource.query(
      `CREATE FUNCTION ${schema}.conflict() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
       BEGIN
         IF nextval('${schema}.conflict_attempts') <= ${times} THEN
           RAISE EXCEPTION 'conflit pour %', NEW.summary USING ERRCODE = '${code}';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await t.dataSource.query(`CREATE TRIGGER conflict BEFORE UPDATE ON ${schema}.project FOR EACH ROW WHEN (NEW.summary LIKE 'conflit%') EXECUTE FUNCTION ${schema}.conflict()`);
    return {
      attempts: async () =>
        (await t.dataSource.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END::int AS n FROM ${schema}.conflict_attempts`))[0].n,
      remove: async () => {
        await t.dataSource.query(`DROP TRIGGER conflict ON ${schema}.project`);
        await t.dataSource.query(`DROP FUNCTION ${schema}.conflict()`);
        await t.dataSource.query(`DROP SEQUENCE ${schema}.conflict_attempts`);
      },
    };
  }

  it.each(['40001', '40P01'] as const)('runs the transaction again once after a %s, and writes once', async (code) => {
    const project = await createProject(`Épicerie solidaire ${code}`);
    const conflict = await conflictOnWrite(code, 1);
    try {
      const res = await manager.patch(`/api/v1/projects/${project.id}`).send({ version: project.version, summary: 'conflit résolu' }).expect(200);
      expect(res.body).toMatchObject({ version: project.version + 1, summary: 'conflit résolu' });
      expect(await conflict.attempts()).toBe(2);
    } finally {
      await conflict.remove();
    }
    expect(await updateAudits(project.id)).toBe(1);
    expect(retries()).toEqual([code]);
    // The log names the SQLSTATE, not the values of the statement (the summary is in the message).
    expect(logs.join('')).not.toContain('conflit résolu');
  });

  it('answers 503 problem+json with Retry-After when the second attempt fails too, having written nothing', async () => {
    const project = await createProject('Garage solidaire');
    const conflict = await conflictOnWrite('40P01', 100);
    try {
      const res = await manager.patch(`/api/v1/projects/${project.id}`).send({ version: project.version, summary: 'conflit durable' });
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toEqual({
        type: 'urn:sillon:problem:concurrent-writes',
        title: 'Service indisponible',
        status: 503,
        instance: `/api/v1/projects/${project.id}`,
        detail: "Des modifications simultanées ont empêché l'enregistrement : rien n'a été enregistré. Réessayez dans quelques secondes.",
      });
      // Once again, not more.
      expect(await conflict.attempts()).toBe(2);
    } finally {
      await conflict.remove();
    }
    const after = await manager.get(`/api/v1/projects/${project.id}`).expect(200);
    expect(after.body).toMatchObject({ version: project.version, summary: '' });
    expect(await updateAudits(project.id)).toBe(0);
    expect(retries()).toEqual(['40P01']);
  });

  it('gets through a real deadlock with another session: PostgreSQL aborts the API’s attempt, the second one succeeds', async () => {
    const project = await createProject('Atelier vélo partagé');
    const lead = tenants.lead2Lille;
    // The other session holds the new lead's account row, which the API's write must lock too
    // (its foreign key), after it has locked the project's row.
    const other = t.dataSource.createQueryRunner();
    await other.startTransaction();
    try {
      // So that the API's session, not this one, finds the cycle (its deadlock_timeout is 1 s).
      await other.query(`SET LOCAL deadlock_timeout = '10s'`);
      await other.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [lead.id]);
      const patch = manager.patch(`/api/v1/projects/${project.id}`).send({ version: project.version, leadId: lead.id }).then((res) => res);
      if (realServer) {
        // Once the API's write waits for this session, this session waits for the API's project row.
        const [{ pid }] = await other.query(`SELECT pg_backend_pid() AS pid`);
        for (let waited = 0; ; waited += 20) {
          const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid]);
          if (n > 0) break;
          if (waited > 10_000) throw new Error("the API's write never waited for the other session");
          await sleep(20);
        }
        await other.query(`SELECT 1 FROM project WHERE id = $1 FOR UPDATE`, [project.id]);
      } else {
        // The embedded server runs one transaction at a time: the API's statements wait behind this
        // session's transaction, and no deadlock can form.
        await sleep(500);
        await other.query(`SELECT 1 FROM project WHERE id = $1 FOR UPDATE`, [project.id]);
      }
      await other.commitTransaction();
      const res = await patch;
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: project.version + 1, leadId: lead.id });
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    expect(await updateAudits(project.id)).toBe(1);
    expect(retries()).toEqual(realServer ? ['40P01'] : []);
  });
});
