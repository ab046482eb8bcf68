import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '../../common/problem-details.filter';
import { IS_PUBLIC } from '../../common/public.decorator';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from './auth-cookies';
import { RequestWithPrincipal } from '../access/principal';
import { ActiveSession, sameHash, SessionService, sha256 } from './session.service';

export type AuthenticatedRequest = Request & RequestWithPrincipal & { session?: ActiveSession };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const NOT_SIGNED_IN = 'Vous devez vous connecter pour accéder à cette ressource.';
export const FOREIGN_ORIGIN = "Cette requête provient d'une origine non autorisée.";
export const BAD_XSRF_TOKEN = 'Le jeton anti-CSRF est absent ou invalide. Rechargez la page.';

// The one gate of every request (APP_GUARD): resolves the session cookie into request.principal,
// answers 401 without one unless the route is @Public(), and refuses cross-site writes:
// a foreign Origin, or no X-XSRF-TOKEN header equal to the XSRF-TOKEN cookie of the session.
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const writes = !SAFE_METHODS.has(request.method);
    if (writes && !this.originAllowed(request)) throw new ProblemException(HttpStatus.FORBIDDEN, FOREIGN_ORIGIN, { code: 'foreign-origin' });
    if (isPublic) return true;

    const session = await this.sessions.resolve(cookie(request, SESSION_COOKIE));
    if (!session) throw new ProblemException(HttpStatus.UNAUTHORIZED, NOT_SIGNED_IN);
    if (writes && !this.xsrfValid(request, session)) throw new ProblemException(HttpStatus.FORBIDDEN, BAD_XSRF_TOKEN, { code: 'bad-xsrf-token' });
    request.session = session;
    request.principal = session.principal;
    return true;
  }

  // No Origin (a script, curl) is allowed: without the session cookie and XSRF token it can do nothing.
  // The host is compared without the scheme, because TLS may end at a proxy the API does not trust.
  private originAllowed(request: Request): boolean {
    const origin = request.headers.origin;
    if (!origin) return true;
    if (this.config.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }

  private xsrfValid(request: Request, session: ActiveSession): boolean {
    const header = request.headers[XSRF_HEADER];
    const fromCookie = cookie(request, XSRF_COOKIE);
    if (typeof header !== 'string' || !fromCookie || header.length > 128 || header !== fromCookie) return false;
    return sameHash(sha256(header), session.xsrfHash);
  }
}

function cookie(request: Request, name: string): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}
