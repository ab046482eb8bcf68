import { createAdmin, CreateAdminIo } from '../../../../apps/api/src/modules/users/create-admin.command';
import { TEST_HOST, TEST_ORIGIN } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('create-admin command', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const io = (env: NodeJS.ProcessEnv, stdin = ''): CreateAdminIo & { lines: string[] } => {
    const lines: string[] = [];
    return { env, readStdin: async () => stdin, write: (line) => lines.push(line), lines };
  };
  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).send({ email, password });

  it('creates the first admin of an empty database with the password read from stdin, audited', async () => {
    const out = io({}, 'mot de passe initial\n');
    const id = await createAdmin(t.app, { email: 'premiere.admin@exemple.gouv.fr', name: 'Première Admin' }, out);
    expect(out.lines[0]).toContain('premiere.admin@exemple.gouv.fr');
    const me = await login('premiere.admin@exemple.gouv.fr', 'mot de passe initial').expect(200);
    expect(me.body).toMatchObject({ id, role: 'admin', displayName: 'Première Admin', labId: null, regionId: null });
    const [event] = await t.dataSource.query(`SELECT action, actor_id, actor_email, after FROM audit_event WHERE entity_type = 'user' AND entity_id = $1`, [id]);
    expect(event).toMatchObject({ action: 'create', actor_id: null, actor_email: 'cli' });
    expect(JSON.stringify(event)).not.toContain('mot de passe initial');
  });

  it('reads SILLON_ADMIN_PASSWORD first', async () => {
    await createAdmin(t.app, { email: 'env.admin@exemple.gouv.fr' }, io({ SILLON_ADMIN_PASSWORD: 'depuis l’environnement' }, 'ignored stdin'));
    await login('env.admin@exemple.gouv.fr', 'depuis l’environnement').expect(200);
  });

  it('refuses an existing e-mail, a bad password, a missing e-mail and a password in argv', async () => {
    await expect(createAdmin(t.app, { email: 'PREMIERE.ADMIN@exemple.gouv.fr' }, io({ SILLON_ADMIN_PASSWORD: 'un autre mot de passe' }))).rejects.toThrow(/existe déjà/);
    await expect(createAdmin(t.app, { email: 'court@exemple.gouv.fr' }, io({}, 'court\n'))).rejects.toThrow(/mot de passe/);
    await expect(createAdmin(t.app, { email: 'long@exemple.gouv.fr' }, io({ SILLON_ADMIN_PASSWORD: 'x'.repeat(129) }))).rejects.toThrow(/128/);
    await expect(createAdmin(t.app, {}, io({ SILLON_ADMIN_PASSWORD: 'un bon mot de passe' }))).rejects.toThrow(/--email/);
    await expect(createAdmin(t.app, { email: 'argv@exemple.gouv.fr', password: 'visible' }, io({}))).rejects.toThrow(/argument/);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
    expect(n).toBe(2);
  });
});
