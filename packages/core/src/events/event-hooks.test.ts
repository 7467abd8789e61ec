import { afterEach, describe, expect, it } from 'vitest';
import { createEventWorker } from '../event-worker.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import { createEventHooks } from './event-hooks.js';
import type { PorticoEvent } from './event-log.js';

describeEachDatabase('in-process event hooks', (database) => {
  afterEach(async () => {
    // Workers serve the whole database: each test starts with no other test's hook runs waiting.
    await database().db.deleteFrom('event_hook_runs').execute();
  });

  async function setup() {
    const seeded = await seedBusiness(database());
    const hooks = createEventHooks();
    const logged: string[] = [];
    const worker = (options: { maxAttempts?: number } = {}) =>
      createEventWorker({
        db: database().db,
        clock: seeded.clock,
        hooks,
        backoff: () => 60_000,
        logger: { warn: (message) => logged.push(message), error: (message) => logged.push(message) },
        ...options,
      });
    const payInvoice = async () => {
      const { invoice } = await seeded.scope.invoices.send((await seeded.scope.invoices.create(draftInput(seeded.client.id))).id);
      await seeded.scope.payments.record({ invoiceId: invoice.id, amount: invoice.total });
      return invoice;
    };
    return { ...seeded, hooks, logged, worker, payInvoice };
  }

  it('runs each handler on each event after it committed, and runs a handler that threw again until it returns', async () => {
    const t = await setup();
    const everything: string[] = [];
    const paid: PorticoEvent[] = [];
    let failures = 1;
    t.hooks.on('*', (event) => {
      everything.push(event.type);
    });
    t.hooks.on('invoice.paid', async (event) => {
      paid.push(event);
      if (failures-- > 0) throw new Error('the CRM is down');
    });
    const invoice = await t.payInvoice();
    expect(everything).toEqual([]);

    const worker = t.worker();
    expect(await worker.runOnce()).toMatchObject({ handled: 1, retried: 1 });
    expect(everything).toEqual(['invoice.sent', 'invoice.paid']);
    expect(t.logged).toEqual(['An event handler threw; the event will be handled again.']);
    // Not due again before its backoff.
    expect(await worker.runOnce()).toMatchObject({ handled: 0, retried: 0 });
    t.clock.advance(60_000);
    expect(await worker.runOnce()).toMatchObject({ handled: 1, retried: 0 });
    expect(paid.map((event) => event.id)).toEqual([paid[0]!.id, paid[0]!.id]);
    expect(paid[1]).toMatchObject({ type: 'invoice.paid', businessId: t.business.id, data: { invoice: { id: invoice.id, status: 'paid' } } });
    t.clock.advance(3_600_000);
    expect(await worker.runOnce()).toMatchObject({ handled: 0, retried: 0, failed: 0 });
    expect(everything).toEqual(['invoice.sent', 'invoice.paid', 'invoice.paid']);
  });

  it('leaves events of types no handler here wants for a process that has one, and gives up on a handler that always throws', async () => {
    const t = await setup();
    const tickets: string[] = [];
    const stop = t.hooks.on('ticket.created', (event) => {
      tickets.push(event.type);
    });
    await t.payInvoice();
    await t.scope.tickets.open({ clientId: t.client.id, contactId: t.client.contacts[0]!.id, subject: 'Hi', message: 'Hello' });
    expect(await t.worker().runOnce()).toMatchObject({ handled: 1 });
    expect(tickets).toEqual(['ticket.created']);
    stop();

    // The invoice events waited; a handler registered now gets them.
    const late: string[] = [];
    t.hooks.on('invoice.sent', () => {
      throw new Error('always');
    });
    t.hooks.on('invoice.paid', (event) => {
      late.push(event.type);
    });
    const worker = t.worker({ maxAttempts: 2 });
    expect(await worker.runOnce()).toMatchObject({ handled: 1, retried: 1 });
    expect(late).toEqual(['invoice.paid']);
    t.clock.advance(60_000);
    expect(await worker.runOnce()).toMatchObject({ handled: 0, failed: 1 });
    expect(t.logged.at(-1)).toBe('An event handler failed 2 times; giving up on this event.');
    const runs = await database().db.selectFrom('event_hook_runs').select(['type', 'status', 'last_error']).where('business_id', '=', t.business.id).orderBy('id').execute();
    expect(runs).toEqual([
      { type: 'invoice.sent', status: 'failed', last_error: 'always' },
      { type: 'invoice.paid', status: 'succeeded', last_error: null },
      { type: 'ticket.created', status: 'succeeded', last_error: null },
    ]);
  });
});

describe('createEventHooks', () => {
  it('refuses an unknown type or a handler that is not a function', () => {
    const hooks = createEventHooks();
    expect(() => hooks.on('invoice.exploded' as never, () => {})).toThrow(TypeError);
    expect(() => hooks.on('invoice.paid', 'nope' as never)).toThrow(TypeError);
    expect(hooks.wantedTypes()).toEqual([]);
    const stop = hooks.on('invoice.paid', () => {});
    expect(hooks.wantedTypes()).toEqual(['invoice.paid']);
    stop();
    expect(hooks.wantedTypes()).toEqual([]);
    hooks.on('*', () => {});
    expect(hooks.wantedTypes()).toBeUndefined();
  });
});
