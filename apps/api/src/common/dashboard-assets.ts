import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';

const API_PATH = /^\/api(\/|$)/;
// The Angular build names every script, style sheet and font after a hash of its content: main-3Q7KZ2PA.js.
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

// Gzip for the dashboard's files only: JSON answers of the API stay uncompressed, the API is CPU-bound
// and its clients sit next to it.
export function dashboardCompression(): RequestHandler {
  return compression({
    filter: (req: Request, res: Response) => !API_PATH.test(req.path) && compression.filter(req, res),
  });
}

// A hashed file never changes under its name: cached for a year without revalidation. index.html (also sent
// for every client route such as /pipeline) names the current files, so it is revalidated on every visit.
export function setDashboardCacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', HASHED_FILE.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
