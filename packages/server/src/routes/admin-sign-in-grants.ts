import { Hono } from 'hono';
import type { AdminSignInGrantRequest, AdminSignInGrantResponse } from '@portico/wire';
import type { AdminVariables } from '../http/admin-auth.js';
import { readJsonObject } from '../http/json-body.js';
import type { ServerContext } from '../server-context.js';

/**
 * `POST /admin/contacts/:id/sign-in-grant`: for a host that runs Portico
 * apart from its own app and whose user is already signed in there; a host
 * in the same process calls `api.business(id).clients.signInGrant` itself.
 */
export function adminSignInGrantRoutes(server: ServerContext): Hono<{ Variables: AdminVariables }> {
  return new Hono<{ Variables: AdminVariables }>().post('/contacts/:id/sign-in-grant', async (c) => {
    const { businessId, userId } = c.get('admin');
    const body = await readJsonObject<AdminSignInGrantRequest>(c, { optional: true });
    const issued = await server.api
      .business(businessId, { actor: `admin:${userId}` })
      .clients.signInGrant(c.req.param('id'), body.ttlSeconds === undefined ? {} : { ttlSeconds: body.ttlSeconds });
    return c.json<AdminSignInGrantResponse>({ ...issued, expiresAt: issued.expiresAt.toISOString() }, 201);
  });
}
