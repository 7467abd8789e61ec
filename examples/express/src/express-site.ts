import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPortico, toExpressMiddleware, type Portico } from '@portico/server';
import { seedExampleBusiness, startMailDelivery, type ExampleBusiness, type MailDelivery } from '@portico/example-kit';
import express from 'express';
import { accountPage } from './account-page.js';

export interface ExpressSite {
  /** Where the site answers, like `http://localhost:3000`. */
  origin: string;
  portico: Portico;
  sample: ExampleBusiness;
  mail: MailDelivery;
  stop(): Promise<void>;
}

/**
 * An Express site with Portico mounted at /portal by `toExpressMiddleware`,
 * and an account page of its own that holds `<portico-portal>`. Same origin,
 * so the client's session is Portico's HttpOnly cookie.
 */
export async function startExpressSite({ port = 3000, host = '127.0.0.1', databasePath = ':memory:' } = {}): Promise<ExpressSite> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  // localhost, not 127.0.0.1: browsers treat it as secure, so they keep the Secure session cookie over plain HTTP.
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;

  const portico = await createPortico({ database: { sqlite: databasePath } });
  const sample = await seedExampleBusiness(portico.api, { portalUrl: `${origin}/portal`, portalPageUrl: `${origin}/account` });
  const mail = startMailDelivery(portico.database);

  const app = express();
  // Before any body parser: Portico reads raw bodies (webhook signatures need them).
  app.use('/portal', toExpressMiddleware(portico));
  app.get('/', (_req, res) => res.redirect('/account'));
  app.get('/account', (_req, res) => {
    res.type('html').send(accountPage({ portalPath: '/portal', business: sample.business.slug, businessName: sample.business.name }));
  });
  server.on('request', app);

  return {
    origin,
    portico,
    sample,
    mail,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mail.stop();
      await portico.close();
    },
  };
}
