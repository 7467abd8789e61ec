import { createServer } from 'node:http';
import { listen, startExampleBackend, stopExample, type ExampleBackend } from '@portico/example-kit';
import { createPortico, toExpressMiddleware } from '@portico/server';
import express from 'express';
import { accountPage } from './account-page.js';
import { memberArea } from './member-area.js';

export interface ExpressSite {
  /** Where the site answers, like `http://localhost:3000`. */
  origin: string;
  backend: ExampleBackend;
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

  const portico = await createPortico({ database: { sqlite: databasePath } });
  const backend = await startExampleBackend(portico, { portalUrl: `${origin}/portal`, portalPageUrl: `${origin}/account` });
  const { business } = backend.sample;

  const app = express();
  // Before any body parser: Portico reads raw bodies (webhook signatures need them).
  app.use('/portal', toExpressMiddleware(portico));
  app.get('/', (_req, res) => res.redirect('/account'));
  app.get('/account', (_req, res) => {
    res.type('html').send(accountPage({ portalPath: '/portal', business: business.slug, businessName: business.name }));
  });
  // The host's own signed-in users reach the portal with a grant, no email.
  app.use(memberArea({ api: portico.api, business, portalPath: '/portal' }));
  server.on('request', app);

  return { origin, backend, stop: () => stopExample(server, backend) };
}
