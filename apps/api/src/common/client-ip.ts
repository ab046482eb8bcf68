import { createParamDecorator, ExecutionContext } from '@nestjs/common';

// The caller's address for the audit trail and the sign-in throttle.
// Express resolves X-Forwarded-For according to TRUST_PROXY.
export function clientIp(req: { ip?: string; socket?: { remoteAddress?: string } }): string {
  return (req.ip ?? req.socket?.remoteAddress ?? 'unknown').slice(0, 64);
}

// The same address as a route parameter: `@ClientIp() ip: string`.
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string => clientIp(context.switchToHttp().getRequest()));
