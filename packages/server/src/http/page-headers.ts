import type { Context } from 'hono';

/**
 * Headers for pages that carry a token in their URL: no referrer (the token
 * must not leak to anything the page links to), no caching, no framing, and
 * nothing loaded from elsewhere but the brand's logo.
 */
export function setTokenPageHeaders(c: Context): void {
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
}
