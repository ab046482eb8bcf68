import { createTestApp, TestApp } from '../support/test-app';
import { testServer } from '../support/test-database';
const { version } = require('../../../../package.json');

describe('GET /api/health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports the database mode and the version', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: testServer().mode, version });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 503 when the database is unreachable', async () => {
    await t.apiDataSource.destroy();
    const res = await t.http().get('/api/health').expect(503);
    expect(res.body).toEqual({ status: 'unavailable', database: testServer().mode, version });
  });
});
