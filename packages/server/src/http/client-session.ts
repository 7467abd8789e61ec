import { PorticoError, type Business, type ClientSession } from '@portico/core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ServerContext } from '../server-context.js';
import { assertTrustedOrigin } from './origins.js';
import { readSessionId } from './session-cookie.js';

export interface ClientSessionVariables {
  session: ClientSession;
  business: Business;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requires a signed-in client (cookie or bearer) and puts the session and its
 * business on the context. A cookie is sent by the browser on its own, so a
 * state-changing request that relies on one must come from a trusted Origin;
 * a bearer token is only ever sent by our widget, which holds it.
 */
export function requireClientSession(server: ServerContext) {
  return createMiddleware<{ Variables: ClientSessionVariables }>(async function requireClientSession(c, next) {
    const presented = readSessionId(c);
    const session = presented && (await server.api.sessions.resume(presented.id, presented.via));
    if (!presented || !session) throw new PorticoError('unauthenticated', 'You are not signed in, or your session has ended.');
    const business = await server.api.businesses.get(session.businessId);
    if (presented.via === 'cookie' && !safeMethods.has(c.req.method)) assertTrustedOrigin(c, business);
    c.set('session', session);
    c.set('business', business);
    await next();
  });
}

/**
 * The signed-in client's session, and the business API acting as its contact
 * (`client:<contactId>` in the audit log). A route mounted without
 * requireClientSession has no session: it answers unauthenticated, failing
 * closed.
 */
export function clientScope(server: ServerContext, c: Context<{ Variables: ClientSessionVariables }>) {
  const session = c.get('session');
  if (!session) throw new PorticoError('unauthenticated', 'You are not signed in, or your session has ended.');
  return { session, scope: server.api.business(session.businessId, { actor: `client:${session.contactId}` }) };
}
