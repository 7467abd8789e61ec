import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, type PorticoDatabase } from '../db/create-database.js';
import { describeEachDatabase, POSTGRES_URL_VARIABLE, testPostgresPool } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import type { BusinessContext } from '../context.js';
import { ManualClock } from '../shared/clock.js';
import { exponentialBackoff } from '../shared/backoff.js';
import { enqueueEmail } from './outbox.js';
import { createOutboxWorker, type OutboxLogger } from './outbox-worker.js';
import { EmailDeliveryError, type EmailTransport, type OutgoingEmail } from './transports/transport.js';

const silent: OutboxLogger = { warn() {}, error() {} };

/** A transport that records every send and answers as the test says. */
function recordingTransport(answer: (email: OutgoingEmail, call: number) => Promise<void> | void = () => {}) {
  const sends: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: 'recording',
    async send(email) {
      sends.push(email);
      await answer(email, sends.length);
      return { providerMessageId: `rec:${email.id}:${sends.length}` };
    },
  };
  const countById = () => {
    const counts = new Map<string, number>();
    for (const { id } of sends) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  return { transport, sends, countById };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A second, independent connection to the same database: what another server process would have. */
async function openSecondConnection(database: PorticoDatabase): Promise<PorticoDatabase> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(database.db);
    const file = rows.find((row) => row.name === 'main')!.file;
    return createDatabase({ sqlite: file }, { migrate: false });
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  // A pool of the host's own, without Portico's bigint parsing: the worker must cope with that too.
  const pool = testPostgresPool(process.env[POSTGRES_URL_VARIABLE]!, rows[0]!.schema, 5);
  return createDatabase({ postgres: pool }, { migrate: false });
}

describe('exponentialBackoff', () => {
  it('doubles from 30 s and stops at 1 h', () => {
    const exact = exponentialBackoff({ random: () => 0 });
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 1000].map(exact)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('takes up to a fifth off at random, never more than the cap', () => {
    const backoff = exponentialBackoff();
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const base = Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
      for (let i = 0; i < 50; i += 1) {
        const wait = backoff(attempt);
        expect(wait).toBeGreaterThanOrEqual(base * 0.8);
        expect(wait).toBeLessThanOrEqual(base);
      }
    }
    expect(exponentialBackoff({ random: () => 0.999999 })(1)).toBe(24_000);
  });
});

describeEachDatabase('outbox worker', (database) => {
  afterEach(async () => {
    await database().db.deleteFrom('outbox_emails').execute();
  });

  async function seed(count: number, clock = new ManualClock('2026-03-10T09:00:00Z')) {
    const { business } = await seedBusiness(database(), {}, clock);
    const ctx: BusinessContext = { db: database().db, clock, businessId: business.id, actor: 'api' };
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      ids.push(
        await enqueueEmail(ctx.db, ctx, { kind: 'test', to: `client${i}@globex.test`, subject: `Message ${i}`, html: `<p>${i}</p>`, text: `${i}` }),
      );
    }
    return { ctx, clock, ids };
  }

  async function rowsOf(ids: string[]) {
    const rows = await database().db.selectFrom('outbox_emails').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.id, row]));
  }

  it('sends due emails and records them as sent', async () => {
    const { clock, ids } = await seed(3);
    const { transport, sends } = recordingTransport();
    const worker = createOutboxWorker({ db: database().db, clock, transport, logger: silent });
    expect(await worker.runOnce()).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(sends.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(sends[0]).toMatchObject({ from: '"Harbor & Pine Studio" <no-reply@billing.harborpine.test>', replyTo: null, headers: {} });
    for (const row of (await rowsOf(ids)).values()) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, locked_until: null, last_error: null });
      expect(row.provider_message_id).toMatch(/^rec:/);
      expect(Number(row.sent_at)).toBe(clock.now().getTime());
    }
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sends).toHaveLength(3);
  });

  it('leaves emails that are not due yet, and sends at most a batch per run', async () => {
    const { clock, ids } = await seed(5);
    await database().db.updateTable('outbox_emails').set({ next_attempt_at: clock.now().getTime() + 1_000 }).where('id', '=', ids[0]!).execute();
    const { transport, sends } = recordingTransport();
    const worker = createOutboxWorker({ db: database().db, clock, transport, logger: silent, batchSize: 3 });
    expect(await worker.runOnce()).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1_000);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(new Set(sends.map((s) => s.id))).toEqual(new Set(ids));
  });

  it('retries a transient failure on the backoff schedule, then fails it after maxAttempts', async () => {
    const { clock, ids } = await seed(1);
    const id = ids[0]!;
    const { transport, sends } = recordingTransport(() => {
      throw new EmailDeliveryError('Provider 503 unavailable', { permanent: false, status: 503 });
    });
    const worker = createOutboxWorker({
      db: database().db,
      clock,
      transport,
      logger: silent,
      maxAttempts: 3,
      backoff: exponentialBackoff({ initialMs: 1_000, random: () => 0 }),
    });

    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = (await rowsOf(ids)).get(id)!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null, last_error: 'Provider 503 unavailable' });
    expect(Number(row.next_attempt_at)).toBe(clock.now().getTime() + 1_000);

    clock.advance(999);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    row = (await rowsOf(ids)).get(id)!;
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(Number(row.next_attempt_at)).toBe(clock.now().getTime() + 2_000);

    clock.advance(2_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    row = (await rowsOf(ids)).get(id)!;
    expect(row).toMatchObject({ status: 'failed', attempts: 3, locked_until: null, last_error: 'Provider 503 unavailable' });

    clock.advanceDays(2);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sends).toHaveLength(3);
  });

  it('fails a permanent rejection at once, without retrying', async () => {
    const { clock, ids } = await seed(1);
    const { transport, sends } = recordingTransport(() => {
      throw new EmailDeliveryError('Provider 422 validation_error: invalid recipient', { permanent: true, status: 422 });
    });
    const worker = createOutboxWorker({ db: database().db, clock, transport, logger: silent });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await rowsOf(ids)).get(ids[0]!)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'Provider 422 validation_error: invalid recipient' });
    clock.advanceDays(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sends).toHaveLength(1);
  });

  it('retries when a transport throws something other than EmailDeliveryError', async () => {
    const { clock, ids } = await seed(1);
    const { transport } = recordingTransport((_email, call) => {
      if (call === 1) throw new TypeError('socket hang up');
    });
    const worker = createOutboxWorker({ db: database().db, clock, transport, logger: silent, backoff: () => 5_000 });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await rowsOf(ids)).get(ids[0]!)).toMatchObject({ status: 'pending', last_error: 'TypeError: socket hang up' });
    clock.advance(5_000);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await rowsOf(ids)).get(ids[0]!)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('two workers on two connections racing over the same rows send each email exactly once', async () => {
    const { clock, ids } = await seed(30);
    const second = await openSecondConnection(database());
    try {
      const { transport, sends, countById } = recordingTransport(() => new Promise((resolve) => setTimeout(resolve, 2)));
      const workers = [database().db, second.db].map((db) => createOutboxWorker({ db, clock, transport, logger: silent, batchSize: 4 }));
      const sentBy = [0, 0];
      await Promise.all(
        workers.map(async (worker, index) => {
          for (;;) {
            const { sent, retried, failed } = await worker.runOnce();
            sentBy[index]! += sent;
            if (sent + retried + failed === 0) {
              // Nothing claimable: done once nothing is left pending or in flight.
              const left = await database().db.selectFrom('outbox_emails').select('id').where('id', 'in', ids).where('status', '!=', 'sent').execute();
              if (left.length === 0) return;
              await new Promise((resolve) => setTimeout(resolve, 1));
            }
          }
        }),
      );
      expect(sends).toHaveLength(30);
      expect([...countById().values()].every((n) => n === 1)).toBe(true);
      expect(new Set(countById().keys())).toEqual(new Set(ids));
      expect(sentBy[0]! + sentBy[1]!).toBe(30);
      for (const row of (await rowsOf(ids)).values()) expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await second.destroy();
    }
  });

  it('two workers claiming at the same instant never claim the same row', async () => {
    const { clock, ids } = await seed(12);
    const second = await openSecondConnection(database());
    try {
      const gate = deferred();
      const { transport, countById } = recordingTransport(() => gate.promise);
      const a = createOutboxWorker({ db: database().db, clock, transport, logger: silent, batchSize: 12 });
      const b = createOutboxWorker({ db: second.db, clock, transport, logger: silent, batchSize: 12 });
      const runs = [a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()];
      // Every claim has been made (rows are `sending`) before any send is allowed to finish.
      await vi.waitFor(async () => {
        const sending = await database().db.selectFrom('outbox_emails').select('id').where('id', 'in', ids).where('status', '=', 'sending').execute();
        expect(sending).toHaveLength(12);
      });
      gate.resolve();
      const results = await Promise.all(runs);
      expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
      expect([...countById().values()].every((n) => n === 1)).toBe(true);
      expect(countById().size).toBe(12);
    } finally {
      await second.destroy();
    }
  });

  it('recovers an email stuck in sending once its lease has expired', async () => {
    const { clock, ids } = await seed(1);
    const id = ids[0]!;
    // A worker claimed it and died: `sending`, one attempt used, leased for another minute.
    await database().db
      .updateTable('outbox_emails')
      .set({ status: 'sending', attempts: 1, locked_until: clock.now().getTime() + 60_000 })
      .where('id', '=', id)
      .execute();
    const { transport, sends } = recordingTransport();
    const worker = createOutboxWorker({ db: database().db, clock, transport, logger: silent });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(59_999);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sends).toHaveLength(0);
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sends.map((s) => s.id)).toEqual([id]);
    expect((await rowsOf(ids)).get(id)).toMatchObject({ status: 'sent', attempts: 2, locked_until: null });
  });

  it('fails an email whose last allowed attempt never finished', async () => {
    const { clock, ids } = await seed(1);
    await database().db
      .updateTable('outbox_emails')
      .set({ status: 'sending', attempts: 8, locked_until: clock.now().getTime() - 1 })
      .where('id', '=', ids[0]!)
      .execute();
    const { transport, sends } = recordingTransport();
    const worker = createOutboxWorker({ db: database().db, clock, transport, logger: silent, maxAttempts: 8 });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(sends).toHaveLength(0);
    const row = (await rowsOf(ids)).get(ids[0]!)!;
    expect(row).toMatchObject({ status: 'failed', attempts: 8, locked_until: null });
    expect(row.last_error).toMatch(/did not finish/);
  });

  it('a worker that lost its lease cannot overwrite what the next worker recorded', async () => {
    const { clock, ids } = await seed(1);
    const id = ids[0]!;
    const slow = deferred();
    const warnings: string[] = [];
    const first = createOutboxWorker({
      db: database().db,
      clock,
      leaseMs: 60_000,
      logger: { warn: (m) => warnings.push(m), error() {} },
      transport: { name: 'slow', send: () => slow.promise.then(() => ({ providerMessageId: 'slow' })) },
    });
    const second = createOutboxWorker({ db: database().db, clock, leaseMs: 60_000, logger: silent, transport: recordingTransport().transport });

    const stuck = first.runOnce();
    await vi.waitFor(async () => expect((await rowsOf(ids)).get(id)?.status).toBe('sending'));
    clock.advance(60_000);
    expect(await second.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    slow.reject(new EmailDeliveryError('timed out', { permanent: false }));
    await stuck;

    const row = (await rowsOf(ids)).get(id)!;
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(row.provider_message_id).toMatch(/^rec:/);
    expect(warnings.some((w) => /taken over/.test(w))).toBe(true);
  });

  it('runs its enrichers in order on each email as it is sent, and retries or fails as they throw', async () => {
    const { clock, ids } = await seed(3);
    const [plain, flaky, gone] = ids as [string, string, string];
    const { transport, sends } = recordingTransport();
    const seen: string[] = [];
    let flakyCalls = 0;
    const worker = createOutboxWorker({
      db: database().db,
      clock,
      transport,
      logger: silent,
      backoff: () => 1000,
      enrichers: [
        async (_db, _now, row, email) => {
          seen.push(`first:${row.id}`);
          if (row.id === flaky && ++flakyCalls === 1) throw new Error('not yet');
          if (row.id === gone) throw new EmailDeliveryError('its file is gone', { permanent: true });
          return { ...email, subject: `${email.subject} [1]` };
        },
        async (_db, _now, row, email) => (seen.push(`second:${row.id}`), { ...email, subject: `${email.subject} [2]` }),
      ],
    });
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 1, failed: 1 });
    expect(seen.filter((step) => step.endsWith(plain))).toEqual([`first:${plain}`, `second:${plain}`]);
    expect(seen).not.toContain(`second:${gone}`);
    clock.advance(1000);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sends.map((email) => email.subject).sort()).toEqual(['Message 0 [1] [2]', 'Message 1 [1] [2]']);
    expect((await rowsOf(ids)).get(gone)).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/its file is gone/) });
    // The stored email keeps what was queued: enrichers change only what goes out.
    expect((await rowsOf([plain])).get(plain)!.subject).toBe('Message 0');
  });

  it('start() keeps sending until stop(), which waits for the batch in flight', async () => {
    const { clock, ids } = await seed(2);
    const { transport, countById } = recordingTransport();
    const worker = createOutboxWorker({ db: database().db, clock, transport, logger: silent });
    worker.start(5);
    worker.start(5); // a second start is ignored
    await vi.waitFor(() => expect(countById().size).toBe(2));
    await worker.stop();
    const later = await seed(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(countById().has(later.ids[0]!)).toBe(false);
    for (const row of (await rowsOf(ids)).values()) expect(row.status).toBe('sent');
  });
});

describe('createOutboxWorker options', () => {
  it('refuses nonsense settings', () => {
    const transport = recordingTransport().transport;
    const db = {} as never;
    expect(() => createOutboxWorker({ db, transport, maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => createOutboxWorker({ db, transport, batchSize: 1.5 })).toThrow(/batchSize/);
  });
});
