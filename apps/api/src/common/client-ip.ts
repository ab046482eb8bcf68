// The caller's address for the audit trail and the sign-in throttle.
// Express resolves X-Forwarded-For according to TRUST_PROXY.
export function clientIp(req: { ip?: string; socket?: { remoteAddress?: string } }): string {
  return (req.ip ?? req.socket?.remoteAddress ?? 'unknown').slice(0, 64);
}
