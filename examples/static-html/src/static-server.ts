import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The address public/index.html names for Portico. */
export const PORTICO_ORIGIN_IN_PAGE = 'http://localhost:3000';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export interface StaticServer {
  /** `http://127.0.0.1:<port>`: another origin than Portico's `localhost`. */
  origin: string;
  stop(): Promise<void>;
}

/**
 * Serves public/ as any static host would (a CDN, nginx, GitHub Pages). The
 * page names Portico at its default address; when Portico runs elsewhere
 * (tests use free ports), what `porticoOrigin()` answers is written in its place.
 */
export async function startStaticServer({ port, porticoOrigin }: { port: number; porticoOrigin: () => string }): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://static.invalid').pathname;
    const file = normalize(join(publicDir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(publicDir) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return;
    }
    readFile(file, 'utf8').then(
      (text) => {
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        res.end(text.replaceAll(PORTICO_ORIGIN_IN_PAGE, porticoOrigin()));
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
