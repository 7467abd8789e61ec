import { randomBytes } from 'node:crypto';
import { systemClock, type PorticoDatabase, type PorticoEvent } from '@portico/core';
import { describeEachDatabase, draftInput, startWebhookReceiver, type WebhookReceiver } from '@portico/core/testing';
import type { AdminEventListResponse, AdminWebhookDeliveryListResponse, ErrorBody, WebhookDeliveryDetailWire, WebhookEndpointWithSecretWire } from '@portico/wire';
import { afterEach, expect, it } from 'vitest';
import { createPortico, type PorticoOptions } from '../create-portico.js';
import { byStaffHeader, json } from '../testing/http-assertions.js';

const PORTAL_ORIGIN = 'https://billing.harborpine.test';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describeEachDatabase('events and webhooks over HTTP (/admin/events, /admin/webhooks) and portico.on', (database) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    // Workers serve the whole database: each test starts with no other test's work waiting.
    await database().db.deleteFrom('webhook_attempts').execute();
    await database().db.deleteFrom('webhook_deliveries').execute();
    await database().db.deleteFrom('event_hook_runs').execute();
  });

  /** A Portico on the real clock: the receiver's Standard Webhooks verifier refuses signatures five minutes off its own. */
  async function setup(db: PorticoDatabase, events: PorticoOptions['events'] = { allowPrivateWebhookUrls: true }) {
    const portico = await createPortico({ database: db, clock: systemClock, logger: quiet, encryptionKey: randomBytes(32).toString('base64'), authorizeAdmin: byStaffHeader, events });
    cleanups.push(() => portico.close());
    const business = await portico.api.businesses.create({ name: 'Harbor & Pine', portalUrl: `${PORTAL_ORIGIN}/portal` });
    const scope = portico.api.business(business.id);
    const client = await scope.clients.create({ name: 'Globex', contacts: [{ name: 'Ann', email: 'ann@globex.test' }] });
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const headers = { origin: PORTAL_ORIGIN, 'x-staff': `${business.id}/u1`, 'content-type': 'application/json' };
    const request = (path: string, init: RequestInit = {}) => portico.app.request(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
    const post = (path: string, body?: unknown) => request(path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const issueAndSend = async () => {
      const draft = await scope.invoices.create({ ...draftInput(client.id), issueDate: undefined, dueDate: undefined } as never);
      return json(await post(`/admin/invoices/${draft.id}/send`));
    };
    return { portico, business, scope, client, receiver, request, post, issueAndSend };
  }

  it('manages endpoints, delivers signed events, lists events, deliveries and their answers, and redelivers one', async () => {
    const t = await setup(database());
    const created = await json<WebhookEndpointWithSecretWire>(await t.post('/admin/webhooks', { url: t.receiver.url, eventTypes: ['invoice.sent'] }), 201);
    expect(created).toMatchObject({ url: t.receiver.url, eventTypes: ['invoice.sent'], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    t.receiver.secret = created.secret;
    const listed = await json<{ endpoints: unknown[] }>(await t.request('/admin/webhooks'));
    expect(listed.endpoints).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);

    const handled: PorticoEvent[] = [];
    t.portico.on('invoice.sent', (event) => {
      handled.push(event);
    });
    await t.issueAndSend();
    expect(await t.portico.events.runOnce()).toMatchObject({ delivered: 1, handled: 1 });
    expect(t.receiver.received).toHaveLength(1);
    expect(t.receiver.received[0]!.verified.ok).toBe(true);
    expect(handled.map((event) => event.id)).toEqual([t.receiver.received[0]!.id]);

    const events = await json<AdminEventListResponse>(await t.request('/admin/events?type=invoice.sent&from=2020-01-01'));
    expect(events.events.map((event) => event.id)).toEqual([handled[0]!.id]);
    expect((await json<AdminEventListResponse>(await t.request('/admin/events?type=ticket.created'))).events).toEqual([]);
    expect(await json(await t.request(`/admin/events/${handled[0]!.id}`))).toEqual(events.events[0]);
    expect((await json<ErrorBody>(await t.request('/admin/events?type=invoice.exploded'), 400)).error.field).toBe('type');
    expect((await json<ErrorBody>(await t.request('/admin/events?from=yesterday'), 400)).error.field).toBe('from');
    expect((await json<ErrorBody>(await t.request('/admin/events?limit=lots'), 400)).error.field).toBe('limit');

    const { deliveries } = await json<AdminWebhookDeliveryListResponse>(await t.request(`/admin/webhooks/deliveries?endpointId=${created.id}`));
    expect(deliveries).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 1, responseStatus: 204, eventId: handled[0]!.id })]);
    const detail = await json<WebhookDeliveryDetailWire>(await t.request(`/admin/webhooks/deliveries/${deliveries[0]!.id}`));
    expect(detail.attemptLog).toEqual([expect.objectContaining({ attempt: 1, responseStatus: 204, error: null, startedAt: expect.any(String) })]);
    await json(await t.post(`/admin/webhooks/deliveries/${deliveries[0]!.id}/redeliver`), 202);
    await t.portico.events.runOnce();
    expect(t.receiver.received.map((request) => request.id)).toEqual([handled[0]!.id, handled[0]!.id]);

    const rotated = await json<WebhookEndpointWithSecretWire>(await t.post(`/admin/webhooks/${created.id}/rotate-secret`));
    expect(rotated.secret).not.toBe(created.secret);
    expect(await json(await t.request(`/admin/webhooks/${created.id}`, { method: 'PATCH', body: JSON.stringify({ enabled: false }) }))).toMatchObject({ enabled: false });
    expect((await json<ErrorBody>(await t.request(`/admin/webhooks/${created.id}`, { method: 'PATCH', body: JSON.stringify({ eventTypes: ['nope'] }) }), 400)).error.field).toBe('eventTypes');

    // Another business sees none of it.
    const other = await t.portico.api.businesses.create({ name: 'Other', portalUrl: 'https://other.test/portal' });
    const theirs = { origin: 'https://other.test', 'x-staff': `${other.id}/u2` };
    expect((await json<ErrorBody>(await t.request(`/admin/webhooks/${created.id}`, { headers: theirs }), 404)).error.code).toBe('webhook_endpoint_not_found');
    expect((await json<ErrorBody>(await t.request(`/admin/webhooks/deliveries/${deliveries[0]!.id}`, { headers: theirs }), 404)).error.code).toBe('webhook_delivery_not_found');
    expect((await json<ErrorBody>(await t.request(`/admin/events/${handled[0]!.id}`, { headers: theirs }), 404)).error.code).toBe('event_not_found');
    expect((await json<AdminEventListResponse>(await t.request('/admin/events', { headers: theirs }))).events).toEqual([]);

    expect((await t.request(`/admin/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await json<{ endpoints: unknown[] }>(await t.request('/admin/webhooks'))).endpoints).toEqual([]);
  });

  it('refuses a private or plain-http URL in production, with a 400 that changes nothing', async () => {
    const t = await setup(database(), {});
    for (const url of [t.receiver.url, 'https://10.0.0.8/hooks', 'https://[::1]/hooks', 'https://localhost/hooks']) {
      const error = await json<ErrorBody>(await t.post('/admin/webhooks', { url, eventTypes: ['*'] }), 400);
      expect(error.error).toMatchObject({ code: 'webhook_url_not_allowed', field: 'url' });
    }
    expect((await json<{ endpoints: unknown[] }>(await t.request('/admin/webhooks'))).endpoints).toEqual([]);
  });

  it('runs the event worker itself with events.worker, and stops it on close', async () => {
    const t = await setup(database(), { allowPrivateWebhookUrls: true, worker: true, intervalMs: 20 });
    const endpoint = await t.scope.webhooks.create({ url: t.receiver.url, eventTypes: ['*'] });
    t.receiver.secret = endpoint.secret;
    const seen = new Promise<PorticoEvent>((resolve) => t.portico.on('invoice.sent', resolve));
    await t.issueAndSend();
    const event = await seen;
    await expect.poll(() => t.receiver.received.map((request) => request.id), { timeout: 5_000 }).toEqual([event.id]);
    expect(t.receiver.received[0]!.verified.ok).toBe(true);
    await t.portico.close();
    await t.issueAndSend().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.receiver.received).toHaveLength(1);
  });
});
