import type { Business } from '@portico/core';
import { Hono, type Context } from 'hono';
import { readSessionId } from '../http/session-cookie.js';
import { renderPortalPage } from '../pages/portal-page.js';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /`: the hosted portal. Which business: `?business=<slug>`, else the
 * signed-in session's, else the only one there is. Several businesses and no
 * hint is a 404 rather than a guess.
 */
export function portalPageRoutes(server: ServerContext): Hono {
  return new Hono().get('/', async (c) => {
    const business = await resolveBusiness(server, c);
    if (!business) return c.json({ error: { code: 'business_not_found', message: 'Say which business: /?business=<slug>.' } }, 404);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.html(renderPortalPage(business, new URL(business.portalUrl).pathname.replace(/\/$/, '')));
  });
}

async function resolveBusiness(server: ServerContext, c: Context): Promise<Business | undefined> {
  const slug = c.req.query('business');
  if (slug) return server.api.businesses.findBySlug(slug);
  const presented = readSessionId(c);
  const session = presented && (await server.api.sessions.resume(presented.id, presented.via));
  if (session) return server.api.businesses.get(session.businessId);
  const all = await server.api.businesses.list();
  return all.length === 1 ? all[0] : undefined;
}
