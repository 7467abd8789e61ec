import { createServer } from 'node:http';
import { listen, startExampleBackend, stopExample, type ExampleBackend } from '@portico/example-kit';
import { createPortico, toNodeListener } from '@portico/server';

export interface PorticoServer {
  /** `http://localhost:<port>`; Portico answers under `/portal`. */
  origin: string;
  backend: ExampleBackend;
  stop(): Promise<void>;
}

/**
 * Portico on its own origin with Node's `http` (`toNodeListener`), serving a
 * business whose portal page is `pageUrl`, a page on another origin.
 */
export async function startPorticoServer({ port, pageUrl, databasePath = ':memory:' }: { port: number; pageUrl: string; databasePath?: string }): Promise<PorticoServer> {
  const portico = await createPortico({ database: { sqlite: databasePath }, basePath: '/portal' });
  const server = createServer(toNodeListener(portico));
  const origin = `http://localhost:${await listen(server, port)}`;
  const backend = await startExampleBackend(portico, {
    portalUrl: `${origin}/portal`,
    // The page's origin may call Portico, and sign-in links open that page.
    allowedOrigins: [new URL(pageUrl).origin],
    portalPageUrl: pageUrl,
  });
  return { origin, backend, stop: () => stopExample(server, backend) };
}
