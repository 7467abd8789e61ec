import { describe, expect, it } from 'vitest';
import { createPorticoApi } from '../api.js';
import type { PorticoDatabase } from '../db/create-database.js';
import { countRows } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { appendEmailReply } from './email-tickets.js';
import { insertTestInboundEmail } from '../testing/inbound-rows.js';
import { matchTicketMessageIds, messageIdsIn, verifyTicketMessageId } from './message-id.js';
import { REPLY_TOKEN_LENGTH, replyTokenFromAddress, signReplyToken, verifyReplyToken } from './reply-token.js';
import { existingBusinessSigningKey } from '../businesses/signing-key.js';
import { newId } from '../shared/ids.js';
import { stripReply } from '../email/inbound/strip-reply.js';
import { INVOICE_LINK_TTL_MS } from '../auth/magic-links.js';
import { SIGN_IN_TOKEN_PLACEHOLDER } from '../auth/email-sign-in-link.js';

const inbound = 'reply.harborpine.test';

describeEachDatabase('ticket reply emails', (database) => {
  async function seeded(settings: Record<string, unknown> = { inboundDomain: inbound }) {
    const base = await seedBusiness(database(), { settings });
    const ann = base.client.contacts[0]!;
    const carl = await base.scope.contacts.add(base.client.id, { name: 'Carl Books', email: 'carl@globex.test' });
    const { ticket } = await base.scope.tickets.open({ clientId: base.client.id, contactId: ann.id, subject: 'Where is my receipt?', message: 'Hi' });
    return { ...base, ann, carl, ticket };
  }

  function outbox(db: PorticoDatabase, businessId: string) {
    return db.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('kind', '=', 'ticket_reply')
      .orderBy('created_at')
      .orderBy('to_address')
      .execute();
  }

  async function storedMessageId(db: PorticoDatabase, messageId: string) {
    const row = await db.db.selectFrom('ticket_messages').select('email_message_id').where('id', '=', messageId).executeTakeFirstOrThrow();
    return row.email_message_id;
  }

  it('emails every contact in the same transaction, with a signed reply address per recipient and our signed Message-ID in References', async () => {
    const { scope, business, client, ann, carl, ticket } = await seeded();
    const reply = await scope.tickets.reply(ticket.id, { authorName: 'Dana (Support)', message: 'Attached to your account.\nSee the portal.' });

    const emails = await outbox(database(), business.id);
    expect(emails.map((e) => e.to_address)).toEqual(['ann@globex.test', 'carl@globex.test']);
    const messageId = await storedMessageId(database(), reply.id);
    expect(messageId).toMatch(new RegExp(`^<portico-[a-z2-7]+@${inbound.replace(/\./g, '\\.')}>$`));

    for (const [email, contact] of [[emails[0]!, ann], [emails[1]!, carl]] as const) {
      expect(email.status).toBe('pending');
      expect(email.subject).toBe('Re: Where is my receipt? [#1]');
      expect(email.text).toContain('Attached to your account.\nSee the portal.');
      expect(email.text).toContain('Dana (Support) wrote:');
      expect(email.text).toContain(`${business.portalUrl}/auth/link/${business.slug}/${SIGN_IN_TOKEN_PLACEHOLDER}`);
      expect(JSON.parse(email.sign_in_link!)).toEqual({
        clientId: client.id,
        contactId: contact.id,
        purpose: 'ticket_email',
        invoiceId: null,
        ticketId: ticket.id,
        ttlMs: INVOICE_LINK_TTL_MS,
      });
      expect(email.text).toContain('replying to this email');
      expect(email.html).toContain('View in portal');

      const [local, domain] = email.reply_to!.split('@');
      expect(domain).toBe(inbound);
      expect(local!.length).toBeLessThanOrEqual(64);
      const token = replyTokenFromAddress(email.reply_to!)!;
      expect(token).toHaveLength(REPLY_TOKEN_LENGTH);
      expect(token).toMatch(/^[a-z2-7]+$/);
      expect(await verifyReplyToken(database().db, business.id, token)).toEqual({ ticketId: ticket.id, contactId: contact.id, clientId: client.id });

      const headers = JSON.parse(email.headers) as Record<string, string>;
      expect(headers['Message-ID']).toBe(messageId);
      const references = messageIdsIn(headers['References']!);
      expect(references.at(-1)).toBe(messageId);
      expect(references).toHaveLength(2);
      expect(headers['In-Reply-To']).toBeUndefined();
      expect(await verifyTicketMessageId(database().db, business.id, references[0]!)).toEqual({ ticketId: ticket.id, messageId: null });
      expect(await verifyTicketMessageId(database().db, business.id, messageId!)).toEqual({ ticketId: ticket.id, messageId: reply.id });
    }
    expect(emails[0]!.reply_to).not.toBe(emails[1]!.reply_to);
    const audit = await scope.audit.list('ticket', ticket.id);
    expect(audit.at(-1)).toMatchObject({ action: 'ticket.replied', details: { internal: false, emailsQueued: 2, authorKind: 'business' } });
  });

  it("quotes the thread's latest messages under the reply, newest first and without internal notes; the client's quoting answer strips back to what they wrote", async () => {
    const { scope, business, client, ann, ticket, clock } = await seeded();
    clock.advance(60_000);
    await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'First answer' });
    await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Refund approved by finance.', internal: true });
    clock.advance(60_000);
    await scope.tickets.replyAsClient(client.id, ticket.id, { contactId: ann.id, message: 'Still missing' });
    clock.advance(60_000);
    const second = await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Second answer' });
    const secondId = await storedMessageId(database(), second.id);
    const [email] = (await outbox(database(), business.id)).filter((e) => JSON.parse(e.headers)['Message-ID'] === secondId);

    const history = email!.text.slice(email!.text.indexOf('--- Earlier in this conversation ---'));
    expect(history).toBe(
      [
        '--- Earlier in this conversation ---',
        'Ann Ledger, Mar 10, 2026, 10:02 AM:\nStill missing',
        'Dana, Mar 10, 2026, 10:01 AM:\nFirst answer',
        'Ann Ledger, Mar 10, 2026, 10:00 AM:\nHi',
        `--\nThis email was sent by ${business.name}.\n`,
      ].join('\n\n'),
    );
    expect(email!.text).not.toContain('Refund approved');
    expect(email!.html).not.toContain('Refund approved');
    expect(email!.html).toContain('Earlier in this conversation');
    expect(email!.text.indexOf('Second answer')).toBeLessThan(email!.text.indexOf('Still missing'));

    const quoted = email!.text.split('\n').map((line) => (line === '' ? '>' : `> ${line}`));
    const answer = ['Found it, thanks!', '', `On Tue, Mar 10, 2026 at 10:04 AM ${business.name} <no-reply@billing.harborpine.test> wrote:`, ...quoted].join('\n');
    expect(stripReply(answer)).toBe('Found it, thanks!');
  });

  it("threads the next reply under the client's emailed answer (In-Reply-To) and keeps the thread's ids in References", async () => {
    const { scope, business, ann, ticket, clock } = await seeded();
    const first = await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'First answer' });
    const firstId = await storedMessageId(database(), first.id);

    clock.advance(60_000);
    const clientMailId = '<CAF=abc123@mail.globex.test>';
    await database().db.transaction().execute(async (trx) => {
      await insertTestInboundEmail(trx, { id: 'inb_thread', businessId: business.id, at: clock.now().getTime(), ticketId: ticket.id, messageId: clientMailId });
      await appendEmailReply(trx, { ...database(), clock, businessId: business.id, actor: 'system:inbound' }, ticket.id, {
        inboundEmailId: 'inb_thread',
        contactId: ann.id,
        text: 'Thanks, got it',
        emailMessageId: clientMailId,
      });
    });

    clock.advance(60_000);
    const second = await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Second answer' });
    const secondId = await storedMessageId(database(), second.id);
    const latest = (await outbox(database(), business.id)).filter((e) => JSON.parse(e.headers)['Message-ID'] === secondId);
    expect(latest).toHaveLength(2);
    const headers = JSON.parse(latest[0]!.headers) as Record<string, string>;
    expect(headers['In-Reply-To']).toBe(clientMailId);
    const references = messageIdsIn(headers['References']!);
    expect(references.slice(1)).toEqual([firstId, clientMailId, secondId]);
    // A reply quoting any of them is matched to the ticket; the client's own id is not ours and is skipped.
    expect(await matchTicketMessageIds(database().db, business.id, [clientMailId, ...references.reverse()])).toEqual({
      ticketId: ticket.id,
      messageId: second.id,
    });
  });

  it("keeps References within the outbox's header limit however long the client's Message-IDs are", async () => {
    const { scope, business, ann, ticket, clock } = await seeded();
    const ctx = { ...database(), clock, businessId: business.id, actor: 'system:inbound' };
    const longIds: string[] = [];
    for (let i = 0; i < 9; i++) {
      clock.advance(1_000);
      const id = `<${String(i).padStart(230, 'x')}@mail.globex.test>`;
      longIds.push(id);
      await database().db.transaction().execute(async (trx) => {
        await insertTestInboundEmail(trx, { id: `inb_long_${i}`, businessId: business.id, at: clock.now().getTime(), ticketId: ticket.id, messageId: id });
        await appendEmailReply(trx, ctx, ticket.id, { inboundEmailId: `inb_long_${i}`, contactId: ann.id, text: `Reply ${i}`, emailMessageId: id });
      });
    }
    const reply = await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Noted' });
    const [email] = await outbox(database(), business.id);
    const headers = JSON.parse(email!.headers) as Record<string, string>;
    expect(headers['References']!.length).toBeLessThanOrEqual(2000);
    const references = messageIdsIn(headers['References']!);
    // The thread's own id first, this message's last, the newest of the client's in between.
    expect(references[0]).toMatch(/^<portico-/);
    expect(references.at(-1)).toBe(await storedMessageId(database(), reply.id));
    expect(references.at(-2)).toBe(longIds.at(-1));
    expect(headers['In-Reply-To']).toBe(longIds.at(-1));
  });

  it('without an inbound domain: no reply address, a Message-ID on the portal host, and the email asks for answers in the portal', async () => {
    const { scope, business, ticket } = await seeded({});
    const reply = await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Done.' });
    const emails = await outbox(database(), business.id);
    expect(emails).toHaveLength(2);
    for (const email of emails) {
      expect(email.reply_to).toBeNull();
      expect(email.text).toContain('Please answer in the client portal');
      expect(JSON.parse(email.headers)['Message-ID']).toMatch(/@billing\.harborpine\.test>$/);
    }
    expect(await storedMessageId(database(), reply.id)).toMatch(/@billing\.harborpine\.test>$/);
  });

  it('makes one signing key even when the first replies of a business run at once', async () => {
    const { scope, business, client } = await seeded();
    const tickets = await Promise.all(
      Array.from({ length: 6 }, (_, i) => scope.tickets.open({ clientId: client.id, subject: `Parallel ${i}`, message: 'Hi' })),
    );
    await Promise.all(tickets.map(({ ticket }) => scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'On it' })));
    const emails = await outbox(database(), business.id);
    expect(emails).toHaveLength(12);
    for (const email of emails) {
      const verified = await verifyReplyToken(database().db, business.id, replyTokenFromAddress(email.reply_to!)!);
      expect(verified?.clientId).toBe(client.id);
    }
  });

  it("writes in the client's language", async () => {
    const { scope, business, client, ticket } = await seeded();
    await scope.clients.update(client.id, { locale: 'de' });
    await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Erledigt.' });
    const [email] = await outbox(database(), business.id);
    expect(email!.text).toContain('hat auf Ihre Support-Anfrage #1 „Where is my receipt?“ geantwortet.');
    expect(email!.html).toContain('Im Portal ansehen');
  });

  it('sends nothing for internal notes, nor for a client without contacts, and the reply is still posted', async () => {
    const { scope, business, ticket } = await seeded();
    await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Internal only', internal: true });
    expect(await outbox(database(), business.id)).toEqual([]);

    const lonely = await scope.clients.create({ name: 'No Contacts Ltd' });
    const { ticket: other } = await scope.tickets.open({ clientId: lonely.id, subject: 'Hi', message: 'Hi' });
    const before = await countRows(database().db, ['outbox_emails']);
    const reply = await scope.tickets.reply(other.id, { authorName: 'Dana', message: 'Hello' });
    expect(await countRows(database().db, ['outbox_emails'])).toEqual(before);
    expect(await storedMessageId(database(), reply.id)).toBeNull();
    expect((await scope.tickets.get(other.id)).ticket.status).toBe('pending');
  });

  it("refuses tampered tokens and Message-IDs, another business's, and unknown ids", async () => {
    const { scope, business, client, carl, ticket, clock } = await seeded();
    await scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Hi' });
    const [email, carlEmail] = await outbox(database(), business.id);
    const token = replyTokenFromAddress(email!.reply_to!)!;
    const messageId = JSON.parse(email!.headers)['Message-ID'] as string;
    const db = database().db;

    // Case does not matter (some systems fold the local part); every single changed character does.
    expect(await verifyReplyToken(db, business.id, token.toUpperCase())).toMatchObject({ ticketId: ticket.id });
    expect(await verifyTicketMessageId(db, business.id, messageId.toUpperCase())).toMatchObject({ ticketId: ticket.id });
    for (let i = 0; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);
      expect(await verifyReplyToken(db, business.id, changed)).toBeUndefined();
    }
    const local = messageId.slice(1, messageId.indexOf('@'));
    for (const i of [8, 20, local.length - 1]) {
      const changed = `<${local.slice(0, i)}${local[i] === 'a' ? 'b' : 'a'}${local.slice(i + 1)}@${inbound}>`;
      expect(await verifyTicketMessageId(db, business.id, changed)).toBeUndefined();
    }
    for (const bad of ['', 'abc', token.slice(1), `${token}a`, `${token.slice(0, -1)}1`]) {
      expect(await verifyReplyToken(db, business.id, bad)).toBeUndefined();
    }

    // Another business (with a key of its own) never accepts them.
    const other = createPorticoApi({ db, clock });
    const otherBusiness = await other.businesses.create({ name: 'Other', portalUrl: 'https://other.test', settings: { inboundDomain: inbound } });
    const otherClient = await other.business(otherBusiness.id).clients.create({ name: 'X', contacts: [{ name: 'X', email: 'x@x.test' }] });
    const otherTicket = await other.business(otherBusiness.id).tickets.open({ clientId: otherClient.id, subject: 'x', message: 'y' });
    await other.business(otherBusiness.id).tickets.reply(otherTicket.ticket.id, { authorName: 'Z', message: 'z' });
    expect(await verifyReplyToken(db, otherBusiness.id, token)).toBeUndefined();
    expect(await verifyTicketMessageId(db, otherBusiness.id, messageId)).toBeUndefined();

    // Signed with the right key but naming a ticket that does not exist, or a contact of another client.
    const key = (await existingBusinessSigningKey(db, business.id))!;
    const ann = (await scope.clients.get(client.id)).contacts.find((c) => c.email === 'ann@globex.test')!;
    expect(await verifyReplyToken(db, business.id, signReplyToken(key, business.id, { ticketId: newId('tkt'), contactId: ann.id }))).toBeUndefined();
    expect(await verifyReplyToken(db, business.id, signReplyToken(key, business.id, { ticketId: ticket.id, contactId: otherClient.contacts[0]!.id }))).toBeUndefined();
    expect(await verifyReplyToken(db, business.id, signReplyToken(key, business.id, { ticketId: ticket.id, contactId: ann.id }))).toMatchObject({ contactId: ann.id });

    // A recipient removed from the client no longer verifies.
    const carlToken = replyTokenFromAddress(carlEmail!.reply_to!)!;
    expect(await verifyReplyToken(db, business.id, carlToken)).toMatchObject({ contactId: carl.id });
    await scope.contacts.remove(carl.id);
    expect(await verifyReplyToken(db, business.id, carlToken)).toBeUndefined();
  });
});

describe('reply addresses', () => {
  it('finds the token in a recipient address, with or without a name and brackets', () => {
    const token = 'a'.repeat(REPLY_TOKEN_LENGTH);
    expect(replyTokenFromAddress(`reply+${token}@reply.example.com`)).toBe(token);
    expect(replyTokenFromAddress(`"Acme Support" <REPLY+${token.toUpperCase()}@reply.example.com>`)).toBe(token);
    expect(replyTokenFromAddress('support@example.com')).toBeUndefined();
    expect(replyTokenFromAddress('noreply+abc@example.com')).toBeUndefined();
  });
});
