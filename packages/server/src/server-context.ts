import type { CoreContext, PorticoApi, SecretBox, StripeDependencies } from '@portico/core';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from './http/logger.js';

/** What every route group of the server is built from. */
export interface ServerContext {
  core: CoreContext;
  api: PorticoApi;
  logger: Logger;
  /** Count the left-most X-Forwarded-For address as the client's IP (only behind a proxy you run). */
  trustProxy: boolean;
  /** Seals and opens secrets at rest; set when the host gave an encryption key. */
  secrets: SecretBox | undefined;
  /** Set when the host gave an encryption key: Stripe keys can then be stored and used. */
  stripe: StripeDependencies | undefined;
  /** CORS for the client's routes, one for the server so its cache of allowed origins is shared. */
  apiCors: MiddlewareHandler;
}
