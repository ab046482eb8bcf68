import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import type { Response } from 'express';
import { ProblemException } from '../../common/problem-details.filter';
import { RequestWithPrincipal } from '../access/principal';
import { NOT_SIGNED_IN } from './session.guard';
import { USER_RATE_LIMIT, UserRateLimitName } from './user-rate-limits';

// @nestjs/throttler's guard, counting per signed-in user (not per IP) and per limit name (not per
// route), on the routes marked @UserRateLimit(name) only. It runs after the global SessionGuard, so the
// principal is known; the counters live in PostgreSQL (PgThrottlerStorage), shared by every process.
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return !this.limitOf(context);
  }

  // ThrottlerModule knows every limit; a route is counted by its own only.
  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    if (requestProps.throttler.name !== this.limitOf(requestProps.context)) return true;
    return super.handleRequest(requestProps);
  }

  protected override async getTracker(req: RequestWithPrincipal): Promise<string> {
    if (!req.principal) throw new ProblemException(HttpStatus.UNAUTHORIZED, NOT_SIGNED_IN);
    return req.principal.userId;
  }

  // The storage prefixes the limit's name: `reports-export:<user id>`.
  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, `Trop de demandes en une minute. Réessayez dans ${seconds} s.`, { code: 'rate-limited' });
  }

  private limitOf(context: ExecutionContext): UserRateLimitName | undefined {
    return this.reflector.getAllAndOverride<UserRateLimitName | undefined>(USER_RATE_LIMIT, [context.getHandler(), context.getClass()]);
  }
}
