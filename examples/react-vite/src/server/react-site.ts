import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { seedExampleBusiness, startMailDelivery, type ExampleBusiness, type MailDelivery } from '@portico/example-kit';
import { createPortico, toNodeListener, type Portico } from '@portico/server';
import { createServer as createViteServer } from 'vite';

const appRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ReactSite {
  /** `http://localhost:<port>`: the app, with Portico under /portal. */
  origin: string;
  portico: Portico;
  sample: ExampleBusiness;
  mail: MailDelivery;
  stop(): Promise<void>;
}

/**
 * One Node server: Portico at /portal (`toNodeListener`), everything else
 * the React app through Vite's dev middleware. In production the app is
 * `vite build` output served by any host that also mounts Portico at /portal.
 */
export async function startReactSite({ port = 5173, databasePath = ':memory:' } = {}): Promise<ReactSite> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  // localhost: browsers keep the Secure session cookie there over plain HTTP.
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;

  const portico = await createPortico({ database: { sqlite: databasePath }, basePath: '/portal' });
  const sample = await seedExampleBusiness(portico.api, { portalUrl: `${origin}/portal`, portalPageUrl: `${origin}/` });
  const mail = startMailDelivery(portico.database);
  const vite = await createViteServer({
    root: appRoot,
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    server: { middlewareMode: true, hmr: { server } },
    appType: 'spa',
    logLevel: 'warn',
  });
  const portal = toNodeListener(portico);
  server.on('request', (req, res) => {
    if (req.url === '/portal' || req.url?.startsWith('/portal/')) void portal(req, res);
    else vite.middlewares(req, res);
  });

  return {
    origin,
    portico,
    sample,
    mail,
    async stop() {
      await vite.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mail.stop();
      await portico.close();
    },
  };
}
