import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Portico } from '../create-portico.js';

/**
 * A Node `http` request listener serving Portico under its `basePath`:
 * `http.createServer(toNodeListener(portico))`.
 */
export function toNodeListener(portico: Pick<Portico, 'fetch'>): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return getRequestListener((request, env) => portico.fetch(request, env));
}
