import { PostgresAdapter, type ExpressionBuilder, type Kysely } from 'kysely';
import type { PorticoSchema, RowChanges } from '../db/schema.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { exponentialBackoff } from '../shared/backoff.js';
import { pollingLoop } from '../shared/polling-loop.js';
import { toOutgoingEmail, type OutboxRow } from './outbox-rows.js';
import { isEmailDeliveryError, type EmailTransport, type OutgoingEmail } from './transports/transport.js';

export interface OutboxLogger {
  info?(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * Finishes an outbox email as it is sent, from what its row stored when it
 * was queued (DeferredEmailParts): a fresh sign-in token, a ticket reply's
 * files. The domain folders that queue such emails provide these, so the
 * outbox knows no domain. Throwing EmailDeliveryError({ permanent: true })
 * fails the email for good; any other error is retried.
 */
export type OutboxEnricher = (db: Kysely<PorticoSchema>, now: Date, row: OutboxRow, email: OutgoingEmail) => Promise<OutgoingEmail>;

/**
 * Turns work left for the worker into outbox emails at the start of each run,
 * before claiming: a request that must answer before it knows whether there
 * is anything to send (sign-in link requests) leaves a row, and its producer
 * queues the emails. Errors are logged, and the run goes on to deliver.
 */
export type OutboxProducer = (db: Kysely<PorticoSchema>, clock: Clock) => Promise<void>;

export interface OutboxWorkerOptions {
  db: Kysely<PorticoSchema>;
  clock?: Clock;
  transport: EmailTransport;
  /** Where delivery problems are reported (default: console). Never given addresses' contents or keys. */
  logger?: OutboxLogger;
  /** Emails claimed, and sent side by side, per run (default 10). */
  batchSize?: number;
  /**
   * Attempts before an email is marked failed (default 32: with the default
   * backoff, capped at an hour, that rides out a provider outage of a day).
   */
  maxAttempts?: number;
  /** How long a claimed email is reserved for this worker (default 10 min); after that another worker may take it over. */
  leaseMs?: number;
  /** The wait before the next attempt, given the attempts made so far (default: 30 s doubling, capped at 1 h, with jitter). */
  backoff?: (attempt: number) => number;
  /** Run in order on each email as it is sent (default none). */
  enrichers?: readonly OutboxEnricher[];
  /** Run in order at the start of each run (default none). */
  producers?: readonly OutboxProducer[];
}

export interface OutboxRunResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface OutboxWorker {
  /** Claims the due emails (one batch) and delivers them. */
  runOnce(): Promise<OutboxRunResult>;
  /** Runs batches until stopped: at once, then every `intervalMs` (default 5 s), straight on while batches come back full. */
  start(intervalMs?: number): void;
  /** Stops the loop and waits for the batch in flight. */
  stop(): Promise<void>;
}

type Outcome = keyof OutboxRunResult;

const consoleLogger: OutboxLogger = {
  warn: (message, details) => console.warn(`[portico outbox] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[portico outbox] ${message}`, details ?? ''),
};

const maxErrorLength = 1000;

/**
 * Sends the outbox. Any number of workers, in any number of processes, may
 * run against one database: an email is claimed with one guarded UPDATE
 * (`pending` and due, or `sending` with an expired lease), which only one
 * worker can win, and each later write is guarded by the claim (status
 * `sending` and the attempt count it set), so a worker that lost its lease
 * can't overwrite the newer state. Attempts count claims, so a message that
 * crashes its worker still runs out of attempts.
 *
 * Delivery is at least once: a worker that dies between the provider
 * accepting an email and recording it leaves the email to be sent again
 * after the lease. Resend drops that repeat (the outbox id is its idempotency
 * key); over SMTP it carries the same Message-ID.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const {
    db,
    transport,
    clock = systemClock,
    logger = consoleLogger,
    batchSize = 10,
    maxAttempts = 32,
    leaseMs = 10 * 60_000,
    backoff = exponentialBackoff(),
    enrichers = [],
    producers = [],
  } = options;
  if (!db || !transport) throw new TypeError('createOutboxWorker needs a db and a transport.');
  for (const [name, value] of Object.entries({ batchSize, maxAttempts, leaseMs })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`createOutboxWorker: ${name} must be a whole number of at least 1.`);
  }
  const skipLocked = db.getExecutor().adapter instanceof PostgresAdapter;

  const isDue = (now: number) => (eb: ExpressionBuilder<PorticoSchema, 'outbox_emails'>) =>
    eb.or([
      eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', now), eb('attempts', '<', maxAttempts)]),
    ]);

  async function claim(): Promise<OutboxRow[]> {
    const now = clock.now().getTime();
    // The candidates are a materialized CTE, computed once: as a plain `IN
    // (subquery)` Postgres may rescan a LIMIT ... SKIP LOCKED subquery while
    // updating and claim more than a batch. The due condition is repeated on
    // the UPDATE itself: a row another worker claimed in the meantime no
    // longer matches it, so each claim goes to one worker only.
    return db
      .with(
        (cte) => cte('claimable').materialized(),
        (qb) => {
          const candidates = qb
            .selectFrom('outbox_emails')
            .select('id')
            .where(isDue(now))
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(batchSize);
          // Postgres lets concurrent workers pass over each other's claimed rows instead of waiting on them.
          return skipLocked ? candidates.forUpdate().skipLocked() : candidates;
        },
      )
      .updateTable('outbox_emails')
      .set((eb) => ({ status: 'sending', locked_until: now + leaseMs, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) => eb.selectFrom('claimable').select('claimable.id'))
      .where(isDue(now))
      .returningAll()
      .execute();
  }

  /** `sending` rows whose lease ran out on their last allowed attempt: their worker died or hung. */
  async function failAbandoned(): Promise<number> {
    const now = clock.now().getTime();
    const result = await db
      .updateTable('outbox_emails')
      .set({
        status: 'failed',
        locked_until: null,
        last_error: `Gave up: the last of ${maxAttempts} attempts did not finish (its worker stopped or timed out).`,
      })
      .where('status', '=', 'sending')
      .where('locked_until', '<=', now)
      .where('attempts', '>=', maxAttempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Writes the outcome of a claim, unless another worker took the email over since. */
  async function settle(row: OutboxRow, changes: RowChanges<'outbox_emails'>): Promise<void> {
    const result = await db
      .updateTable('outbox_emails')
      .set(changes)
      .where('id', '=', row.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      logger.warn('An email was taken over by another worker before this one finished; its outcome here was not recorded.', {
        outboxId: row.id,
        attempt: row.attempts,
      });
    }
  }

  async function deliver(row: OutboxRow): Promise<Outcome> {
    let providerMessageId: string | null;
    try {
      let email = toOutgoingEmail(row);
      for (const enrich of enrichers) email = await enrich(db, clock.now(), row, email);
      ({ providerMessageId } = await transport.send(email));
    } catch (error) {
      return recordFailure(row, error);
    }
    try {
      await settle(row, {
        status: 'sent',
        sent_at: clock.now().getTime(),
        provider_message_id: providerMessageId,
        locked_until: null,
        last_error: null,
      });
    } catch (error) {
      // Sent, but not recorded: after the lease it is sent again, and the idempotency key absorbs it.
      logger.error('An email was sent but recording it failed.', { outboxId: row.id, error: describe(error) });
    }
    return 'sent';
  }

  async function recordFailure(row: OutboxRow, error: unknown): Promise<Outcome> {
    const permanent = isEmailDeliveryError(error) && error.permanent;
    const lastError = describe(error).slice(0, maxErrorLength);
    const details = { outboxId: row.id, kind: row.kind, transport: transport.name, attempt: row.attempts, error: lastError };
    try {
      if (permanent || row.attempts >= maxAttempts) {
        await settle(row, { status: 'failed', locked_until: null, last_error: lastError });
        logger.error(permanent ? 'An email was rejected for good.' : `An email failed ${row.attempts} times; giving up.`, details);
        return 'failed';
      }
      const wait = Math.max(0, Math.round(backoff(row.attempts)));
      await settle(row, {
        status: 'pending',
        next_attempt_at: clock.now().getTime() + wait,
        locked_until: null,
        last_error: lastError,
      });
      logger.warn(`An email could not be sent; retrying in ${Math.round(wait / 1000)} s.`, details);
    } catch (dbError) {
      // The claim stays until its lease runs out; then the email is retried.
      logger.error('Recording a failed delivery failed.', { ...details, dbError: describe(dbError) });
    }
    return 'retried';
  }

  async function runOnce(): Promise<OutboxRunResult> {
    for (const produce of producers) {
      await produce(db, clock).catch((error: unknown) => logger.error('An outbox producer failed; its work waits for the next run.', { error: describe(error) }));
    }
    const result: OutboxRunResult = { sent: 0, retried: 0, failed: await failAbandoned() };
    const rows = await claim();
    const outcomes = await Promise.all(rows.map(deliver));
    for (const outcome of outcomes) result[outcome] += 1;
    return result;
  }

  const loop = pollingLoop(
    async () => {
      const { sent, retried, failed } = await runOnce();
      return sent + retried + failed >= batchSize;
    },
    (error) => logger.error('An outbox run failed.', { error: describe(error) }),
  );

  return {
    runOnce,
    start: (intervalMs = 5_000) => loop.start(intervalMs),
    stop: () => loop.stop(),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name === 'Error' || error.name === 'EmailDeliveryError' ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}
