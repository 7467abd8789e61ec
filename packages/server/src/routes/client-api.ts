import { Hono } from 'hono';
import { requireClientSession, type ClientSessionVariables } from '../http/client-session.js';
import type { ServerContext } from '../server-context.js';
import { billingRoutes } from './billing.js';
import { documentRoutes } from './documents.js';
import { paymentRoutes } from './payments.js';
import { ticketRoutes } from './tickets.js';
import { estimateRoutes } from './estimates.js';
import { accountRoutes } from './account.js';
import { estimateDocumentRoutes } from './estimate-documents.js';
import type { SessionResponse } from '@portico/wire';

/** `/api/*`: what a signed-in client may read and do. Every query is scoped to the session's business and client. */
export function clientApiRoutes(server: ServerContext): Hono<{ Variables: ClientSessionVariables }> {
  const app = new Hono<{ Variables: ClientSessionVariables }>();
  app.use('*', server.apiCors);
  app.use('*', requireClientSession(server));
  // Every group below sits behind the one CORS and session check above:
  // a sub-app's own use('*') would apply to all of /api once mounted.
  app.route('/', paymentRoutes(server));
  app.route('/', billingRoutes(server));
  app.route('/', documentRoutes(server));
  // Before estimateRoutes: `/estimates/download.zip` is a download, not an estimate's id.
  app.route('/', estimateDocumentRoutes(server));
  app.route('/', ticketRoutes(server));
  app.route('/', estimateRoutes(server));
  app.route('/', accountRoutes(server));

  app.get('/session', async (c) => {
    const session = c.get('session');
    const business = c.get('business');
    const client = await server.api.business(business.id).clients.get(session.clientId);
    const contact = client.contacts.find((candidate) => candidate.id === session.contactId);
    const stripe = await server.api.business(business.id).stripe.settings();
    c.header('Cache-Control', 'no-store');
    return c.json<SessionResponse>({
      business: {
        slug: business.slug,
        name: business.name,
        brandColor: business.brandColor,
        logoUrl: business.logoUrl,
        locale: business.locale,
        onlinePayments: stripe ? { publishableKey: stripe.publishableKey, connectedAccountId: stripe.connectedAccountId } : null,
      },
      client: { id: client.id, name: client.name, locale: client.locale },
      contact: contact ? { id: contact.id, name: contact.name, email: contact.email } : null,
      expiresAt: session.absoluteExpiresAt.toISOString(),
      timeZone: client.timeZone ?? business.timeZone,
    });
  });

  return app;
}
