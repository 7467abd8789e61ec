import { describe, expect, it } from 'vitest';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';

const writtenTables = ['tickets', 'ticket_messages', 'ticket_attachments', 'outbox_emails', 'audit_log', 'businesses'] as const;

describeEachDatabase('support tickets', (database) => {
  /** A business with two clients (Globex: Ann; Initech: Bob). */
  async function twoClients() {
    const seeded = await seedBusiness(database());
    const other = await seeded.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bob Porter', email: 'bob@initech.test' }] });
    return { ...seeded, other, ann: seeded.client.contacts[0]!, bob: other.contacts[0]! };
  }

  describe('opening', () => {
    it('numbers tickets per business, links them to the client and marks them unread for the business', async () => {
      const { scope, client, ann, clock } = await twoClients();
      const first = await scope.tickets.open({ clientId: client.id, contactId: ann.id, subject: '  Question about VAT  ', message: ' Why 19%? \r\nThanks ' });
      clock.advance(60_000);
      const second = await scope.tickets.open({ clientId: client.id, subject: 'Second', message: 'Hello' });

      expect(first.ticket).toMatchObject({
        number: 1,
        subject: 'Question about VAT',
        status: 'open',
        unread: false,
        messageCount: 1,
        preview: 'Why 19%? Thanks',
        invoiceId: null,
      });
      expect(first.messages).toEqual([
        expect.objectContaining({ authorKind: 'client', authorName: 'Ann Ledger', body: 'Why 19%? \nThanks', internal: false, source: 'portal', attachments: [] }),
      ]);
      expect(second.ticket.number).toBe(2);
      // No contact given: the client's name stands for the author.
      expect(second.messages[0]!.authorName).toBe('Globex Corporation');

      const admin = await scope.tickets.list();
      expect(admin.tickets.map((t) => [t.number, t.unread, t.clientName])).toEqual([
        [2, true, 'Globex Corporation'],
        [1, true, 'Globex Corporation'],
      ]);
      expect(admin.unreadCount).toBe(2);
      expect(await scope.tickets.unreadCount()).toEqual({ unread: 2, held: 0 });
      const audit = await scope.audit.list('ticket', first.ticket.id);
      expect(audit.map((entry) => entry.action)).toEqual(['ticket.opened']);
      expect(audit[0]!.details).toMatchObject({ number: 1, clientId: client.id, source: 'portal' });
    });

    it("numbers each business's tickets on their own", async () => {
      const a = await seedBusiness(database());
      const b = await seedBusiness(database(), { name: 'Other Studio' });
      await a.scope.tickets.open({ clientId: a.client.id, subject: 'A1', message: 'x' });
      const b1 = await b.scope.tickets.open({ clientId: b.client.id, subject: 'B1', message: 'x' });
      const a2 = await a.scope.tickets.open({ clientId: a.client.id, subject: 'A2', message: 'x' });
      expect([b1.ticket.number, a2.ticket.number]).toEqual([1, 2]);
    });

    it('gives concurrent opens distinct numbers', async () => {
      const { scope, client } = await seedBusiness(database());
      const opened = await Promise.all(
        Array.from({ length: 12 }, (_, i) => scope.tickets.open({ clientId: client.id, subject: `Parallel ${i}`, message: 'Hi' })),
      );
      expect(opened.map((t) => t.ticket.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });

    it("may be about one of the client's own invoices, never another client's or an unshared draft", async () => {
      const { scope, client, other } = await twoClients();
      const own = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id);
      const theirs = await scope.invoices.issue((await scope.invoices.create(draftInput(other.id))).id);
      const draft = await scope.invoices.create(draftInput(client.id));

      const about = await scope.tickets.open({ clientId: client.id, subject: 'This invoice', message: 'Hi', invoiceId: own.id });
      expect(about.ticket).toMatchObject({ invoiceId: own.id, invoiceNumber: own.number });

      const before = await countRows(database().db, writtenTables);
      await expectPorticoError(scope.tickets.open({ clientId: client.id, subject: 'x', message: 'y', invoiceId: theirs.id }), 'invoice_not_found');
      await expectPorticoError(scope.tickets.open({ clientId: client.id, subject: 'x', message: 'y', invoiceId: draft.id }), 'invoice_not_found');
      expect(await countRows(database().db, writtenTables)).toEqual(before);
    });

    it('refuses bad input and changes nothing, not even the number sequence', async () => {
      const { scope, client, bob } = await twoClients();
      const before = await countRows(database().db, writtenTables);
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ subject: '   ', message: 'Hi' }, 'invalid_input', 'subject'],
        [{ subject: 'x'.repeat(201), message: 'Hi' }, 'invalid_input', 'subject'],
        [{ subject: 'two\nlines', message: 'Hi' }, 'invalid_input', 'subject'],
        [{ subject: 'Hi', message: '' }, 'invalid_input', 'message'],
        [{ subject: 'Hi', message: 'x'.repeat(20_001) }, 'invalid_input', 'message'],
        [{ subject: 'Hi', message: 42 }, 'invalid_input', 'message'],
        [{ subject: 'Hi', message: 'Hi', source: 'fax' }, 'invalid_input', 'source'],
        [{ subject: 'Hi', message: 'Hi', contactId: bob.id }, 'contact_not_found', 'contactId'],
        [{ subject: 'Hi', message: 'Hi', inboundEmailId: 'inb_missing' }, 'inbound_email_not_found', 'inboundEmailId'],
      ];
      for (const [input, code, field] of cases) {
        const error = await expectPorticoError(scope.tickets.open({ clientId: client.id, ...input } as never), code as never);
        expect(error.field).toBe(field);
      }
      await expectPorticoError(scope.tickets.open({ clientId: 'cli_nobody', subject: 'Hi', message: 'Hi' }), 'client_not_found');
      expect(await countRows(database().db, writtenTables)).toEqual(before);
      const next = await scope.tickets.open({ clientId: client.id, subject: 'Fine', message: 'x'.repeat(20_000) });
      expect(next.ticket.number).toBe(1);
    });
  });

  describe('isolation', () => {
    it("keeps one client's tickets from another client of the same business", async () => {
      const { scope, client, other, bob } = await twoClients();
      const annTicket = await scope.tickets.open({ clientId: client.id, subject: 'Mine', message: 'Private' });

      expect((await scope.tickets.listForClient(other.id)).tickets).toEqual([]);
      await expectPorticoError(scope.tickets.getForClient(other.id, annTicket.ticket.id), 'ticket_not_found');
      const before = await countRows(database().db, writtenTables);
      await expectPorticoError(
        scope.tickets.replyAsClient(other.id, annTicket.ticket.id, { contactId: bob.id, message: 'Let me in' }),
        'ticket_not_found',
      );
      expect(await countRows(database().db, writtenTables)).toEqual(before);
      expect((await scope.tickets.listForClient(client.id)).tickets.map((t) => t.subject)).toEqual(['Mine']);
    });

    it("keeps one business's tickets from another business", async () => {
      const a = await seedBusiness(database());
      const b = await seedBusiness(database(), { name: 'Other Studio' });
      const ticket = await a.scope.tickets.open({ clientId: a.client.id, subject: 'A only', message: 'Hi' });

      await expectPorticoError(b.scope.tickets.get(ticket.ticket.id), 'ticket_not_found');
      await expectPorticoError(b.scope.tickets.getForClient(a.client.id, ticket.ticket.id), 'ticket_not_found');
      await expectPorticoError(b.scope.tickets.reply(ticket.ticket.id, { authorName: 'Mallory', message: 'Hi' }), 'ticket_not_found');
      await expectPorticoError(b.scope.tickets.close(ticket.ticket.id), 'ticket_not_found');
      await expectPorticoError(b.scope.tickets.open({ clientId: a.client.id, subject: 'x', message: 'y' }), 'client_not_found');
      expect((await b.scope.tickets.list()).tickets).toEqual([]);
      expect(await b.scope.tickets.unreadCount()).toEqual({ unread: 0, held: 0 });
    });
  });

  describe('conversation', () => {
    it('moves open → pending on a business reply and back to open when the client writes, with unread flags per side', async () => {
      const { scope, client, ann, clock } = await twoClients();
      const { ticket } = await scope.tickets.open({ clientId: client.id, contactId: ann.id, subject: 'Help', message: 'First' });

      // Reading without markRead leaves the flag; the thread view passes markRead.
      await scope.tickets.get(ticket.id);
      expect((await scope.tickets.unreadCount()).unread).toBe(1);
      const read = await scope.tickets.get(ticket.id, { markRead: true });
      expect(read.ticket.unread).toBe(false);
      expect((await scope.tickets.list({ unread: true })).tickets).toEqual([]);

      clock.advance(60_000);
      const reply = await scope.tickets.reply(ticket.id, { authorId: 'user-7', authorName: 'Dana (Support)', message: 'We are on it.' });
      expect(reply).toMatchObject({ authorKind: 'business', authorName: 'Dana (Support)', body: 'We are on it.', internal: false, source: 'admin' });
      let forClient = await scope.tickets.listForClient(client.id);
      expect(forClient.unreadCount).toBe(1);
      expect(forClient.tickets[0]).toMatchObject({ status: 'pending', unread: true, messageCount: 2, preview: 'We are on it.' });
      expect((await scope.tickets.list({ status: 'pending' })).tickets.map((t) => t.id)).toEqual([ticket.id]);

      const thread = await scope.tickets.getForClient(client.id, ticket.id, { markRead: true });
      expect(thread.messages.map((m) => m.body)).toEqual(['First', 'We are on it.']);
      forClient = await scope.tickets.listForClient(client.id);
      expect(forClient.unreadCount).toBe(0);

      clock.advance(60_000);
      await scope.tickets.replyAsClient(client.id, ticket.id, { contactId: ann.id, message: 'Thanks!' });
      const admin = await scope.tickets.get(ticket.id);
      expect(admin.ticket).toMatchObject({ status: 'open', unread: true, messageCount: 3 });
      expect(admin.ticket.lastMessageAt).toEqual(clock.now());
    });

    it('never shows internal notes to the client nor emails them, and a note changes neither status nor the client side', async () => {
      const { scope, client, clock } = await twoClients();
      const { ticket } = await scope.tickets.open({ clientId: client.id, subject: 'Refund?', message: 'Can I get one?' });
      const opened = await scope.tickets.listForClient(client.id);
      const outboxBefore = (await countRows(database().db, ['outbox_emails'])).outbox_emails;

      clock.advance(60_000);
      const note = await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Customer since 2019, say yes', internal: true });
      expect(note.internal).toBe(true);

      const thread = await scope.tickets.getForClient(client.id, ticket.id);
      expect(thread.messages.map((m) => m.body)).toEqual(['Can I get one?']);
      expect(JSON.stringify(thread)).not.toContain('2019');
      const listed = await scope.tickets.listForClient(client.id);
      expect(listed).toEqual(opened);
      expect((await countRows(database().db, ['outbox_emails'])).outbox_emails).toBe(outboxBefore);

      const admin = await scope.tickets.get(ticket.id);
      expect(admin.ticket).toMatchObject({ status: 'open', messageCount: 2, preview: 'Customer since 2019, say yes' });
      expect(admin.messages.map((m) => [m.body, m.internal])).toEqual([
        ['Can I get one?', false],
        ['Customer since 2019, say yes', true],
      ]);
    });

    it('closes and reopens, refuses moves that make no sense, and a client message reopens a closed ticket', async () => {
      const { scope, client } = await twoClients();
      const { ticket } = await scope.tickets.open({ clientId: client.id, subject: 'Done?', message: 'Hi' });

      expect(await scope.tickets.close(ticket.id)).toMatchObject({ id: ticket.id, status: 'closed' });
      const before = await countRows(database().db, writtenTables);
      await expectPorticoError(scope.tickets.close(ticket.id), 'invalid_status_transition');
      expect(await countRows(database().db, writtenTables)).toEqual(before);
      expect((await scope.tickets.list({ status: 'closed' })).tickets.map((t) => t.id)).toEqual([ticket.id]);
      expect((await scope.tickets.list({ status: 'open' })).tickets).toEqual([]);

      expect(await scope.tickets.reopen(ticket.id)).toMatchObject({ status: 'open' });
      await expectPorticoError(scope.tickets.reopen(ticket.id), 'invalid_status_transition');

      await scope.tickets.close(ticket.id);
      await scope.tickets.replyAsClient(client.id, ticket.id, { message: 'One more thing' });
      expect((await scope.tickets.get(ticket.id)).ticket).toMatchObject({ status: 'open', unread: true });

      const actions = (await scope.audit.list('ticket', ticket.id)).map((entry) => [entry.action, entry.details['reopened'] ?? null]);
      expect(actions).toEqual([
        ['ticket.opened', null],
        ['ticket.closed', null],
        ['ticket.reopened', null],
        ['ticket.closed', null],
        ['ticket.replied', true],
      ]);
    });

    it('refuses a bad reply and changes nothing', async () => {
      const { scope, client } = await twoClients();
      const { ticket } = await scope.tickets.open({ clientId: client.id, subject: 'Hi', message: 'Hi' });
      const before = await countRows(database().db, writtenTables);
      await expectPorticoError(scope.tickets.reply(ticket.id, { authorName: '', message: 'Hi' }), 'invalid_input');
      await expectPorticoError(scope.tickets.reply(ticket.id, { authorName: 'Dana', message: '  ' }), 'invalid_input');
      await expectPorticoError(scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Hi', internal: 'yes' as never }), 'invalid_input');
      await expectPorticoError(scope.tickets.reply('tkt_nope', { authorName: 'Dana', message: 'Hi' }), 'ticket_not_found');
      await expectPorticoError(scope.tickets.replyAsClient(client.id, ticket.id, { message: 'x'.repeat(20_001) }), 'invalid_input');
      await expectPorticoError(scope.tickets.list({ status: 'stale' as never }), 'invalid_input');
      expect(await countRows(database().db, writtenTables)).toEqual(before);
      expect((await scope.tickets.get(ticket.id)).ticket.status).toBe('open');
    });
  });
});
