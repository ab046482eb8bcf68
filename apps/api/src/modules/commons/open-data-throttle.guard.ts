import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { clientIp } from '../../common/client-ip';
import { ProblemException } from '../../common/problem-details.filter';
import { PgThrottlerStorage } from '../auth/pg-throttler.storage';
import { sha256 } from '../auth/session.service';

// The open-data feed is anonymous: it is counted per address (an IPv6 /64 as one), in the same
// PostgreSQL counters as the sign-in throttle, shared by every API process. Generous, since answers
// are cacheable five minutes and a whole office may share one address.
export const OPEN_DATA_LIMIT = { name: 'open-data-ip', requests: 120, windowMs: 60_000 } as const;

@Injectable()
export class OpenDataThrottleGuard implements CanActivate {
  constructor(private readonly storage: PgThrottlerStorage) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const ip = normalizeIp(clientIp(http.getRequest<Request>()));
    const { name, requests, windowMs } = OPEN_DATA_LIMIT;
    const [count] = await this.storage.incrementAll([{ key: `${name}:${sha256(ip)}`, ttlMs: windowMs, limit: requests, blockMs: windowMs }]);
    if (!count.isBlocked) return true;
    const seconds = Math.max(1, count.timeToBlockExpire);
    http.getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, `Trop de demandes en une minute depuis cette adresse. Réessayez dans ${seconds} s.`, {
      code: 'rate-limited',
    });
  }
}
