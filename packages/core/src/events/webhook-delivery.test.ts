import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createPorticoApi } from '../api.js';
import type { PorticoDatabase } from '../db/create-database.js';
// The bare worker: the full one would also record invoice.overdue, by its real clock, for these test invoices.
import { createEventWorker } from './event-worker.js';
import { createSecretBox } from '../shared/secret-box.js';
import { systemClock } from '../shared/clock.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';
import type { PorticoEvent } from './event-log.js';
import { isPublicAddress, publicOnlyLookup } from './webhook-urls.js';

const encryptionKey = randomBytes(32).toString('base64');
const quiet = { warn: () => {}, error: () => {} };

describeEachDatabase('webhook delivery', (database) => {
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
    // Workers serve the whole database: each test starts with no other test's deliveries waiting.
    await database().db.deleteFrom('webhook_attempts').execute();
    await database().db.deleteFrom('webhook_deliveries').execute();
  });

  async function setup(db: PorticoDatabase, { allowPrivateWebhookUrls = true } = {}) {
    const seeded = await seedBusiness(db);
    const api = createPorticoApi({ db: db.db, clock: seeded.clock, encryptionKey, allowPrivateWebhookUrls });
    const scope = api.business(seeded.business.id);
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    // Real time for the worker: the receiver's verifier refuses signatures more than five minutes from its own clock.
    const worker = (options: { batchSize?: number; allowPrivate?: boolean; timeoutMs?: number } = {}) =>
      createEventWorker({
        db: db.db,
        clock: systemClock,
        secrets: createSecretBox(encryptionKey),
        urlPolicy: { allowPrivate: options.allowPrivate ?? allowPrivateWebhookUrls },
        backoff: () => 0,
        logger: quiet,
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
    const sendInvoices = async (count: number) => {
      for (let i = 0; i < count; i += 1) await scope.invoices.send((await scope.invoices.create(draftInput(seeded.client.id))).id);
    };
    return { ...seeded, api, scope, receiver, worker, sendInvoices };
  }

  it('gets every event to a receiver that was down for a while, once it is back, each signed so the standardwebhooks verifier accepts it', async () => {
    const t = await setup(database());
    const endpoint = await t.scope.webhooks.create({ url: t.receiver.url, eventTypes: ['*'], description: 'Accounting' });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    t.receiver.secret = endpoint.secret;
    await t.sendInvoices(2);
    const paid = (await t.scope.invoices.list())[0]!;
    await t.scope.payments.record({ invoiceId: paid.id, amount: paid.total });
    const events = (await t.scope.events.list()).events;
    expect(events.map((event) => event.type)).toEqual(['invoice.sent', 'invoice.sent', 'invoice.paid']);

    const worker = t.worker();
    await t.receiver.goDown();
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 3 });
    await t.receiver.comeBack();
    t.receiver.status = 503;
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 3 });
    t.receiver.status = 200;
    expect(await worker.runOnce()).toMatchObject({ delivered: 3, retried: 0 });
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 0, failed: 0 });

    // Down: nothing arrived; 503: three requests; back: three more, one per event, each verified.
    expect(t.receiver.received).toHaveLength(6);
    const accepted = t.receiver.received.slice(3);
    expect(accepted.map((request) => request.id).sort()).toEqual(events.map((event) => event.id).sort());
    for (const request of t.receiver.received) {
      expect(request.verified).toEqual({ ok: true, payload: JSON.parse(request.body) });
      const payload = JSON.parse(request.body) as PorticoEvent;
      expect(payload.id).toBe(request.headers['webhook-id']);
      expect(payload).toEqual(events.find((event) => event.id === payload.id));
    }
    // Another secret does not verify them.
    const forged = new Webhook(`whsec_${randomBytes(32).toString('base64')}`);
    expect(() => forged.verify(accepted[0]!.body, accepted[0]!.headers as Record<string, string>)).toThrow();

    const deliveries = await t.scope.webhooks.deliveries.list({ endpointId: endpoint.id });
    expect(deliveries).toHaveLength(3);
    expect(deliveries.every((delivery) => delivery.status === 'succeeded' && delivery.attempts === 3 && delivery.responseStatus === 200)).toBe(true);
    const detail = await t.scope.webhooks.deliveries.get(deliveries[0]!.id);
    expect(detail.attemptLog.map(({ attempt, responseStatus, responseBody }) => ({ attempt, responseStatus, responseBody }))).toEqual([
      { attempt: 1, responseStatus: null, responseBody: null },
      { attempt: 2, responseStatus: 503, responseBody: 'answer 503' },
      { attempt: 3, responseStatus: 200, responseBody: '' },
    ]);
    expect(detail.attemptLog[0]!.error).toMatch(/ECONNREFUSED/);
    expect(detail.attemptLog[1]!.error).toBe('The endpoint answered 503.');
  });

  it('counts a receiver that never answers as a failed attempt, and keeps only the start of a long answer', async () => {
    const t = await setup(database());
    const endpoint = await t.scope.webhooks.create({ url: t.receiver.url, eventTypes: ['*'] });
    t.receiver.secret = endpoint.secret;
    await t.sendInvoices(1);
    t.receiver.hang = true;
    const started = Date.now();
    expect(await t.worker({ timeoutMs: 300 }).runOnce()).toMatchObject({ delivered: 0, retried: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    t.receiver.hang = false;
    t.receiver.status = 500;
    t.receiver.answerBody = 'x'.repeat(100_000);
    await t.worker().runOnce();
    const [delivery] = await t.scope.webhooks.deliveries.list({ endpointId: endpoint.id });
    const { attemptLog } = await t.scope.webhooks.deliveries.get(delivery!.id);
    expect(attemptLog.map((attempt) => [attempt.error, attempt.responseStatus, attempt.responseBody?.length ?? null])).toEqual([
      ['No answer within 300 ms.', null, null],
      ['The endpoint answered 500.', 500, 4096],
    ]);
  });

  it('redelivers one delivery with the same event id, keeping the first one’s history', async () => {
    const t = await setup(database());
    const endpoint = await t.scope.webhooks.create({ url: t.receiver.url, eventTypes: ['invoice.sent'] });
    t.receiver.secret = endpoint.secret;
    await t.sendInvoices(1);
    await t.worker().runOnce();
    const [first] = await t.scope.webhooks.deliveries.list();
    const again = await t.scope.webhooks.deliveries.redeliver(first!.id);
    expect(again).toMatchObject({ status: 'pending', eventId: first!.eventId, endpointId: endpoint.id, attempts: 0 });
    expect(await t.worker().runOnce()).toMatchObject({ delivered: 1 });
    expect(t.receiver.received.map((request) => request.id)).toEqual([first!.eventId, first!.eventId]);
    expect(t.receiver.received.every((request) => request.verified.ok)).toBe(true);
    expect((await t.scope.webhooks.deliveries.list()).map((delivery) => [delivery.id, delivery.status])).toEqual([
      [again.id, 'succeeded'],
      [first!.id, 'succeeded'],
    ]);
    await expectPorticoError(t.scope.webhooks.deliveries.redeliver('whd_nope'), 'webhook_delivery_not_found');
    await t.scope.webhooks.update(endpoint.id, { enabled: false });
    await expectPorticoError(t.scope.webhooks.deliveries.redeliver(first!.id), 'invalid_status_transition');
  });

  it('sends each endpoint only the types it asked for, signed with its own secret, rotated at will', async () => {
    const t = await setup(database());
    const other = await startWebhookReceiver();
    receivers.push(other);
    const sentOnly = await t.scope.webhooks.create({ url: t.receiver.url, eventTypes: ['invoice.sent'] });
    const paidOnly = await t.scope.webhooks.create({ url: other.url, eventTypes: ['invoice.paid', 'invoice.paid'] });
    expect(paidOnly.eventTypes).toEqual(['invoice.paid']);
    t.receiver.secret = sentOnly.secret;
    other.secret = paidOnly.secret;
    await t.sendInvoices(1);
    const invoice = (await t.scope.invoices.list())[0]!;
    await t.scope.payments.record({ invoiceId: invoice.id, amount: invoice.total });
    await t.worker().runOnce();
    expect(t.receiver.received.map((request) => (JSON.parse(request.body) as PorticoEvent).type)).toEqual(['invoice.sent']);
    expect(other.received.map((request) => (JSON.parse(request.body) as PorticoEvent).type)).toEqual(['invoice.paid']);
    expect([...t.receiver.received, ...other.received].every((request) => request.verified.ok)).toBe(true);

    const rotated = await t.scope.webhooks.rotateSecret(sentOnly.id);
    expect(rotated.secret).not.toBe(sentOnly.secret);
    await t.sendInvoices(1);
    await t.worker().runOnce();
    expect(t.receiver.received.at(-1)!.verified.ok).toBe(false);
    t.receiver.secret = rotated.secret;
    const last = t.receiver.received.at(-1)!;
    expect(() => new Webhook(rotated.secret).verify(last.body, last.headers as Record<string, string>)).not.toThrow();

    expect((await t.scope.webhooks.list()).map((endpoint) => endpoint.id)).toEqual([sentOnly.id, paidOnly.id]);
    expect(await t.scope.webhooks.get(sentOnly.id)).not.toHaveProperty('secret');
    await t.scope.webhooks.remove(paidOnly.id);
    expect((await t.scope.webhooks.list()).map((endpoint) => endpoint.id)).toEqual([sentOnly.id]);
    expect(await t.scope.webhooks.deliveries.list({ endpointId: paidOnly.id })).toEqual([]);
  });

  it('never lets two workers deliver one attempt twice', async () => {
    const t = await setup(database());
    const endpoint = await t.scope.webhooks.create({ url: t.receiver.url, eventTypes: ['*'] });
    t.receiver.secret = endpoint.secret;
    await t.sendInvoices(12);
    const a = t.worker({ batchSize: 3 });
    const b = t.worker({ batchSize: 3 });
    const drain = async (worker: ReturnType<typeof t.worker>) => {
      let delivered = 0;
      for (;;) {
        const result = await worker.runOnce();
        delivered += result.delivered;
        if (result.delivered + result.retried === 0) return delivered;
      }
    };
    const [byA, byB] = await Promise.all([drain(a), drain(b)]);
    expect(byA + byB).toBe(12);
    const ids = t.receiver.received.map((request) => request.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect((await countRows(database().db, ['webhook_attempts'])).webhook_attempts).toBeGreaterThanOrEqual(12);
    const attempts = await database().db.selectFrom('webhook_attempts').select('delivery_id').where('business_id', '=', t.business.id).execute();
    expect(attempts).toHaveLength(12);
  });

  it('refuses private-range and plain-http URLs unless development allows them, and checks the address a delivery connects to', async () => {
    const t = await setup(database(), { allowPrivateWebhookUrls: false });
    const before = await countRows(database().db, ['webhook_endpoints']);
    for (const url of [
      t.receiver.url,
      'https://127.0.0.1/hooks',
      'https://10.1.2.3/hooks',
      'https://172.20.0.1/hooks',
      'https://192.168.1.10/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/hooks',
      'https://[::1]/hooks',
      'https://[fd00::1]/hooks',
      'https://[::ffff:10.0.0.1]/hooks',
      'https://localhost/hooks',
      'https://intranet/hooks',
      'https://user:pass@hooks.example.com/',
      'ftp://hooks.example.com/',
      'not a url',
    ]) {
      await expectPorticoError(t.scope.webhooks.create({ url, eventTypes: ['*'] }), 'webhook_url_not_allowed');
    }
    await expectPorticoError(t.scope.webhooks.create({ url: 'https://hooks.example.com/p', eventTypes: ['invoice.exploded'] }), 'invalid_input');
    await expectPorticoError(t.scope.webhooks.create({ url: 'https://hooks.example.com/p', eventTypes: [] }), 'invalid_input');
    expect(await countRows(database().db, ['webhook_endpoints'])).toEqual(before);
    const endpoint = await t.scope.webhooks.create({ url: 'https://hooks.example.com/portico', eventTypes: ['*'] });
    await expectPorticoError(t.scope.webhooks.update(endpoint.id, { url: 'https://10.0.0.7/x' }), 'webhook_url_not_allowed');

    // A name that resolves to a private address (DNS re-pointed after the check) is refused when connecting.
    await database().db.updateTable('webhook_endpoints').set({ url: `https://localhost:${t.receiver.port}/hooks` }).where('id', '=', endpoint.id).execute();
    await t.sendInvoices(1);
    expect(await t.worker({ allowPrivate: false }).runOnce()).toMatchObject({ delivered: 0, retried: 1 });
    expect(t.receiver.received).toEqual([]);
    const [delivery] = await t.scope.webhooks.deliveries.list({ endpointId: endpoint.id });
    expect(delivery!.lastError).toMatch(/private or reserved address/);
  });

  it('keeps each business to its own endpoints and deliveries, and needs the encryption key', async () => {
    const t = await setup(database());
    const endpoint = await t.scope.webhooks.create({ url: t.receiver.url, eventTypes: ['*'] });
    await t.sendInvoices(1);
    const [delivery] = await t.scope.webhooks.deliveries.list();
    const other = await t.api.businesses.create({ name: 'Other', portalUrl: 'https://other.test/portal' });
    const elsewhere = t.api.business(other.id);
    await expectPorticoError(elsewhere.webhooks.get(endpoint.id), 'webhook_endpoint_not_found');
    await expectPorticoError(elsewhere.webhooks.update(endpoint.id, { enabled: false }), 'webhook_endpoint_not_found');
    await expectPorticoError(elsewhere.webhooks.remove(endpoint.id), 'webhook_endpoint_not_found');
    await expectPorticoError(elsewhere.webhooks.rotateSecret(endpoint.id), 'webhook_endpoint_not_found');
    await expectPorticoError(elsewhere.webhooks.deliveries.get(delivery!.id), 'webhook_delivery_not_found');
    await expectPorticoError(elsewhere.webhooks.deliveries.redeliver(delivery!.id), 'webhook_delivery_not_found');
    expect(await elsewhere.webhooks.deliveries.list()).toEqual([]);
    expect(await elsewhere.webhooks.list()).toEqual([]);

    const keyless = createPorticoApi({ db: database().db, clock: t.clock }).business(t.business.id);
    await expectPorticoError(keyless.webhooks.create({ url: 'https://hooks.example.com/p', eventTypes: ['*'] }), 'invalid_input');
  });
});

describe('webhook address checks', () => {
  it('tells public addresses from private, loopback, link-local, shared, reserved and mapped ones', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPublicAddress(address), address).toBe(true);
    for (const address of ['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.100.100.100', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:a00:1', '64:ff9b::a00:1', 'nonsense']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('refuses to connect to a name that resolves to a private address', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicOnlyLookup('localhost', {}, (failure) => resolve(failure)));
    expect(error?.code).toBe('EPRIVATEADDRESS');
  });
});
