import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeServer, listen } from '@portico/example-kit';

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
  const server = createServer((req, res) => {
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
  const boundPort = await listen(server, port);
  return {
    origin: `http://127.0.0.1:${boundPort}`,
    stop: () => closeServer(server),
  };
}
