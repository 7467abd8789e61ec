import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { listen, startExampleBackend, stopExample, type ExampleBackend } from '@portico/example-kit';
import { createPortico, toNodeListener } from '@portico/server';
import { createServer as createViteServer } from 'vite';

const appRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ReactSite {
  /** `http://localhost:<port>`: the app, with Portico under /portal. */
  origin: string;
  backend: ExampleBackend;
  stop(): Promise<void>;
}

/**
 * One Node server: Portico at /portal (`toNodeListener`), everything else
 * the React app through Vite's dev middleware. In production the app is
 * `vite build` output served by any host that also mounts Portico at /portal.
 */
export async function startReactSite({ port = 5173, databasePath = ':memory:' } = {}): Promise<ReactSite> {
  const server = createServer();
  // localhost: browsers keep the Secure session cookie there over plain HTTP.
  const origin = `http://localhost:${await listen(server, port)}`;

  const portico = await createPortico({ database: { sqlite: databasePath }, basePath: '/portal' });
  const backend = await startExampleBackend(portico, { portalUrl: `${origin}/portal`, portalPageUrl: `${origin}/` });
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
    backend,
    async stop() {
      await vite.close();
      await stopExample(server, backend);
    },
  };
}
