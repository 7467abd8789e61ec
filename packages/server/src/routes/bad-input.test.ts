import { countRows, describeEachDatabase, type CountedTable } from '@portico/core/testing';
import { expect, it } from 'vitest';
import { issuedInvoice, signInAs } from '../testing/client-sign-in.js';
import { byStaffHeader } from '../testing/http-assertions.js';
import { createPortalHarness, PORTAL_ORIGIN, type PortalHarness } from '../testing/portal-harness.js';

/**
 * Every route that takes input, sent input no form of ours would send: each
 * answer is a 4xx with a JSON error code and a message, never a 5xx, and
 * nothing is written.
 */

/** Bodies that are not what any route expects: not JSON, JSON of the wrong kind, wrong types, too long. */
const badBodies = [
  '',
  'not json',
  '{"subject":',
  '[]',
  'null',
  '42',
  '"a string"',
  JSON.stringify({ subject: 123, message: ['a'], body: { nested: true }, email: 7, ticketId: 9, returnUrl: 5, internal: 'yes' }),
  JSON.stringify({ subject: 'x'.repeat(100_000), message: 'y'.repeat(1_000_000), body: 'z'.repeat(1_000_000), email: `${'a'.repeat(10_000)}@x.test` }),
  JSON.stringify({ subject: ['Hi'], message: { text: 'Hi' }, invoiceId: { $ne: null }, body: ['Hi'], ticketId: ['t'], email: ['ann@globex.test'], returnUrl: 'javascript:alert(1)' }),
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
  // U+0000, which Postgres can't store in text: refused up front, not a database error.
  JSON.stringify({ subject: 'Hi\u0000', message: 'Hi\u0000', body: 'Hi\u0000', email: 'ann\u0000@globex.test', token: 'a\u0000' }),
];

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
  const h = await createPortalHarness(database, { settings: { inboundDomain: 'reply.harborpine.test' } }, { authorizeAdmin: byStaffHeader });
  const ann = await signInAs(h, h.client.id, 'ann@globex.test');
  const opened = await ann.post('/tickets', { subject: 'Existing', message: 'A ticket to post to.' });
  const { ticket } = (await opened.json()) as { ticket: { id: string } };
  const invoice = await issuedInvoice(h.scope, h.client.id, 50_00);
  return { h, ann, ticketId: ticket.id, invoiceId: invoice.id };
}

function staffPost(h: PortalHarness, path: string, body: string) {
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
    const { h, ann, ticketId, invoiceId } = await desk(database());
    const before = await countRows(database().db, written);
    for (const body of badBodies) {
      const label = body.slice(0, 40);
      await expectRefused(await ann.post('/tickets', body), `POST /api/tickets ${label}`);
      await expectRefused(await ann.post(`/tickets/${ticketId}/messages`, body), `POST /api/tickets/:id/messages ${label}`);
      await expectRefused(await ann.post(`/invoices/${invoiceId}/checkout`, body), `POST /api/invoices/:id/checkout ${label}`);
      await expectRefused(await staffPost(h, `/tickets/${ticketId}/messages`, body), `POST /admin/tickets/:id/messages ${label}`);
      await expectRefused(await staffPost(h, '/inbound/inb_missing/accept', body), `POST /admin/inbound/:id/accept ${label}`);
      await expectRefused(await jsonPost(h, `/auth/sessions/${h.business.slug}`, body), `POST /auth/sessions ${label}`);
      await expectRefused(await jsonPost(h, `/auth/request-link/${h.business.slug}`, body), `POST /auth/request-link ${label}`);
    }
    expect(await countRows(database().db, written)).toEqual(before);
  }, 120_000);

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
