import type { CoreContext, PorticoApi, StripeDependencies } from '@portico/core';
import type { Logger } from './http/logger.js';

/** What every route group of the server is built from. */
export interface ServerContext {
  core: CoreContext;
  api: PorticoApi;
  logger: Logger;
  /** Count the left-most X-Forwarded-For address as the client's IP (only behind a proxy you run). */
  trustProxy: boolean;
  /** Set when the host gave an encryption key: Stripe keys can then be stored and used. */
  stripe: StripeDependencies | undefined;
}
