import type { Context } from 'hono';

/**
 * The caller's IP, for rate limits. Behind a proxy, `trustProxy` makes the
 * left-most X-Forwarded-For entry count; otherwise the socket's address (Node
 * adapters) is used, and 'unknown' when the runtime doesn't say.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
