import type { PorticoApi } from '@portico/core';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from './http/logger.js';

/** What every route group of the server is built from. */
export interface ServerContext {
  /** The one door into core: every route acts through it. */
  api: PorticoApi;
  logger: Logger;
  /** Count the left-most X-Forwarded-For address as the client's IP (only behind a proxy you run). */
  trustProxy: boolean;
  /** CORS for the client's routes, one for the server so its cache of allowed origins is shared. */
  apiCors: MiddlewareHandler;
}
