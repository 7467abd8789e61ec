import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * Sent as `__Host-portico_session`: the prefix pins the cookie to the exact
 * origin (Secure, Path=/, no Domain). Browsers accept Secure cookies on
 * http://localhost, so the demo works without TLS.
 */
const COOKIE_NAME = 'portico_session';
export const SESSION_COOKIE = `__Host-${COOKIE_NAME}`;

export function setSessionCookie(c: Context, sessionId: string, expires: Date): void {
  setCookie(c, COOKIE_NAME, sessionId, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', expires, prefix: 'host' });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, COOKIE_NAME, { path: '/', secure: true, prefix: 'host' });
}

/** The session id from `Authorization: Bearer` (cross-origin widgets) or the cookie. */
export function readSessionId(c: Context): { id: string; via: 'bearer' | 'cookie' } | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) return { id: bearer, via: 'bearer' };
  const cookie = getCookie(c, COOKIE_NAME, 'host');
  return cookie ? { id: cookie, via: 'cookie' } : undefined;
}
