import { PorticoError, type Business } from '@portico/core';
import { createMiddleware } from 'hono/factory';
import type { ServerContext } from '../server-context.js';
import { assertTrustedOrigin } from './origins.js';

/** Who the host says is acting on the business's side. */
export interface AdminIdentity {
  businessId: string;
  /** The host's own user id; the audit log records `admin:<userId>`. */
  userId: string;
}

/**
 * The host's check for `/admin/*`: look at the request (its cookie, its
 * Authorization header) and name the business and user, or answer null.
 */
export type AuthorizeAdmin = (request: Request) => Promise<AdminIdentity | null> | AdminIdentity | null;

export interface AdminVariables {
  admin: AdminIdentity;
  business: Business;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards the business's side. Without an `authorizeAdmin` hook, or when it
 * answers null, every request is 401. Hosts usually authorize by cookie,
 * which a browser sends on its own, so a state-changing request must also
 * come from a trusted Origin (the business's portal origin or its allowed
 * origins), as on the client side.
 */
export function requireAdmin(server: Pick<ServerContext, 'api'>, authorize: AuthorizeAdmin | undefined) {
  return createMiddleware<{ Variables: AdminVariables }>(async function requireAdmin(c, next) {
    if (!authorize) {
      throw new PorticoError('unauthenticated', 'The business side is not enabled: the host passes authorizeAdmin to createPortico.');
    }
    const identity = await authorize(c.req.raw);
    if (identity === null || identity === undefined) throw new PorticoError('unauthenticated', 'You are not signed in to the business side.');
    if (!isIdentity(identity)) {
      throw new TypeError('authorizeAdmin must return { businessId, userId } (non-empty strings) or null.');
    }
    const business = await server.api.businesses.get(identity.businessId);
    if (!safeMethods.has(c.req.method)) assertTrustedOrigin(c, business, 'business');
    c.set('admin', { businessId: identity.businessId, userId: identity.userId });
    c.set('business', business);
    await next();
  });
}

function isIdentity(value: unknown): value is AdminIdentity {
  const candidate = value as Partial<AdminIdentity>;
  return (
    typeof value === 'object' &&
    typeof candidate.businessId === 'string' &&
    candidate.businessId !== '' &&
    typeof candidate.userId === 'string' &&
    candidate.userId !== ''
  );
}
