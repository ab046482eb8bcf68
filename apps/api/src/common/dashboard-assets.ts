import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';

const API_PATH = /^\/api(\/|$)/;
// The Angular build names every script, style sheet and font after a hash of its content: main-3Q7KZ2PA.js.
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

// Compression for the dashboard's files only. The API's JSON answers are not compressed here, nor even
// passed through the compression middleware: the benchmark is CPU-bound on the API, and a reverse proxy
// in front of Sillon can compress them for distant clients (see README, "Benchmark").
export function dashboardCompression(): RequestHandler {
  const compress = compression();
  return (req: Request, res: Response, next) => (API_PATH.test(req.path) ? next() : compress(req, res, next));
}

// API answers carry personal data and change all the time: never stored by a browser or a proxy, and
// no ETag (Express would hash every answer to compute one, for revalidations that never happen).
export function apiNoStore(): RequestHandler {
  return (req: Request, res: Response, next) => {
    if (API_PATH.test(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

// A hashed file never changes under its name: cached for a year without revalidation. index.html (also sent
// for every client route such as /pipeline) names the current files, so it is revalidated on every visit.
export function setDashboardCacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', HASHED_FILE.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
