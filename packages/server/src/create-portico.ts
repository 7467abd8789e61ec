import {
  createDatabase,
  createEventHooks,
  createEventWorker,
  createPorticoApi,
  createSecretBox,
  systemClock,
  type StripeConnection,
  type Clock,
  type DatabaseOptions,
  type EventHandler,
  type EventType,
  type EventWorker,
  type PorticoApi,
  type PorticoDatabase,
} from '@portico/core';
import { Hono } from 'hono';
import { limitBody, MAX_JSON_BODY_BYTES, MAX_STRIPE_EVENT_BYTES } from './http/body-limit.js';
import { isUpload, MAX_UPLOAD_BODY_BYTES } from './http/message-body.js';
import { apiCors } from './http/api-cors.js';
import { errorResponse, notFoundResponse } from './http/error-response.js';
import type { AuthorizeAdmin } from './http/admin-auth.js';
import { consoleLogger, type Logger } from './http/logger.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { clientApiRoutes } from './routes/client-api.js';
import { stripeWebhookRoutes } from './routes/stripe-webhook.js';
import { inboundWebhookRoutes } from './inbound/inbound-webhook-routes.js';
import { healthRoutes } from './routes/health.js';
import { portalPageRoutes } from './routes/portal-page.js';
import { widgetBundleRoutes } from './routes/widget-bundle.js';
import { bundlePath } from '@portico/widgets/bundle-path';
import type { ServerContext } from './server-context.js';

export interface PorticoOptions {
  /** An open database from `createDatabase()`, or the options to open one (SQLite path or Postgres URL/pool). */
  database: PorticoDatabase | DatabaseOptions;
  clock?: Clock;
  /**
   * The path the portal is mounted under when the host uses `fetch` or an
   * adapter without a router of its own (`/portal`). The Hono `app` itself
   * always has its routes at its root: mount it with `host.route('/portal', app)`.
   */
  basePath?: string;
  logger?: Logger;
  /**
   * Behind a reverse proxy you run, count the left-most X-Forwarded-For
   * address as the client's IP for rate limits. Off by default: anyone can
   * send that header.
   */
  trustProxy?: boolean;
  /** The widget bundle served at `/widgets.js` (default: the one built in @portico/widgets). */
  widgetBundlePath?: string;
  /**
   * Seals secrets at rest (each business's Stripe keys): 32 random bytes as
   * base64 or hex (`openssl rand -base64 32`). Without it, no online payments.
   */
  encryptionKey?: string;
  /** Where the Stripe API is, for tests or a proxy (default: Stripe's own). */
  stripeConnection?: StripeConnection;
  /** Where Resend's API is, for fetching received mail (default `https://api.resend.com`): for tests or a proxy. */
  resendBaseUrl?: string;
  /**
   * Opens `/admin/*` (the business's side): given the request, name the
   * business and the host's user acting for it, or answer null (401). Without
   * it, every `/admin/*` request is 401. State-changing admin requests must
   * also come from the business's portal origin or one of its allowed origins.
   *
   * ```ts
   * authorizeAdmin: async (request) => {
   *   const user = await myAuth.userFromCookie(request.headers.get('cookie'));
   *   return user?.isStaff ? { businessId: user.businessId, userId: user.id } : null;
   * }
   * ```
   */
  authorizeAdmin?: AuthorizeAdmin;
  /** The event log's delivery: webhooks to the business's endpoints and `portico.on(...)` handlers (docs/events.md). */
  events?: PorticoEventOptions;
}

export interface PorticoEventOptions {
  /**
   * Run the event worker in this process: it delivers webhooks and runs this
   * process's `portico.on` handlers. Off by default; any number of processes
   * may run it against one database (each event goes out once per endpoint,
   * at least once). Without it, `portico.events.runOnce()` or `start()` does the work.
   */
  worker?: boolean;
  /** How often the worker looks for work (default 2000 ms). */
  intervalMs?: number;
  /**
   * Local development only: webhook endpoints may use http and private
   * addresses (`http://127.0.0.1:4000/hooks`). Off, only https URLs of
   * public addresses are taken, and checked again on every connection.
   */
  allowPrivateWebhookUrls?: boolean;
}

export interface Portico {
  /** A Hono app with every Portico route at its root, to `route()` under any path. */
  app: Hono;
  /**
   * A standard fetch handler serving the routes under `basePath`. `env` is
   * the runtime's bindings (under @hono/node-server, `{ incoming, outgoing }`),
   * which give rate limits the caller's IP.
   */
  fetch: (request: Request, env?: unknown) => Promise<Response>;
  /** The typed programmatic API for the host's own back end. */
  api: PorticoApi;
  database: PorticoDatabase;
  basePath: string;
  /**
   * Runs `handler` on every event of `type` (or `'*'` for all), fed from the
   * event log by this process's event worker after the change committed; a
   * handler that throws gets the event again later (after backoff), so none
   * is lost. At least once: use `event.id` to drop repeats. Returns a
   * function that removes the handler.
   */
  on(type: EventType | '*', handler: EventHandler): () => void;
  /** The event worker (webhook deliveries and `on` handlers): `runOnce()`, `start()`, `stop()`. */
  events: EventWorker;
  /** Stops the event worker, and closes the database if Portico opened it. */
  close(): Promise<void>;
}

/**
 * Builds Portico's server. Mount it into a Hono host with
 * `host.route('/portal', portico.app)`, or use `portico.fetch` (or one of the
 * adapters) with `basePath: '/portal'`.
 */
export async function createPortico(options: PorticoOptions): Promise<Portico> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const basePath = normalizeBasePath(options.basePath ?? '');
  const ownsDatabase = !isOpenDatabase(options.database);
  const database = isOpenDatabase(options.database) ? options.database : await createDatabase(options.database);
  const secrets = options.encryptionKey ? createSecretBox(options.encryptionKey) : undefined;
  const allowPrivateWebhookUrls = options.events?.allowPrivateWebhookUrls === true;
  const api = createPorticoApi({
    db: database.db,
    clock,
    ...(secrets ? { secrets } : {}),
    ...(options.stripeConnection ? { stripeConnection: options.stripeConnection } : {}),
    ...(options.resendBaseUrl ? { resendBaseUrl: options.resendBaseUrl } : {}),
    allowPrivateWebhookUrls,
  });
  const hooks = createEventHooks();
  const events = createEventWorker({ db: database.db, clock, secrets, hooks, urlPolicy: { allowPrivate: allowPrivateWebhookUrls }, logger });
  if (options.events?.worker) events.start(options.events.intervalMs ?? 2_000);

  const server: ServerContext = {
    api,
    logger,
    trustProxy: options.trustProxy ?? false,
    apiCors: apiCors(api),
  };

  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error, logger));
  // Bodies are read whole (JSON, and a webhook's signature covers the raw bytes): each has a ceiling.
  // Inbound mail sets its own (25 MB) on its routes; a ticket message with files may be as large.
  const jsonCeiling = limitBody(MAX_JSON_BODY_BYTES);
  const uploadCeiling = limitBody(MAX_UPLOAD_BODY_BYTES);
  for (const path of ['/auth/*', '/api/*', '/admin/*']) app.use(path, (c, next) => (isUpload(c) ? uploadCeiling : jsonCeiling)(c, next));
  app.use('/webhooks/stripe/*', limitBody(MAX_STRIPE_EVENT_BYTES));
  app.route('/', healthRoutes({ database }));
  app.route('/auth', authRoutes(server));
  app.route('/api', clientApiRoutes(server));
  app.route('/admin', adminRoutes(server, options.authorizeAdmin));
  app.route('/webhooks', stripeWebhookRoutes(server));
  app.route('/webhooks', inboundWebhookRoutes(server));
  app.route('/', portalPageRoutes(server));
  app.route('/', widgetBundleRoutes(options.widgetBundlePath ?? bundlePath));
  // A catch-all rather than notFound(): host.route() copies routes, not handlers,
  // and an unknown /portal/... path must stay Portico's JSON 404 inside any host.
  app.all('*', (c) => notFoundResponse(c));

  const mounted = basePath === '' ? app : new Hono().route(basePath, app);
  return {
    app,
    fetch: async (request, env) => mounted.fetch(request, env),
    api,
    database,
    basePath,
    on: (type, handler) => hooks.on(type, handler),
    events,
    close: async () => {
      await events.stop();
      if (ownsDatabase) await database.destroy();
    },
  };
}

function isOpenDatabase(value: PorticoDatabase | DatabaseOptions): value is PorticoDatabase {
  return typeof (value as PorticoDatabase).migrate === 'function';
}

function normalizeBasePath(path: string): string {
  if (path === '' || path === '/') return '';
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(path)) {
    throw new TypeError(`basePath must be a path like "/portal", got ${JSON.stringify(path)}.`);
  }
  return path.replace(/\/+$/, '');
}
