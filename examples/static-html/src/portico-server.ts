import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedExampleBusiness, startMailDelivery, type ExampleBusiness, type MailDelivery } from '@portico/example-kit';
import { createPortico, toNodeListener, type Portico } from '@portico/server';

export interface PorticoServer {
  /** `http://localhost:<port>`; Portico answers under `/portal`. */
  origin: string;
  portico: Portico;
  sample: ExampleBusiness;
  mail: MailDelivery;
  stop(): Promise<void>;
}

/**
 * Portico on its own origin with Node's `http` (`toNodeListener`), serving a
 * business whose portal page is `pageUrl`, a page on another origin.
 */
export async function startPorticoServer({ port, pageUrl, databasePath = ':memory:' }: { port: number; pageUrl: string; databasePath?: string }): Promise<PorticoServer> {
  const portico = await createPortico({ database: { sqlite: databasePath }, basePath: '/portal' });
  const server: Server = createServer(toNodeListener(portico));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const sample = await seedExampleBusiness(portico.api, {
    portalUrl: `${origin}/portal`,
    // The page's origin may call Portico, and sign-in links open that page.
    allowedOrigins: [new URL(pageUrl).origin],
    portalPageUrl: pageUrl,
  });
  const mail = startMailDelivery(portico.database);
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
