import { createTestApp, TestApp } from '../support/test-app';

describe('HTTP platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers an unknown route with a French problem+json 404', async () => {
    const res = await t.http().get('/api/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'about:blank',
      title: 'Ressource introuvable',
      status: 404,
      instance: '/api/v1/nothing-here',
      detail: "Cette ressource n'existe pas ou n'est pas accessible.",
    });
  });

  it('sends security headers and no framework banner', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('leaves API answers uncompressed (only the dashboard files are gzipped)', async () => {
    const res = await t.http().get('/api/docs/openapi.json').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text.length).toBeGreaterThan(1024);
  });

  it('lets no browser or proxy store an API answer, and sends no ETag to revalidate it', async () => {
    const res = await t.http().get('/api/docs/openapi.json').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['etag']).toBeUndefined();
  });

  it('keeps a request id given by a proxy', async () => {
    const res = await t.http().get('/api/health').set('X-Request-Id', 'lb-1234');
    expect(res.headers['x-request-id']).toBe('lb-1234');
  });

  it('describes the API with OpenAPI', async () => {
    const res = await t.http().get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
    await t.http().get('/api/docs').expect(200).expect('content-type', /html/);
  });
});
