import { ServerResponse, IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { setDashboardCacheHeaders } from './dashboard-assets';

function cacheControlFor(path: string): string | number | string[] | undefined {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  setDashboardCacheHeaders(res, path);
  return res.getHeader('Cache-Control');
}

describe('dashboard cache headers', () => {
  it('keeps hashed scripts, styles and fonts for a year', () => {
    expect(cacheControlFor('/srv/dashboard/browser/chunk-WXZK6ZOC.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/dashboard/browser/styles-OV7YW4JA.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/srv/dashboard/browser/media/marianne-regular-AB12CD34.woff2')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html and unhashed files on every visit', () => {
    expect(cacheControlFor('/srv/dashboard/browser/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/dashboard/browser/favicon.ico')).toBe('no-cache');
  });
});
