import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { listen, startExampleBackend, stopExample, type ExampleBackend } from '@portico/example-kit';
import { createPortico, toExpressMiddleware } from '@portico/server';
import express from 'express';
import { accountPage } from './account-page.js';
import { memberArea } from './member-area.js';
import { receivePorticoEvents, type ReceivedEvents } from './portico-events.js';

export interface ExpressSite {
  /** Where the site answers, like `http://localhost:3000`. */
  origin: string;
  backend: ExampleBackend;
  /** Portico's events as the site's own webhook receiver got and verified them. */
  received: ReceivedEvents;
  stop(): Promise<void>;
}

/**
 * An Express site with Portico mounted at /portal by `toExpressMiddleware`,
 * and an account page of its own that holds `<portico-portal>`. Same origin,
 * so the client's session is Portico's HttpOnly cookie.
 */
export async function startExpressSite({ port = 3000, databasePath = ':memory:' } = {}): Promise<ExpressSite> {
  const server = createServer();
  // localhost, not 127.0.0.1: browsers treat it as secure, so they keep the Secure session cookie over plain HTTP.
  const origin = `http://localhost:${await listen(server, port)}`;

  const portico = await createPortico({
    database: { sqlite: databasePath },
    // Webhook secrets are stored sealed; a fresh key suits a fresh in-memory database.
    encryptionKey: randomBytes(32).toString('base64'),
    // The event worker runs here; the site's receiver is plain http on localhost, which only development allows.
    events: { worker: true, intervalMs: 500, allowPrivateWebhookUrls: true },
  });
  const backend = await startExampleBackend(portico, { portalUrl: `${origin}/portal`, portalPageUrl: `${origin}/account` });
  const { business } = backend.sample;

  const app = express();
  // Before any body parser: Portico reads raw bodies (webhook signatures need them).
  app.use('/portal', toExpressMiddleware(portico));
  const received = await receivePorticoEvents(app, { api: portico.api, businessId: business.id, origin });
  app.get('/', (_req, res) => res.redirect('/account'));
  app.get('/account', (_req, res) => {
    res.type('html').send(accountPage({ portalPath: '/portal', business: business.slug, businessName: business.name }));
  });
  // The host's own signed-in users reach the portal with a grant, no email.
  app.use(memberArea({ api: portico.api, business, portalPath: '/portal' }));
  server.on('request', app);

  return { origin, backend, received, stop: () => stopExample(server, backend) };
}
