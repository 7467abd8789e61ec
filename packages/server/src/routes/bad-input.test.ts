import { randomBytes } from 'node:crypto';
import { buildTestEmail, countRows, describeEachDatabase, FakeStripe, type CountedTable } from '@portico/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issuedInvoice, signInAs } from '../testing/client-sign-in.js';
import { MAX_JSON_BODY_BYTES, MAX_STRIPE_EVENT_BYTES } from '../http/body-limit.js';
import { byStaffHeader } from '../testing/http-assertions.js';
import { createPortalHarness, PORTAL_ORIGIN, type PortalHarness } from '../testing/portal-harness.js';

/**
 * Every route that takes input, sent input no form of ours would send: each
 * answer is a 4xx with a JSON error code and a message, never a 5xx, and
 * nothing is written.
 */

/** Bodies that are no JSON object at all: refused by every route that reads one. */
const notObjects = ['not json', '{"subject":', '[]', 'null', '42', '"a string"'];
/** An object of nothing but prototype keys: a route whose fields are required refuses it, and no object anywhere gains `admin`. */
const pollution = '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}';
const body = (fields: Record<string, unknown>) => JSON.stringify(fields);
const long = (n: number) => 'x'.repeat(n);

/** Per route: its fields with the wrong type, too long, or holding U+0000 (which Postgres can't store). */
const badFields = {
  openTicket: [
    body({ subject: 123, message: 'Hi' }),
    body({ subject: 'Hi', message: ['a'] }),
    body({ subject: long(100_000), message: 'Hi' }),
    body({ subject: 'Hi', message: long(1_000_000) }),
    body({ subject: 'Hi', message: 'Hi', invoiceId: { $ne: null } }),
    body({ subject: 'Hi\u0000', message: 'Hi' }),
  ],
  message: [body({}), body({ message: 123 }), body({ message: { text: 'Hi' } }), body({ message: long(1_000_000) }), body({ message: 'Hi\u0000' })],
  adminMessage: [body({ message: ['Hi'] }), body({ message: 'Hi', internal: 'yes' }), body({ message: 'Hi\u0000' })],
  checkout: [body({ returnUrl: 5 }), body({ returnUrl: 'javascript:alert(1)' }), body({ returnUrl: 'https://evil.test/' }), body({ returnUrl: '' }), body({ returnUrl: ['https://billing.harborpine.test/'] })],
  accept: [body({ ticketId: 9 }), body({ ticketId: ['tkt_1'] }), body({ ticketId: 'tkt_\u0000' })],
  token: [body({}), body({ token: 123 }), body({ token: ['a'] }), body({ token: 'a\u0000' })],
  email: [body({ email: 7 }), body({ email: ['ann@globex.test'] }), body({ email: 'ann\u0000@globex.test' }), body({ email: `${long(10_000)}@x.test` })],
};

const DOMAIN = 'reply.harborpine.test';
const encryptionKey = randomBytes(32).toString('base64');
let stripe: FakeStripe;

beforeAll(async () => {
  stripe = await new FakeStripe().start();
});
afterAll(async () => {
  await stripe.stop();
});

/** Ids and query strings no widget would build. */
const badIds = ['%00', 'x'.repeat(5_000), '..%2F..%2Fetc%2Fpasswd', '%E2%80%AE', "1' or '1'='1"];
const badListQueries = [
  'limit=-1',
  'limit=1e9',
  'limit=abc',
  'sort=__proto__',
  'order=sideways',
  'cursor=%FF%FE',
  'cursor=eyJub3QiOiJvdXJzIn0',
  'from=2026-02-30',
  'to=yesterday',
  'status=paid,bogus',
  `q=${'q'.repeat(201)}`,
  'q=%00',
];
const badTicketQueries = ['status=lost', 'status=open,bogus', 'unread=maybe', 'unread=2'];

/** Everything a request could write. */
const written: CountedTable[] = [
  'tickets',
  'ticket_messages',
  'ticket_attachments',
  'outbox_emails',
  'invoices',
  'payments',
  'magic_link_tokens',
  'sessions',
  'inbound_emails',
  'webhook_events',
  'audit_log',
];

/** A 4xx with a JSON error code and message; or, for the sign-in link's page, a 4xx page. */
async function expectRefused(response: Response, what: string, { page = false } = {}): Promise<void> {
  const text = await response.text();
  expect(response.status, `${what}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (page) {
    expect(response.headers.get('content-type'), what).toMatch(/^text\/html/);
    return;
  }
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, what).toBe('string');
  expect(String(body.error?.message ?? '').length, what).toBeGreaterThan(10);
}

async function desk(database: Parameters<typeof createPortalHarness>[0]) {
  const h = await createPortalHarness(database, { settings: { inboundDomain: DOMAIN } }, { authorizeAdmin: byStaffHeader, encryptionKey, stripeConnection: stripe.connection });
  await h.portico.api.business(h.business.id).stripe.configure({ secretKey: 'sk_test_badinput', publishableKey: 'pk_test_badinput', webhookSecret: 'whsec_badinput0123' });
  const ann = await signInAs(h, h.client.id, 'ann@globex.test');
  const opened = await ann.post('/tickets', { subject: 'Existing', message: 'A ticket to post to.' });
  const { ticket } = (await opened.json()) as { ticket: { id: string } };
  const invoice = await issuedInvoice(h.scope, h.client.id, 50_00);
  // Mail from a stranger is held for a person: something to accept.
  const held = await h.scope.inbound.receive(buildTestEmail({ from: 'stranger@elsewhere.test', to: `support@${DOMAIN}`, subject: 'Hello', text: 'Who reads this?' }), { source: 'raw' });
  return { h, ann, ticketId: ticket.id, invoiceId: invoice.id, heldId: held.id };
}

function staffPost(h: PortalHarness, path: string, body: string | Uint8Array) {
  return h.request(`/admin${path}`, {
    method: 'POST',
    headers: { 'x-staff': `${h.business.id}/u7`, origin: PORTAL_ORIGIN, 'content-type': 'application/json' },
    body,
  });
}

function staffGet(h: PortalHarness, path: string) {
  return h.request(`/admin${path}`, { headers: { 'x-staff': `${h.business.id}/u7` } });
}

function jsonPost(h: PortalHarness, path: string, body: string) {
  return h.request(path, { method: 'POST', headers: { origin: PORTAL_ORIGIN, 'content-type': 'application/json' }, body });
}

describeEachDatabase('bad input on every route', (database) => {
  it('bodies of the wrong shape: a 4xx with a code, and nothing written', async () => {
    const { h, ann, ticketId, invoiceId, heldId } = await desk(database());
    const before = await countRows(database().db, written);
    const routes: Array<[string, (body: string) => Promise<Response>, string[]]> = [
      ['POST /api/tickets', (b) => ann.post('/tickets', b), ['', pollution, ...notObjects, ...badFields.openTicket]],
      ['POST /api/tickets/:id/messages', (b) => ann.post(`/tickets/${ticketId}/messages`, b), ['', pollution, ...notObjects, ...badFields.message]],
      // The body is optional here: none at all asks for a checkout.
      ['POST /api/invoices/:id/checkout', (b) => ann.post(`/invoices/${invoiceId}/checkout`, b), [...notObjects, ...badFields.checkout]],
      ['POST /admin/tickets/:id/messages', (b) => staffPost(h, `/tickets/${ticketId}/messages`, b), ['', pollution, ...notObjects, ...badFields.message, ...badFields.adminMessage]],
      ['POST /admin/inbound/:id/accept', (b) => staffPost(h, `/inbound/${heldId}/accept`, b), [...notObjects, ...badFields.accept]],
      ['POST /auth/sessions', (b) => jsonPost(h, `/auth/sessions/${h.business.slug}`, b), ['', pollution, ...notObjects, ...badFields.token]],
      ['POST /auth/request-link', (b) => jsonPost(h, `/auth/request-link/${h.business.slug}`, b), ['', pollution, ...notObjects, ...badFields.email]],
    ];
    for (const [route, send, bodies] of routes) {
      for (const bad of bodies) await expectRefused(await send(bad), `${route} ${bad.slice(0, 60)}`);
    }
    expect(await countRows(database().db, written)).toEqual(before);
    expect(stripe.requests.filter((r) => r.method === 'POST'), 'no checkout asked of Stripe').toEqual([]);
    expect(({} as { admin?: unknown }).admin).toBeUndefined();
  }, 120_000);

  it('text that is not text: bytes that are not UTF-8 and lone surrogates are invalid_encoding, and nothing written', async () => {
    const { h, ann, ticketId } = await desk(database());
    const before = await countRows(database().db, written);
    const prefix = new TextEncoder().encode('{"subject":"Hi","message":"');
    const bytes = (...tail: number[]) => new Uint8Array([...prefix, ...tail, 0x22, 0x7d]);
    const bodies: Array<[string, string | Uint8Array]> = [
      ['C3 28 FF FE', bytes(0xc3, 0x28, 0xff, 0xfe)],
      ['an overlong slash', bytes(0xc0, 0xaf)],
      ['an encoded surrogate', bytes(0xed, 0xa0, 0x80)],
      ['a lone high surrogate', '{"subject":"Hi","message":"\\ud800"}'],
      ['a lone low surrogate in a key', '{"subject":"Hi","message":"Hi","\\udc00":1}'],
    ];
    for (const [what, bad] of bodies) {
      for (const [route, response] of [
        ['POST /api/tickets', await ann.post('/tickets', bad)],
        ['POST /api/tickets/:id/messages', await ann.post(`/tickets/${ticketId}/messages`, bad)],
        ['POST /admin/tickets/:id/messages', await staffPost(h, `/tickets/${ticketId}/messages`, bad)],
      ] as const) {
        expect(response.status, `${route}: ${what}`).toBe(400);
        expect(((await response.json()) as { error: { code: string } }).error.code, `${route}: ${what}`).toBe('invalid_encoding');
      }
    }
    expect(await countRows(database().db, written)).toEqual(before);
    // A surrogate pair is one character, and welcome.
    expect((await ann.post('/tickets', { subject: 'Thanks 😀', message: 'Grüße, ありがとう, شكرا' })).status).toBe(201);
  });

  it('a body over the limit: 413 before it is read whole, signed in or not, and nothing written', async () => {
    const { h, ann, ticketId } = await desk(database());
    const before = await countRows(database().db, written);
    const tooLarge = body({ message: long(MAX_JSON_BODY_BYTES) });
    const refusedAsTooLarge = async (response: Response, what: string) => {
      expect(response.status, what).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code, what).toBe('message_too_large');
    };
    await refusedAsTooLarge(await ann.post(`/tickets/${ticketId}/messages`, tooLarge), 'POST /api/tickets/:id/messages');
    await refusedAsTooLarge(await staffPost(h, `/tickets/${ticketId}/messages`, tooLarge), 'POST /admin/tickets/:id/messages');
    await refusedAsTooLarge(await jsonPost(h, `/auth/request-link/${h.business.slug}`, tooLarge), 'POST /auth/request-link');
    await refusedAsTooLarge(await jsonPost(h, `/auth/sessions/${h.business.slug}`, tooLarge), 'POST /auth/sessions');
    const event = long(MAX_STRIPE_EVENT_BYTES + 1);
    await refusedAsTooLarge(
      await h.request(`/webhooks/stripe/${h.business.slug}`, { method: 'POST', headers: { 'stripe-signature': 't=1,v1=0', 'content-type': 'application/json' }, body: event }),
      'POST /webhooks/stripe',
    );
    expect(await countRows(database().db, written)).toEqual(before);
  });

  it('ids and queries no widget would build: a 4xx with a code, and nothing written', async () => {
    const { h, ann } = await desk(database());
    const before = await countRows(database().db, written);
    for (const id of badIds) {
      await expectRefused(await ann.get(`/invoices/${id}`), `GET /api/invoices/${id.slice(0, 20)}`);
      await expectRefused(await ann.get(`/invoices/${id}/pdf`), `GET /api/invoices/:id/pdf ${id.slice(0, 20)}`);
      await expectRefused(await ann.get(`/tickets/${id}`), `GET /api/tickets/${id.slice(0, 20)}`);
      await expectRefused(await ann.get(`/tickets/${id}/attachments/${id}`), `GET /api/tickets/:id/attachments ${id.slice(0, 20)}`);
      await expectRefused(await ann.post(`/tickets/${id}/messages`, { body: 'Hello' }), `POST /api/tickets/:id/messages ${id.slice(0, 20)}`);
      await expectRefused(await ann.post(`/invoices/${id}/checkout`, {}), `POST /api/invoices/:id/checkout ${id.slice(0, 20)}`);
      await expectRefused(await ann.get(`/checkout/${id}`), `GET /api/checkout/${id.slice(0, 20)}`);
      await expectRefused(await staffGet(h, `/tickets/${id}`), `GET /admin/tickets/${id.slice(0, 20)}`);
      await expectRefused(await staffPost(h, `/tickets/${id}/close`, ''), `POST /admin/tickets/:id/close ${id.slice(0, 20)}`);
      await expectRefused(await staffPost(h, `/invoices/${id}/send`, ''), `POST /admin/invoices/:id/send ${id.slice(0, 20)}`);
      await expectRefused(await staffPost(h, `/inbound/${id}/discard`, ''), `POST /admin/inbound/:id/discard ${id.slice(0, 20)}`);
      await expectRefused(await jsonPost(h, `/auth/link/${h.business.slug}/${id}`, ''), `POST /auth/link ${id.slice(0, 20)}`, { page: true });
      await expectRefused(await h.request(`/auth/link/${h.business.slug}/${id}`), `GET /auth/link ${id.slice(0, 20)}`, { page: true });
    }
    for (const query of badListQueries) {
      await expectRefused(await ann.get(`/invoices?${query}`), `GET /api/invoices?${query.slice(0, 30)}`);
      // The ZIP takes the list's filters; paging and sorting mean nothing to it, and are ignored.
      if (/^(from|to|status|q)=/.test(query)) {
        await expectRefused(await ann.get(`/invoices/download.zip?${query}`), `GET /api/invoices/download.zip?${query.slice(0, 30)}`);
      }
      await expectRefused(await staffGet(h, `/invoices?${query}`), `GET /admin/invoices?${query.slice(0, 30)}`);
    }
    // The business's list also narrows by client (a client's own list is always its own).
    await expectRefused(await staffGet(h, '/invoices?clientId=%00'), 'GET /admin/invoices?clientId=%00');
    for (const query of badTicketQueries) {
      await expectRefused(await staffGet(h, `/tickets?${query}`), `GET /admin/tickets?${query}`);
    }
    expect(await countRows(database().db, written)).toEqual(before);
  }, 120_000);
});
