import type { CookieOptions, Response } from 'express';
import { AppConfig } from '../../config/app-config';

export const SESSION_COOKIE = 'sillon_session';
// Angular HttpClient's own convention: it copies this cookie into the X-XSRF-TOKEN header.
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

function options(config: AppConfig, httpOnly: boolean): CookieOptions {
  return { httpOnly, sameSite: 'lax', path: '/', secure: config.session.secureCookie };
}

export function setSessionCookies(res: Response, config: AppConfig, sessionToken: string, xsrfToken: string): void {
  // The cookie never outlives the absolute timeout; the server enforces both timeouts anyway.
  const maxAge = config.session.absoluteHours * 3_600_000;
  res.cookie(SESSION_COOKIE, sessionToken, { ...options(config, true), maxAge });
  // Readable by the dashboard's script, which is the point of the double submit.
  res.cookie(XSRF_COOKIE, xsrfToken, { ...options(config, false), maxAge });
}

export function clearSessionCookies(res: Response, config: AppConfig): void {
  res.clearCookie(SESSION_COOKIE, options(config, true));
  res.clearCookie(XSRF_COOKIE, options(config, false));
}
