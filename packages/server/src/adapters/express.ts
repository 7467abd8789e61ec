import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Portico } from '../create-portico.js';

/**
 * Express middleware: `app.use('/portal', toExpressMiddleware(portico))`.
 * Express strips the mount path from `req.url`, so Portico's app is served
 * at its root. Mount it before body parsers (Portico reads raw bodies, which
 * webhook signatures need); a `req.rawBody` Buffer is used if present.
 */
export function toExpressMiddleware(
  portico: Pick<Portico, 'app'>,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  // The bindings carry the socket, so rate limits see the caller's IP.
  const listener = getRequestListener((request, env) => portico.app.fetch(request, env));
  return (req, res, next) => {
    listener(req, res).catch(next);
  };
}
