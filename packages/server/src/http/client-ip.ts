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

/**
 * The address a per-IP limit counts: an IPv4 address as it is, an IPv6
 * address by its /64, the block one subscriber gets (counting each address
 * alone would give a flooder 2^64 budgets). IPv4-mapped IPv6 is IPv4.
 */
export function rateLimitIp(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
