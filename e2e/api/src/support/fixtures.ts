import type { Role } from '@sillon/contracts';
import request from 'supertest';
import { PasswordService } from '../../../../apps/api/src/modules/auth/password.service';
import type { TestApp } from './test-app';

// Tenants of the API tests: two regions, three labs, and one account per role and place.
export const TEST_PASSWORD = 'correct horse battery staple';
// Host and Origin sent by a Session: the API refuses writes whose Origin is not its own host.
export const TEST_HOST = 'sillon.test';
export const TEST_ORIGIN = `http://${TEST_HOST}`;

export interface SeededRegion {
  id: string;
  name: string;
}

export interface SeededLab {
  id: string;
  name: string;
  code: string;
  regionId: string;
}

export interface SeededUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
  labId: string | null;
  // The lab's region for a lab role, the director's region, null for an admin or a national account.
  regionId: string | null;
}

export const USER_KEYS = [
  'admin',
  'directorHdf',
  'directorGe',
  'managerLille',
  'leadLille',
  'lead2Lille',
  'managerAmiens',
  'leadAmiens',
  'managerNancy',
  'leadNancy',
  'national',
] as const;
export type UserKey = (typeof USER_KEYS)[number];

export interface Tenants {
  regions: { hdf: SeededRegion; ge: SeededRegion };
  labs: { lille: SeededLab; amiens: SeededLab; nancy: SeededLab };
  users: Record<UserKey, SeededUser>;
}

// Users are flattened onto Tenants too, so that `tenants.leadLille` and `tenants.users.leadLille` both work.
export type SeededTenants = Tenants & Record<UserKey, SeededUser> & { hdf: SeededRegion; ge: SeededRegion; lille: SeededLab; amiens: SeededLab; nancy: SeededLab };

// Hashing costs ~50 ms by design: once per test run.
let passwordHash: Promise<string> | undefined;

export function testPasswordHash(): Promise<string> {
  passwordHash ??= new PasswordService().hash(TEST_PASSWORD);
  return passwordHash;
}

// Inserts the tenants straight through the DataSource (no API, no audit), with one shared password hash.
export async function seedTenants(t: TestApp): Promise<SeededTenants> {
  const hash = await testPasswordHash();
  const db = t.dataSource;
  const insertRegion = async (name: string): Promise<SeededRegion> => {
    const [row] = await db.query(`INSERT INTO region (name) VALUES ($1) RETURNING id`, [name]);
    return { id: row.id, name };
  };
  const insertLab = async (name: string, code: string, region: SeededRegion, departments: string[]): Promise<SeededLab> => {
    const [row] = await db.query(`INSERT INTO lab (name, code, region_id, departments) VALUES ($1, $2, $3, $4) RETURNING id`, [
      name,
      code,
      region.id,
      departments,
    ]);
    return { id: row.id, name, code, regionId: region.id };
  };
  const insertUser = async (email: string, displayName: string, role: Role, lab: SeededLab | null, region: SeededRegion | null): Promise<SeededUser> => {
    const directorRegion = role === 'regional_director' ? (region?.id ?? null) : null;
    const [row] = await db.query(
      `INSERT INTO app_user (email, display_name, role, lab_id, region_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [email, displayName, role, lab?.id ?? null, directorRegion, hash],
    );
    return { id: row.id, email, password: TEST_PASSWORD, displayName, role, labId: lab?.id ?? null, regionId: lab?.regionId ?? directorRegion };
  };

  const hdf = await insertRegion('Hauts-de-France');
  const ge = await insertRegion('Grand Est');
  const lille = await insertLab('Lab de Lille', 'LIL', hdf, ['59', '62']);
  const amiens = await insertLab("Lab d'Amiens", 'AMI', hdf, ['80', '60', '02']);
  const nancy = await insertLab('Lab de Nancy', 'NAN', ge, ['54', '57', '88']);
  const users: Record<UserKey, SeededUser> = {
    admin: await insertUser('admin@test.sillon.fr', 'Alice Admin', 'admin', null, null),
    directorHdf: await insertUser('direction.hdf@test.sillon.fr', 'Denis Direction', 'regional_director', null, hdf),
    directorGe: await insertUser('direction.ge@test.sillon.fr', 'Gaëlle Direction', 'regional_director', null, ge),
    managerLille: await insertUser('manager.lille@test.sillon.fr', 'Manon Lille', 'lab_manager', lille, null),
    leadLille: await insertUser('lead.lille@test.sillon.fr', 'Léo Lille', 'project_lead', lille, null),
    lead2Lille: await insertUser('lead2.lille@test.sillon.fr', 'Lina Lille', 'project_lead', lille, null),
    managerAmiens: await insertUser('manager.amiens@test.sillon.fr', 'Marc Amiens', 'lab_manager', amiens, null),
    leadAmiens: await insertUser('lead.amiens@test.sillon.fr', 'Lucie Amiens', 'project_lead', amiens, null),
    managerNancy: await insertUser('manager.nancy@test.sillon.fr', 'Mathis Nancy', 'lab_manager', nancy, null),
    leadNancy: await insertUser('lead.nancy@test.sillon.fr', 'Laure Nancy', 'project_lead', nancy, null),
    national: await insertUser('national@test.sillon.fr', 'Nadia National', 'national', null, null),
  };
  return { regions: { hdf, ge }, labs: { lille, amiens, nancy }, users, ...users, hdf, ge, lille, amiens, nancy };
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

// A signed-in client: every request carries the session cookie, the XSRF token and the API's own Origin.
export interface Session {
  cookie: string;
  sessionToken: string;
  xsrfToken: string;
  me: Record<string, unknown>;
  get(url: string): request.Test;
  post(url: string): request.Test;
  patch(url: string): request.Test;
  put(url: string): request.Test;
  delete(url: string): request.Test;
}

export function cookieValue(setCookie: string[] | string | undefined, name: string): string | undefined {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = list.find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1).split(';')[0]) : undefined;
}

export function sessionFrom(t: TestApp, sessionToken: string, xsrfToken: string, me: Record<string, unknown> = {}): Session {
  const cookie = `sillon_session=${sessionToken}; XSRF-TOKEN=${xsrfToken}`;
  const send = (method: Method) => (url: string) =>
    t.http()[method](url).set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).set('Cookie', cookie).set('X-XSRF-TOKEN', xsrfToken);
  return { cookie, sessionToken, xsrfToken, me, get: send('get'), post: send('post'), patch: send('patch'), put: send('put'), delete: send('delete') };
}

// Signs in through the API (POST /api/v1/auth/login) and returns a client holding that session.
export async function signIn(t: TestApp, email: string, password: string = TEST_PASSWORD): Promise<Session> {
  const res = await t.http().post('/api/v1/auth/login').set('Host', TEST_HOST).set('Origin', TEST_ORIGIN).send({ email, password });
  if (res.status !== 200) throw new Error(`signIn(${email}) answered ${res.status}: ${JSON.stringify(res.body)}`);
  const setCookie = res.headers['set-cookie'] as unknown as string[];
  const sessionToken = cookieValue(setCookie, 'sillon_session');
  const xsrfToken = cookieValue(setCookie, 'XSRF-TOKEN');
  if (!sessionToken || !xsrfToken) throw new Error(`signIn(${email}) set no session cookies`);
  return sessionFrom(t, sessionToken, xsrfToken, res.body);
}
