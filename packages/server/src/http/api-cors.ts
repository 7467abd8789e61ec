import type { PorticoApi } from '@portico/core';
import { cors } from 'hono/cors';
import { businessOrigins } from '@portico/core';

const CACHE_MS = 30_000;

/**
 * CORS for the client API. A preflight carries no credentials, so it is
 * answered for any origin some business allows; the session middleware then
 * only serves a request from an origin its own business allows.
 */
export function apiCors(api: PorticoApi) {
  let cached: { at: number; origins: Set<string> } | undefined;
  async function knownOrigins(): Promise<Set<string>> {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      const businesses = await api.businesses.list();
      cached = { at: Date.now(), origins: new Set(businesses.flatMap((b) => [...businessOrigins(b)])) };
    }
    return cached.origins;
  }
  return cors({
    origin: async (origin) => ((await knownOrigins()).has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After', 'Content-Disposition', 'ETag'],
    maxAge: 600,
  });
}
