import { buildTestEmail, describeEachDatabase } from '@portico/core/testing';
import { expect, it } from 'vitest';
import { signInAs } from '../testing/client-sign-in.js';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { createPortalHarness, PORTAL_ORIGIN, type PortalHarness } from '../testing/portal-harness.js';
import type {
  AdminTicketListResponse,
  AdminTicketSummaryWire,
  AdminTicketThreadResponse,
  AdminUnreadCountResponse,
  ErrorBody,
  HeldInboundListResponse,
  InboundAcceptResponse,
  TicketListResponse,
  TicketMessageWire,
  TicketThreadResponse,
} from '@portico/wire';

const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% a receipt\n%%EOF\n');

async function desk(database: Parameters<typeof createPortalHarness>[0]) {
  const h = await createPortalHarness(database, { settings: { inboundDomain: 'reply.harborpine.test' } }, { authorizeAdmin: byStaffHeader });
  const ann = await signInAs(h, h.client.id, 'ann@globex.test');
  const staff = staffOf(h);
  return { h, ann, staff };
}

/** Requests to `/admin/*` as a member of the harness's business, from its own portal page. */
function staffOf(h: PortalHarness) {
  const headers = { 'x-staff': `${h.business.id}/u7`, origin: PORTAL_ORIGIN };
  return {
    get: (path: string) => h.request(`/admin${path}`, { headers }),
    post: (path: string, body?: unknown) =>
      h.request(`/admin${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

describeEachDatabase('support tickets over HTTP', (database) => {
  it('the client opens a ticket, lists it and reads the thread; the business sees it unread', async () => {
    const { h, ann, staff } = await desk(database());
    const opened = await json<TicketThreadResponse>(
      await ann.post('/tickets', { subject: 'Invoice question', message: 'Why is there a second line?', invoiceId: ann.signInInvoice.id }),
      201,
    );
    expect(opened.ticket).toMatchObject({ number: 1, subject: 'Invoice question', status: 'open', invoiceId: ann.signInInvoice.id, unread: false });
    expect(opened.ticket.invoiceNumber).toBe(ann.signInInvoice.number);
    expect(opened.messages).toEqual([
      expect.objectContaining({ authorKind: 'client', authorName: 'Ann Ledger', body: 'Why is there a second line?', internal: false, source: 'portal', attachments: [] }),
    ]);

    const list = await json<TicketListResponse>(await ann.get('/tickets'));
    expect(list.tickets.map((t) => t.id)).toEqual([opened.ticket.id]);
    expect(list.unreadCount).toBe(0);

    expect(await json<AdminUnreadCountResponse>(await staff.get('/tickets/unread-count'))).toEqual({ unread: 1, held: 0 });
    const inbox = await json<AdminTicketListResponse>(await staff.get('/tickets?status=open&unread=1'));
    expect(inbox.tickets.map((t) => [t.id, t.clientName, t.unread])).toEqual([[opened.ticket.id, 'Globex Corporation', true]]);
    const thread = await json<AdminTicketThreadResponse>(await staff.get(`/tickets/${opened.ticket.id}`));
    expect(thread.client).toEqual({ id: h.client.id, name: 'Globex Corporation', contacts: [{ name: 'Ann Ledger', email: 'ann@globex.test' }] });
    expect(await json<AdminUnreadCountResponse>(await staff.get('/tickets/unread-count'))).toEqual({ unread: 0, held: 0 });
  });

  it('the business replies (emailed, with a reply address) and notes internally (never shown, never emailed)', async () => {
    const { h, ann, staff } = await desk(database());
    const opened = await json<TicketThreadResponse>(await ann.post('/tickets', { subject: 'Refund?', message: 'Can I get a refund?' }), 201);

    const note = await json<TicketMessageWire>(await staff.post(`/tickets/${opened.ticket.id}/messages`, { message: 'Check with finance first.', internal: true }), 201);
    expect(note).toMatchObject({ internal: true, authorKind: 'business' });
    expect(await h.deliver()).toEqual([]);

    const reply = await json<TicketMessageWire>(await staff.post(`/tickets/${opened.ticket.id}/messages`, { message: 'Yes, it is on its way.' }), 201);
    expect(reply).toMatchObject({ internal: false, authorKind: 'business', authorName: 'Harbor & Pine Studio', source: 'admin' });
    const [email, ...more] = await h.deliver();
    expect(more).toEqual([]);
    expect(email).toMatchObject({ kind: 'ticket_reply', to: 'ann@globex.test' });
    expect(email!.subject).toContain('[#1]');
    expect(email!.replyTo).toMatch(/^reply\+[a-z2-7]+@reply\.harborpine\.test$/);
    expect(email!.text).toContain('Yes, it is on its way.');
    expect(email!.text).not.toContain('finance');

    const seen = await json<TicketThreadResponse>(await ann.get(`/tickets/${opened.ticket.id}`));
    expect(seen.ticket.status).toBe('pending');
    expect(seen.messages.map((m) => m.body)).toEqual(['Can I get a refund?', 'Yes, it is on its way.']);
    expect(JSON.stringify(seen)).not.toContain('finance');
    expect((await json<TicketListResponse>(await ann.get('/tickets'))).unreadCount).toBe(0);

    const answer = await json<TicketMessageWire>(await ann.post(`/tickets/${opened.ticket.id}/messages`, { message: 'Thanks!' }), 201);
    expect(answer).toMatchObject({ authorKind: 'client', body: 'Thanks!' });
    expect((await json<AdminTicketListResponse>(await staff.get('/tickets'))).tickets[0]).toMatchObject({ status: 'open', unread: true });
  });

  it('a reply whose email bounced says so on the business’s thread, never on the client’s', async () => {
    const { h, ann, staff } = await desk(database());
    const opened = await json<TicketThreadResponse>(await ann.post('/tickets', { subject: 'Refund?', message: 'Can I get a refund?' }), 201);
    const reply = await json<TicketMessageWire>(await staff.post(`/tickets/${opened.ticket.id}/messages`, { message: 'Yes.' }), 201);
    expect(reply.emailBounces).toEqual([]);
    await h.deliver();
    const sent = await database()
      .db.selectFrom('outbox_emails')
      .select(['id', 'provider_message_id'])
      .where('business_id', '=', h.business.id)
      .where('ticket_message_id', '=', reply.id)
      .executeTakeFirstOrThrow();
    h.clock.advance(60_000);
    const bounces = h.api.business(h.business.id, { actor: 'system:resend' }).emails;
    expect(await bounces.markBounced(sent.provider_message_id!, { status: '5.1.1', reason: 'Permanent: mailbox does not exist', via: 'resend' })).toMatchObject({ id: sent.id });

    const thread = await json<AdminTicketThreadResponse>(await staff.get(`/tickets/${opened.ticket.id}`));
    expect(thread.messages.map((m) => m.emailBounces)).toEqual([
      [],
      [{ to: 'ann@globex.test', bouncedAt: h.clock.now().toISOString(), status: '5.1.1', reason: 'Permanent: mailbox does not exist' }],
    ]);
    const seen = await json<TicketThreadResponse>(await ann.get(`/tickets/${opened.ticket.id}`));
    expect(seen.messages).toHaveLength(2);
    expect(seen.messages.every((m) => !('emailBounces' in m))).toBe(true);
  });

  it('an email reply shows the business what was stripped from it, never the client', async () => {
    const { h, ann, staff } = await desk(database());
    const opened = await json<TicketThreadResponse>(await ann.post('/tickets', { subject: 'Refund?', message: 'Can I get a refund?' }), 201);
    await staff.post(`/tickets/${opened.ticket.id}/messages`, { message: 'Yes, on its way.' });
    const [email] = await h.deliver();
    const text = 'Thanks!\n\nOn Tue, 10 Mar 2026 at 09:00, Harbor & Pine Studio <studio@harborpine.test> wrote:\n> Yes, on its way.';
    await h.scope.inbound.receive(buildTestEmail({ from: 'Ann Ledger <ann@globex.test>', to: email!.replyTo!, text }), { source: 'raw' });

    const thread = await json<AdminTicketThreadResponse>(await staff.get(`/tickets/${opened.ticket.id}`));
    expect(thread.messages.map((m) => [m.body, m.quotedText])).toEqual([
      ['Can I get a refund?', null],
      ['Yes, on its way.', null],
      ['Thanks!', 'On Tue, 10 Mar 2026 at 09:00, Harbor & Pine Studio <studio@harborpine.test> wrote:\n> Yes, on its way.'],
    ]);
    const seen = await json<TicketThreadResponse>(await ann.get(`/tickets/${opened.ticket.id}`));
    expect(seen.messages.at(-1)!.body).toBe('Thanks!');
    expect(JSON.stringify(seen)).not.toContain('quotedText');
  });

  it('close and reopen from the business side; a client message reopens a closed ticket', async () => {
    const { ann, staff } = await desk(database());
    const { ticket } = await json<TicketThreadResponse>(await ann.post('/tickets', { subject: 'Address change', message: 'New address: Main St 1' }), 201);
    expect((await json<AdminTicketSummaryWire>(await staff.post(`/tickets/${ticket.id}/close`))).status).toBe('closed');
    expect((await json<AdminTicketListResponse>(await staff.get('/tickets?status=closed'))).tickets.map((t) => t.id)).toEqual([ticket.id]);
    expect((await json<AdminTicketSummaryWire>(await staff.post(`/tickets/${ticket.id}/reopen`))).status).toBe('open');
    await staff.post(`/tickets/${ticket.id}/close`);
    await json(await ann.post(`/tickets/${ticket.id}/messages`, { message: 'One more thing.' }), 201);
    expect((await json<TicketThreadResponse>(await ann.get(`/tickets/${ticket.id}`))).ticket.status).toBe('open');
  });

  it('bad input is a clear 400 and writes nothing', async () => {
    const { h, ann, staff } = await desk(database());
    for (const body of ['not json', '[1,2]', { subject: '', message: 'x' }, { subject: 'Hi', message: '   ' }, { subject: 'a\nb', message: 'x' }, { subject: 'x'.repeat(201), message: 'x' }]) {
      const error = await json<ErrorBody>(await ann.post('/tickets', body), 400);
      expect(error.error.code).toBe('invalid_input');
    }
    expect((await json<ErrorBody>(await staff.get('/tickets?unread=maybe'), 400)).error.code).toBe('invalid_input');
    expect((await json<ErrorBody>(await staff.get('/tickets?status=lost'), 400)).error.code).toBe('invalid_input');
    expect((await h.scope.tickets.list()).tickets).toEqual([]);
  });

  it('client A cannot read, answer or download from client B’s ticket; a cross-site POST is refused', async () => {
    const { h, ann } = await desk(database());
    const initech = await h.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill Lumbergh', email: 'bill@initech.test' }] });
    const bill = await signInAs(h, initech.id, 'bill@initech.test');
    const billsTicket = await h.scope.tickets.open({
      clientId: initech.id,
      subject: 'Receipt',
      message: 'See the attached receipt.',
      source: 'api',
      attachments: [{ filename: 'receipt.pdf', contentType: 'application/pdf', content: pdfBytes }],
    });
    const file = billsTicket.messages[0]!.attachments[0]!;

    const own = await bill.get(`/tickets/${billsTicket.ticket.id}/attachments/${file.id}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain('attachment; filename="receipt.pdf"');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(pdfBytes);

    for (const response of [
      await ann.get(`/tickets/${billsTicket.ticket.id}`),
      await ann.get(`/tickets/${billsTicket.ticket.id}/attachments/${file.id}`),
      await ann.post(`/tickets/${billsTicket.ticket.id}/messages`, { message: 'Hi Bill' }),
    ]) {
      const text = await response.text();
      expect(response.status, text).toBe(404);
      expect(text).not.toContain('receipt');
    }
    expect((await json<TicketListResponse>(await ann.get('/tickets'))).tickets).toEqual([]);

    const crossSite = await ann.post('/tickets', { subject: 'Hi', message: 'From elsewhere' }, { origin: 'https://evil.test' });
    expect(crossSite.status).toBe(403);
    expect((await h.scope.tickets.list()).tickets.map((t) => t.clientName)).toEqual(['Initech']);
    expect((await h.scope.tickets.get(billsTicket.ticket.id)).messages).toHaveLength(1);
  });

  it('another business’s staff cannot see or answer the ticket', async () => {
    const { ann } = await desk(database());
    const other = await createPortalHarness(database(), { slug: 'other-studio' }, { authorizeAdmin: byStaffHeader });
    const { ticket } = await json<TicketThreadResponse>(await ann.post('/tickets', { subject: 'Private', message: 'Only for Harbor & Pine' }), 201);
    const stranger = staffOf(other);
    expect((await json<AdminTicketListResponse>(await stranger.get('/tickets'))).tickets).toEqual([]);
    expect((await stranger.get(`/tickets/${ticket.id}`)).status).toBe(404);
    expect((await stranger.post(`/tickets/${ticket.id}/messages`, { message: 'Hello' })).status).toBe(404);
    expect((await stranger.post(`/tickets/${ticket.id}/close`)).status).toBe(404);
  });

  it('held mail: listed for the business, accepted into a ticket, or discarded', async () => {
    const { h, staff } = await desk(database());
    const stranger = await h.scope.inbound.receive(buildTestEmail({ from: 'Mallory <mallory@unknown.test>', subject: 'Hello?', text: 'Who are you?' }), { source: 'raw' });
    expect(stranger.outcome).toBe('held');
    expect(await json<AdminUnreadCountResponse>(await staff.get('/tickets/unread-count'))).toEqual({ unread: 0, held: 1 });
    const { held } = await json<HeldInboundListResponse>(await staff.get('/inbound/held'));
    expect(held).toEqual([expect.objectContaining({ id: stranger.id, from: 'mallory@unknown.test', subject: 'Hello?', body: 'Who are you?', ticketId: null })]);
    expect(held[0]!.reason).not.toBe('');

    const { ticket } = await h.scope.tickets.open({ clientId: h.client.id, subject: 'Ongoing', message: 'Start', source: 'api' });
    const accepted = await json<InboundAcceptResponse>(await staff.post(`/inbound/${stranger.id}/accept`, { ticketId: ticket.id }));
    expect(accepted).toMatchObject({ id: stranger.id, outcome: 'appended', ticketId: ticket.id });
    const thread = await json<AdminTicketThreadResponse>(await staff.get(`/tickets/${ticket.id}`));
    expect(thread.messages.map((m) => [m.body, m.source])).toEqual([
      ['Start', 'api'],
      ['Who are you?', 'email'],
    ]);

    const spam = await h.scope.inbound.receive(buildTestEmail({ from: 'spam@unknown.test', subject: 'Offer', text: 'Buy now' }), { source: 'raw' });
    expect((await staff.post(`/inbound/${spam.id}/discard`)).status).toBe(204);
    expect((await json<HeldInboundListResponse>(await staff.get('/inbound/held'))).held).toEqual([]);
    expect((await json<ErrorBody>(await staff.post(`/inbound/${spam.id}/discard`), 409)).error.code).toBe('invalid_status_transition');
  });

  it('a client who writes too often is slowed down (429), and nothing more is written', async () => {
    const { h, ann } = await desk(database());
    const { ticket } = await json<TicketThreadResponse>(await ann.post('/tickets', { subject: 'Many', message: 'First' }), 201);
    let status = 201;
    let sent = 1;
    while (status === 201 && sent < 200) {
      status = (await ann.post(`/tickets/${ticket.id}/messages`, { message: `Message ${sent}` })).status;
      sent += 1;
    }
    expect(status).toBe(429);
    const before = (await h.scope.tickets.get(ticket.id)).messages.length;
    expect((await ann.post('/tickets', { subject: 'Another', message: 'x' })).status).toBe(429);
    expect((await ann.post(`/tickets/${ticket.id}/messages`, { message: 'And another' })).status).toBe(429);
    expect((await h.scope.tickets.list()).tickets).toHaveLength(1);
    expect((await h.scope.tickets.get(ticket.id)).messages).toHaveLength(before);
  });
});
