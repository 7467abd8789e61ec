import { PostgresAdapter, type ExpressionBuilder, type Kysely } from 'kysely';
import type { PorticoSchema } from '../db/schema.js';

/** The columns every leased table has (webhook deliveries, hook runs). */
interface LeasedRow {
  id: string;
  status: 'pending' | 'sending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: number | string;
  locked_until: number | string | null;
  last_error: string | null;
  type: string;
}

export interface Claim {
  id: string;
  /** The attempt this claim is (1 for the first). */
  attempts: number;
}

export interface LeasedQueue {
  /** Takes up to `batchSize` due rows (of these types only, when given), oldest due first; each goes to one caller only. */
  claim(now: number, types?: readonly string[]): Promise<Claim[]>;
  /** Writes a claim's outcome unless another worker took the row over since; false when it did. */
  settle(claim: Claim, changes: Record<string, unknown>): Promise<boolean>;
  /** Fails rows whose lease ran out on their last allowed attempt (their worker died or hung). */
  failAbandoned(now: number, reason: string): Promise<number>;
}

/**
 * A table of work shared by any number of workers, as the email outbox is
 * (email/outbox-worker.ts): a row is claimed with one guarded UPDATE
 * (`pending` and due, or `sending` with its lease run out), which only one
 * worker can win, and every later write is guarded by that claim (status
 * `sending` and the attempt count it set).
 */
export function leasedQueue(
  database: Kysely<PorticoSchema>,
  table: 'webhook_deliveries' | 'event_hook_runs',
  { batchSize, leaseMs, maxAttempts }: { batchSize: number; leaseMs: number; maxAttempts: number },
): LeasedQueue {
  // Both tables have the lease columns; the queries below are typed on that shared shape.
  const db = database as unknown as Kysely<{ work: LeasedRow }>;
  const work = table as 'work';
  const skipLocked = db.getExecutor().adapter instanceof PostgresAdapter;

  const isDue = (now: number, types: readonly string[] | undefined) => (eb: ExpressionBuilder<{ work: LeasedRow }, 'work'>) =>
    eb.and([
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', now), eb('attempts', '<', maxAttempts)]),
      ]),
      ...(types ? [eb('type', 'in', types.length > 0 ? types : [''])] : []),
    ]);

  return {
    async claim(now, types) {
      // As in the outbox: a materialized CTE, so Postgres computes the candidates once, and the due
      // condition again on the UPDATE, so a row another worker claimed meanwhile is not taken twice.
      const rows = await db
        .with(
          (cte) => cte('claimable').materialized(),
          (qb) => {
            const candidates = qb.selectFrom(work).select('id').where(isDue(now, types)).orderBy('next_attempt_at').orderBy('id').limit(batchSize);
            return skipLocked ? candidates.forUpdate().skipLocked() : candidates;
          },
        )
        .updateTable(work)
        .set((eb) => ({ status: 'sending', locked_until: now + leaseMs, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) => eb.selectFrom('claimable').select('claimable.id'))
        .where(isDue(now, types))
        .returning(['id', 'attempts'])
        .execute();
      return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async settle(claim, changes) {
      const result = await db
        .updateTable(work)
        .set(changes as Partial<LeasedRow>)
        .where('id', '=', claim.id)
        .where('status', '=', 'sending')
        .where('attempts', '=', claim.attempts)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async failAbandoned(now, reason) {
      const result = await db
        .updateTable(work)
        .set({ status: 'failed', locked_until: null, last_error: reason })
        .where('status', '=', 'sending')
        .where('locked_until', '<=', now)
        .where('attempts', '>=', maxAttempts)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
