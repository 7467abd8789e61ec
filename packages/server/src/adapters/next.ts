import type { Portico } from '../create-portico.js';

type RouteHandler = (request: Request) => Promise<Response>;

/**
 * Next.js App Router handlers. In `app/portal/[...portico]/route.ts`:
 *
 * ```ts
 * export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = toNextHandlers(portico);
 * ```
 *
 * with `createPortico({ basePath: '/portal', trustProxy: true, ... })`. Use the
 * Node.js runtime (better-sqlite3 and pg are native Node modules). Route
 * handlers never see the socket, so the caller's IP for rate limits comes from
 * X-Forwarded-For, which Next's server and Vercel set: hence `trustProxy`.
 */
export function toNextHandlers(portico: Pick<Portico, 'fetch'>): Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS', RouteHandler> {
  const handle: RouteHandler = (request) => portico.fetch(request);
  return { GET: handle, POST: handle, PUT: handle, PATCH: handle, DELETE: handle, HEAD: handle, OPTIONS: handle };
}
