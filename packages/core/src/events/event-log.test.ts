import { describe, expect, it } from 'vitest';
import type { BusinessContext } from '../context.js';
import type { PorticoDatabase } from '../db/create-database.js';
import { recordRefund } from '../payments/refunds.js';
import { appendEmailReply } from '../tickets/email-tickets.js';
import { recordOverdueInvoices } from '../invoices/overdue-events.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import { buildTestEmail } from '../testing/inbound-email.js';
import { insertTestInboundEmail } from '../testing/inbound-rows.js';
import { EVENT_TYPES, type EventType } from './event-types.js';
import type { PorticoEvent } from './event-log.js';

const DOMAIN = 'reply.harborpine.test';

async function setup(database: PorticoDatabase) {
  const seeded = await seedBusiness(database, { settings: { inboundDomain: DOMAIN, notifyEmail: 'owner@harborpine.test' } });
  const ann = seeded.client.contacts[0]!;
  const ctx: BusinessContext = { db: database.db, clock: seeded.clock, businessId: seeded.business.id, actor: 'test' };
  let seen = 0;
  /** The events recorded since the last call, oldest first. */
  const newEvents = async (): Promise<PorticoEvent[]> => {
    const all: PorticoEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await seeded.scope.events.list({ limit: 3, ...(cursor ? { cursor } : {}) });
      all.push(...page.events);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  };
  const typesOf = async () => (await newEvents()).map((event) => event.type);
  return { ...seeded, ann, ctx, newEvents, typesOf };
}

describeEachDatabase('the event log', (database) => {
  it('records each change as exactly one event of its type, with the state the change left', async () => {
    const t = await setup(database());
    const seenTypes = new Set<EventType>();
    const expectOne = async (type: EventType) => {
      const events = await t.newEvents();
      expect(events.map((event) => event.type)).toEqual([type]);
      const [event] = events;
      expect(event).toMatchObject({ id: expect.stringMatching(/^evt_[0-9a-f]+$/), businessId: t.business.id, version: 1, occurredAt: t.clock.now().toISOString() });
      seenTypes.add(type);
      return event!;
    };

    const invoice = await t.scope.invoices.create(draftInput(t.client.id));
    await t.scope.invoices.issue(invoice.id);
    expect(await t.typesOf()).toEqual([]);
    await t.scope.invoices.send(invoice.id);
    const sent = await expectOne('invoice.sent');
    expect(sent.data).toEqual({
      invoice: {
        id: invoice.id,
        number: 'INV-0001',
        clientId: t.client.id,
        status: 'sent',
        currency: 'EUR',
        total: 124_950,
        amountPaid: 0,
        amountDue: 124_950,
        issueDate: '2026-03-10',
        dueDate: '2026-04-09',
        estimateId: null,
      },
    });

    const part = await t.scope.payments.record({ invoiceId: invoice.id, amount: 50_000, method: 'bank_transfer', reference: 'BANK-1', provider: 'bank' });
    const partial = await expectOne('invoice.partially_paid');
    expect(partial.data).toMatchObject({ invoice: { amountPaid: 50_000, amountDue: 74_950, status: 'sent' }, payment: { id: part.payment.id, amount: 50_000, method: 'bank_transfer', reference: 'BANK-1' } });
    // The same provider reference again is a duplicate: nothing changed, nothing recorded.
    await t.scope.payments.record({ invoiceId: invoice.id, amount: 50_000, method: 'bank_transfer', reference: 'BANK-1', provider: 'bank' });
    expect(await t.typesOf()).toEqual([]);

    const rest = await t.scope.payments.record({ invoiceId: invoice.id, amount: 74_950, method: 'stripe', provider: 'stripe', reference: 'pi_1' });
    const paid = await expectOne('invoice.paid');
    expect(paid.data).toMatchObject({ invoice: { status: 'paid', amountDue: 0 }, payment: { id: rest.payment.id, amount: 74_950 } });

    expect(await recordRefund(t.ctx, { provider: 'stripe', reference: 'pi_1', refundedTotal: 10_000 })).toBe('applied');
    const refunded = await expectOne('payment.refunded');
    expect(refunded.data).toMatchObject({ refunded: 10_000, payment: { refundedAmount: 10_000 }, invoice: { status: 'sent', amountDue: 10_000 } });
    expect(await recordRefund(t.ctx, { provider: 'stripe', reference: 'pi_1', refundedTotal: 10_000 })).toBe('duplicate');
    expect(await t.typesOf()).toEqual([]);

    const estimateInput = { clientId: t.client.id, currency: 'EUR', issueDate: '2026-03-10', validUntil: '2026-03-20', lines: [{ description: 'Plan', quantity: 1, unitPrice: 10_000 }] };
    const asClient = t.api.business(t.business.id, { actor: `client:${t.ann.id}` });
    const toAccept = (await t.scope.estimates.send((await t.scope.estimates.create(estimateInput)).id)).estimate;
    const toDecline = (await t.scope.estimates.send((await t.scope.estimates.create(estimateInput)).id)).estimate;
    expect(await t.typesOf()).toEqual([]);
    const answer = await asClient.estimates.acceptAsClient(t.client.id, toAccept.id, { name: 'Ann Ledger', confirmed: true });
    const accepted = await expectOne('estimate.accepted');
    expect(accepted.data).toMatchObject({ estimate: { id: toAccept.id, status: 'accepted', acceptedByName: 'Ann Ledger', invoiceId: answer.invoiceId } });
    await asClient.estimates.declineAsClient(t.client.id, toDecline.id, { reason: 'Too dear' });
    expect((await expectOne('estimate.declined')).data).toMatchObject({ estimate: { id: toDecline.id, status: 'declined', declineReason: 'Too dear' } });

    const opened = await t.scope.tickets.open({ clientId: t.client.id, contactId: t.ann.id, subject: 'VAT?', message: 'Why 19%?' });
    const created = await expectOne('ticket.created');
    expect(created.data).toMatchObject({
      ticket: { id: opened.ticket.id, number: 1, clientId: t.client.id, subject: 'VAT?', status: 'open' },
      message: { author: 'client', authorId: t.ann.id, via: 'portal', internal: false, text: 'Why 19%?' },
    });
    await t.scope.tickets.reply(opened.ticket.id, { authorName: 'Studio', authorId: 'staff-7', message: 'Because of Germany.' });
    expect((await expectOne('ticket.replied')).data).toMatchObject({ message: { author: 'business', authorId: 'staff-7', via: 'admin', text: 'Because of Germany.' }, ticket: { status: 'pending' } });
    await asClient.tickets.replyAsClient(t.client.id, opened.ticket.id, { contactId: t.ann.id, message: 'Thanks!' });
    expect((await expectOne('ticket.replied')).data).toMatchObject({ message: { author: 'client', via: 'portal', text: 'Thanks!' }, ticket: { status: 'open' } });
    const replyTo = (await database().db.selectFrom('outbox_emails').select('reply_to').where('kind', '=', 'ticket_reply').executeTakeFirstOrThrow()).reply_to!;
    expect((await t.scope.inbound.receive(buildTestEmail({ to: replyTo, subject: 'Re: VAT?', text: 'By email, too.' }), { source: 'raw' })).outcome).toBe('appended');
    expect((await expectOne('ticket.replied')).data).toMatchObject({ message: { author: 'client', via: 'email', text: 'By email, too.' } });

    await t.scope.clients.update(t.client.id, { name: 'Globex GmbH', externalId: 'crm-9' });
    expect((await expectOne('client.updated')).data).toMatchObject({ client: { id: t.client.id, name: 'Globex GmbH', externalId: 'crm-9' }, changed: ['name', 'externalId'] });
    await asClient.account.update({ clientId: t.client.id, contactId: t.ann.id }, { vatId: 'DE123456789' });
    expect((await expectOne('client.updated')).data).toMatchObject({ client: { vatId: 'DE123456789' }, changed: ['vatId'] });
    const bob = await t.scope.contacts.add(t.client.id, { name: 'Bob', email: 'bob@globex.test' });
    expect((await expectOne('client.updated')).data).toMatchObject({ changed: ['contacts'], client: { contacts: [{ id: t.ann.id }, { id: bob.id, email: 'bob@globex.test', receivesInvoices: true }] } });

    const [sentEmail] = await database().db.selectFrom('outbox_emails').select(['id', 'to_address']).where('kind', '=', 'invoice_sent').execute();
    await database().db.updateTable('outbox_emails').set({ status: 'sent', provider_message_id: 'resend-1' }).where('id', '=', sentEmail!.id).execute();
    await t.scope.emails.markBounced('resend-1', { status: '5.1.1', reason: 'No such user', via: 'resend' });
    expect((await expectOne('email.bounced')).data).toEqual({
      email: { id: sentEmail!.id, kind: 'invoice_sent', to: sentEmail!.to_address, ticketMessageId: null },
      bounce: { status: '5.1.1', reason: 'No such user', via: 'resend' },
    });
    await t.scope.emails.markBounced('resend-1', { status: '5.1.1', reason: 'No such user', via: 'resend' });
    expect(await t.typesOf()).toEqual([]);

    // invoice.overdue, by the calendar: the day after the due date where the business is (Berlin).
    const late = await t.scope.invoices.send((await t.scope.invoices.create(draftInput(t.client.id, { dueDate: '2026-03-12' }))).id);
    await t.newEvents();
    t.clock.set('2026-03-12T22:30:00Z');
    expect(await recordOverdueInvoices(database().db, t.clock)).toBe(0);
    t.clock.set('2026-03-12T23:30:00Z');
    expect(await Promise.all([recordOverdueInvoices(database().db, t.clock), recordOverdueInvoices(database().db, t.clock)])).toEqual(expect.arrayContaining([1]));
    expect((await expectOne('invoice.overdue')).data).toMatchObject({ invoice: { id: late.invoice.id, status: 'sent', dueDate: '2026-03-12' } });
    expect(await recordOverdueInvoices(database().db, t.clock)).toBe(0);
    expect(await t.typesOf()).toEqual([]);

    expect([...seenTypes].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('records nothing when the change rolls back', async () => {
    const t = await setup(database());
    const opened = await t.scope.tickets.open({ clientId: t.client.id, contactId: t.ann.id, subject: 'VAT?', message: 'Why?' });
    await t.newEvents();
    const before = await countRows(database().db, ['events', 'event_hook_runs', 'webhook_deliveries', 'ticket_messages', 'inbound_emails']);
    await expect(
      database()
        .db.transaction()
        .execute(async (trx) => {
          await insertTestInboundEmail(trx, { id: 'inb_rollback', businessId: t.business.id, at: t.clock.now().getTime(), ticketId: opened.ticket.id });
          await appendEmailReply(trx, t.ctx, opened.ticket.id, { inboundEmailId: 'inb_rollback', contactId: t.ann.id, text: 'Rolled back' });
          throw new Error('a later step of the same change failed');
        }),
    ).rejects.toThrow(/later step/);
    expect(await countRows(database().db, ['events', 'event_hook_runs', 'webhook_deliveries', 'ticket_messages', 'inbound_emails'])).toEqual(before);

    // A refused change (paying a draft) records nothing either.
    const draft = await t.scope.invoices.create(draftInput(t.client.id));
    await expectPorticoError(t.scope.payments.record({ invoiceId: draft.id, amount: 100 }), 'invoice_not_payable');
    expect(await t.typesOf()).toEqual([]);
  });

  describe('listing', () => {
    it('filters by type and time, pages by cursor, and keeps to the business', async () => {
      const t = await setup(database());
      for (const name of ['A', 'B', 'C']) {
        await t.scope.clients.update(t.client.id, { name });
        t.clock.advance(60_000);
      }
      await t.scope.tickets.open({ clientId: t.client.id, contactId: t.ann.id, subject: 'Hi', message: 'Hello' });
      const updates = await t.scope.events.list({ type: 'client.updated' });
      expect(updates.events.map((event) => (event.data['client'] as { name: string }).name)).toEqual(['A', 'B', 'C']);
      expect(updates.nextCursor).toBeNull();
      const late = await t.scope.events.list({ from: new Date('2026-03-10T09:01:00Z'), to: new Date('2026-03-10T09:03:00Z') });
      expect(late.events.map((event) => event.type)).toEqual(['client.updated', 'client.updated']);
      expect((await t.scope.events.list({ type: ['ticket.created', 'client.updated'] })).events).toHaveLength(4);
      const first = await t.scope.events.list({ limit: 2 });
      const second = await t.scope.events.list({ limit: 2, cursor: first.nextCursor! });
      expect([...first.events, ...second.events].map((event) => event.type)).toEqual(['client.updated', 'client.updated', 'client.updated', 'ticket.created']);
      expect(second.nextCursor).toBeNull();
      expect(await t.scope.events.get(second.events[1]!.id)).toEqual(second.events[1]);

      const other = await t.api.businesses.create({ name: 'Other', portalUrl: 'https://other.test/portal' });
      const elsewhere = t.api.business(other.id);
      expect((await elsewhere.events.list()).events).toEqual([]);
      await expectPorticoError(elsewhere.events.get(first.events[0]!.id), 'event_not_found');

      await expectPorticoError(t.scope.events.list({ type: 'invoice.exploded' as never }), 'invalid_input');
      await expectPorticoError(t.scope.events.list({ limit: 0 }), 'invalid_input');
      await expectPorticoError(t.scope.events.list({ cursor: 'not-a-cursor' }), 'invalid_input');
      await expectPorticoError(t.scope.events.list({ from: new Date('nope') }), 'invalid_input');
    });

    it('forgets events after 30 days, with their deliveries and hook runs', async () => {
      const t = await setup(database());
      await t.scope.clients.update(t.client.id, { name: 'Old' });
      t.clock.advance(31 * 86_400_000);
      await t.scope.clients.update(t.client.id, { name: 'New' });
      // The suite's other tests share the database, and their events are older still.
      expect((await t.api.purgeExpired()).events).toBeGreaterThanOrEqual(1);
      const kept = (await t.scope.events.list()).events;
      expect(kept.map((event) => (event.data['client'] as { name: string }).name)).toEqual(['New']);
      const runs = await database().db.selectFrom('event_hook_runs').select('id').where('business_id', '=', t.business.id).execute();
      expect(runs.map((run) => run.id)).toEqual([kept[0]!.id]);
    });
  });
});
