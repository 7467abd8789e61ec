import type { Kysely } from 'kysely';
import { Webhook } from 'standardwebhooks';
import type { PorticoSchema } from '../db/schema.js';
import { exponentialBackoff } from '../shared/backoff.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { newOrderedId } from '../shared/ids.js';
import { pollingLoop } from '../shared/polling-loop.js';
import type { SecretBox } from '../shared/secret-box.js';
import { toPorticoEvent } from './event-log.js';
import type { EventHooks } from './event-hooks.js';
import { leasedQueue, type Claim } from './leased-queue.js';
import { postWebhook } from './webhook-post.js';
import type { WebhookUrlPolicy } from './webhook-urls.js';

export interface EventWorkerLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Work the worker does at the start of each run, before delivering: recording events no request makes (`invoice.overdue`). */
export type EventProducer = (db: Kysely<PorticoSchema>, clock: Clock) => Promise<void>;

export interface EventWorkerOptions {
  db: Kysely<PorticoSchema>;
  clock?: Clock;
  /** Opens the endpoints' sealed secrets; without it no webhook can be signed (and none can be configured). */
  secrets?: SecretBox | undefined;
  /** In-process handlers to run on each event (`portico.on`). */
  hooks?: EventHooks;
  /** Where webhooks may go (default: https to public addresses only). */
  urlPolicy?: WebhookUrlPolicy;
  logger?: EventWorkerLogger;
  /** Deliveries, and hook runs, claimed per run (default 20). */
  batchSize?: number;
  /** Attempts before a delivery or hook run is marked failed (default 24: with the default backoff, about a day). */
  maxAttempts?: number;
  /** How long a claim is reserved for this worker (default 2 min, well past `timeoutMs`). */
  leaseMs?: number;
  /** How long a receiver has to answer (default 10 s). */
  timeoutMs?: number;
  /** The wait before the next attempt, given the attempts made so far (default: 30 s doubling, capped at 1 h, with jitter). */
  backoff?: (attempt: number) => number;
  producers?: readonly EventProducer[];
}

export interface EventRunResult {
  delivered: number;
  retried: number;
  failed: number;
  /** Events all of whose in-process handlers returned. */
  handled: number;
}

export interface EventWorker {
  runOnce(): Promise<EventRunResult>;
  /** Runs until stopped: at once, then every `intervalMs` (default 5 s), straight on while batches come back full. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

const consoleLogger: EventWorkerLogger = {
  warn: (message, details) => console.warn(`[portico events] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[portico events] ${message}`, details ?? ''),
};

const maxErrorLength = 1000;

/**
 * Delivers the event log: each pending webhook delivery is signed per
 * Standard Webhooks (`webhook-id` is the event id, the same on every retry
 * and redelivery, for the receiver to drop repeats) and POSTed; a 2xx answer
 * is success, anything else is retried with backoff. In-process hooks run on
 * each event once, retried the same way when one throws. Any number of
 * workers may share one database (leased claims, as the outbox's); delivery
 * is at least once.
 */
export function createEventWorker(options: EventWorkerOptions): EventWorker {
  const {
    db,
    clock = systemClock,
    secrets,
    hooks,
    urlPolicy = { allowPrivate: false },
    logger = consoleLogger,
    batchSize = 20,
    maxAttempts = 24,
    leaseMs = 120_000,
    timeoutMs = 10_000,
    backoff = exponentialBackoff(),
    producers = [],
  } = options;
  if (!db) throw new TypeError('createEventWorker needs a db.');
  for (const [name, value] of Object.entries({ batchSize, maxAttempts, leaseMs, timeoutMs })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`createEventWorker: ${name} must be a whole number of at least 1.`);
  }
  const deliveries = leasedQueue(db, 'webhook_deliveries', { batchSize, leaseMs, maxAttempts });
  const hookRuns = leasedQueue(db, 'event_hook_runs', { batchSize, leaseMs, maxAttempts });
  const abandoned = `Gave up: the last of ${maxAttempts} attempts did not finish (its worker stopped or timed out).`;

  /** The changes that end an attempt that failed: another try after the backoff, or failed for good. */
  function failure(claim: Claim, error: string): { changes: Record<string, unknown>; final: boolean } {
    const final = claim.attempts >= maxAttempts;
    const wait = Math.max(0, Math.round(backoff(claim.attempts)));
    return {
      final,
      changes: final
        ? { status: 'failed', locked_until: null, last_error: error }
        : { status: 'pending', next_attempt_at: clock.now().getTime() + wait, locked_until: null, last_error: error },
    };
  }

  async function settleOrWarn(queue: typeof deliveries, claim: Claim, changes: Record<string, unknown>, what: string) {
    if (!(await queue.settle(claim, changes))) {
      logger.warn(`A ${what} was taken over by another worker before this one finished; its outcome here was not recorded.`, { id: claim.id, attempt: claim.attempts });
    }
  }

  async function deliver(claim: Claim): Promise<'delivered' | 'retried' | 'failed'> {
    const row = await db
      .selectFrom('webhook_deliveries')
      .innerJoin('events', 'events.id', 'webhook_deliveries.event_id')
      .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
      .selectAll('events')
      .select(['webhook_endpoints.url', 'webhook_endpoints.secret_sealed', 'webhook_endpoints.enabled'])
      .where('webhook_deliveries.id', '=', claim.id)
      .whereRef('events.business_id', '=', 'webhook_deliveries.business_id')
      .whereRef('webhook_endpoints.business_id', '=', 'webhook_deliveries.business_id')
      .executeTakeFirst();
    if (!row || row.enabled !== 1 || !secrets) {
      const why = !row ? 'Its event or endpoint is gone.' : row.enabled !== 1 ? 'The endpoint is disabled.' : 'This server has no encryption key to open the signing secret.';
      await settleOrWarn(deliveries, claim, { status: 'failed', locked_until: null, last_error: why }, 'webhook delivery');
      return 'failed';
    }
    const event = toPorticoEvent(row);
    const body = JSON.stringify(event);
    const startedAt = clock.now();
    let response: { status: number; body: string } | undefined;
    let error: string | null = null;
    try {
      const signature = new Webhook(secrets.open(row.secret_sealed)).sign(event.id, startedAt, body);
      const headers = { 'webhook-id': event.id, 'webhook-timestamp': String(Math.floor(startedAt.getTime() / 1000)), 'webhook-signature': signature };
      response = await postWebhook(row.url, body, headers, { policy: urlPolicy, timeoutMs });
      if (response.status < 200 || response.status > 299) error = `The endpoint answered ${response.status}.`;
    } catch (thrown) {
      error = describe(thrown).slice(0, maxErrorLength);
    }
    const finishedAt = clock.now().getTime();
    await db
      .insertInto('webhook_attempts')
      .values({
        id: newOrderedId('wha'),
        business_id: row.business_id,
        delivery_id: claim.id,
        attempt: claim.attempts,
        started_at: startedAt.getTime(),
        duration_ms: Math.max(0, finishedAt - startedAt.getTime()),
        response_status: response?.status ?? null,
        response_body: response?.body ?? null,
        error,
      })
      .execute();
    const answered = { response_status: response?.status ?? null };
    if (error === null) {
      await settleOrWarn(deliveries, claim, { status: 'succeeded', delivered_at: finishedAt, locked_until: null, last_error: null, ...answered }, 'webhook delivery');
      return 'delivered';
    }
    const { changes, final } = failure(claim, error);
    await settleOrWarn(deliveries, claim, { ...changes, ...answered }, 'webhook delivery');
    const details = { deliveryId: claim.id, eventId: event.id, attempt: claim.attempts, error };
    if (final) logger.error(`A webhook failed ${claim.attempts} times; giving up.`, details);
    else logger.warn('A webhook could not be delivered; it will be retried.', details);
    return final ? 'failed' : 'retried';
  }

  async function runHooks(claim: Claim): Promise<'handled' | 'retried' | 'failed'> {
    const row = await db.selectFrom('events').selectAll().where('id', '=', claim.id).executeTakeFirst();
    if (!row) return 'failed';
    const event = toPorticoEvent(row);
    const errors: string[] = [];
    for (const handler of hooks?.handlersFor(event.type) ?? []) {
      try {
        await handler(event);
      } catch (thrown) {
        errors.push(describe(thrown));
      }
    }
    if (errors.length > 0) {
      const error = errors.join('; ').slice(0, maxErrorLength);
      const { changes, final } = failure(claim, error);
      await settleOrWarn(hookRuns, claim, changes, 'hook run');
      logger.error(final ? `An event handler failed ${claim.attempts} times; giving up on this event.` : 'An event handler threw; the event will be handled again.', {
        eventId: event.id,
        type: event.type,
        attempt: claim.attempts,
        error,
      });
      return final ? 'failed' : 'retried';
    }
    await settleOrWarn(hookRuns, claim, { status: 'succeeded', finished_at: clock.now().getTime(), locked_until: null, last_error: null }, 'hook run');
    return 'handled';
  }

  async function runOnce(): Promise<EventRunResult> {
    for (const produce of producers) {
      await produce(db, clock).catch((error: unknown) => logger.error('An event producer failed; its work waits for the next run.', { error: describe(error) }));
    }
    const now = clock.now().getTime();
    const result: EventRunResult = { delivered: 0, retried: 0, failed: 0, handled: 0 };
    result.failed += await deliveries.failAbandoned(now, abandoned);
    for (const outcome of await Promise.all((await deliveries.claim(now)).map(deliver))) result[outcome] += 1;
    // undefined: some handler wants every type.
    const wanted = hooks ? hooks.wantedTypes() : [];
    if (wanted === undefined || wanted.length > 0) {
      result.failed += await hookRuns.failAbandoned(now, abandoned);
      // One after another, in the order the events were recorded.
      for (const claim of await hookRuns.claim(now, wanted)) result[await runHooks(claim)] += 1;
    }
    return result;
  }

  const loop = pollingLoop(
    async () => {
      const { delivered, retried, failed, handled } = await runOnce();
      return delivered + retried + failed + handled >= batchSize;
    },
    (error) => logger.error('An event run failed.', { error: describe(error) }),
  );

  return { runOnce, start: (intervalMs = 5_000) => loop.start(intervalMs), stop: () => loop.stop() };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}
