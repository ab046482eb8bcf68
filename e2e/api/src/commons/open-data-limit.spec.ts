import { OPEN_DATA_LIMIT } from '../../../../apps/api/src/modules/commons/open-data-throttle.guard';
import { createTestApp, TestApp } from '../support/test-app';

describe('Open-data feed rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    // One proxy trusted: each case speaks from an address of its own (X-Forwarded-For).
    t = await createTestApp({ TRUST_PROXY: '1' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers one address 429 past its requests of the minute, across the feed’s routes, and another address still 200', async () => {
    const from = (ip: string, path: string) => t.http().get(`/api/v1/open-data/${path}`).set('X-Forwarded-For', ip);
    const paths = ['projects.json', 'projects.csv', 'schema.json'];
    for (let n = 0; n < OPEN_DATA_LIMIT.requests; n += 1) await from('203.0.113.50', paths[n % 3]).expect(200);
    const refused = await from('203.0.113.50', 'projects.json').expect(429);
    expect(refused.body).toMatchObject({ type: 'urn:sillon:problem:rate-limited', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await from('203.0.113.51', 'projects.json').expect(200);
  });
});
