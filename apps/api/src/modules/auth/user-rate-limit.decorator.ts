import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { USER_RATE_LIMIT, USER_RATE_LIMITS, UserRateLimitName } from './user-rate-limits';
import { UserThrottlerGuard } from './user-throttler.guard';

// Counts the route in the signed-in user's `name` limit (USER_RATE_LIMITS); past it, 429 and Retry-After.
export function UserRateLimit(name: UserRateLimitName): MethodDecorator & ClassDecorator {
  const { limit, ttlMs } = USER_RATE_LIMITS[name];
  return applyDecorators(
    SetMetadata(USER_RATE_LIMIT, name),
    UseGuards(UserThrottlerGuard),
    ApiTooManyRequestsResponse({ description: `Plus de ${limit} demandes de ce type en ${ttlMs / 1000} s par la même personne` }),
  );
}
