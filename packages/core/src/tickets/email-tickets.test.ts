import { expect, it } from 'vitest';
import type { BusinessContext, Executor } from '../context.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { appendEmailReply, openTicketFromEmail } from './email-tickets.js';
import { insertTestInboundEmail } from '../testing/inbound-rows.js';

const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

describeEachDatabase('tickets from inbound email', (database) => {
  async function seeded() {
    const base = await seedBusiness(database());
    const ctx: BusinessContext = { db: database().db, clock: base.clock, businessId: base.business.id, actor: 'system:inbound-email' };
    return { ...base, ctx, ann: base.client.contacts[0]! };
  }

  /** What the pipeline stores first, in the same transaction. */
  function inboundRow(db: Executor, businessId: string, id: string, at: number, status: 'received' | 'held' = 'received') {
    return insertTestInboundEmail(db, { id, businessId, at, status });
  }

  it('opens a ticket from an email of a known contact, with a stand-in or shortened subject, and keeps the good files', async () => {
    const { ctx, scope, client, ann, clock } = await seeded();
    const result = await database().db.transaction().execute(async (trx) => {
      await inboundRow(trx, ctx.businessId, 'inb_new', clock.now().getTime());
      return openTicketFromEmail(trx, ctx, {
        inboundEmailId: 'inb_new',
        clientId: client.id,
        contactId: ann.id,
        subject: `  ${'Long subject '.repeat(30)}\r\n`,
        text: 'Please see the scan.',
        emailMessageId: '<first@mail.globex.test>',
        attachments: [
          { filename: 'scan.pdf', contentType: 'application/pdf', content: pdf },
          { filename: 'virus.exe', contentType: 'application/octet-stream', content: Uint8Array.from([0x4d, 0x5a]) },
        ],
      });
    });
    expect(result.thread.ticket.subject).toHaveLength(200);
    expect(result.thread.ticket.subject.endsWith('…')).toBe(true);
    expect(result.thread.messages).toEqual([
      expect.objectContaining({ authorName: 'Ann Ledger', source: 'email', body: 'Please see the scan.', attachments: [expect.objectContaining({ filename: 'scan.pdf' })] }),
    ]);
    expect(result.refusedAttachments).toEqual([{ filename: 'virus.exe', reason: expect.stringContaining("can't be attached") }]);
    const stored = await database().db.selectFrom('ticket_messages').select(['inbound_email_id', 'email_message_id']).where('ticket_id', '=', result.thread.ticket.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ inbound_email_id: 'inb_new', email_message_id: '<first@mail.globex.test>' });
    expect((await scope.tickets.list()).unreadCount).toBe(1);
    expect((await scope.audit.list('ticket', result.thread.ticket.id))[0]).toMatchObject({ actor: 'system:inbound-email', action: 'ticket.opened' });

    const blank = await database().db.transaction().execute(async (trx) => {
      await inboundRow(trx, ctx.businessId, 'inb_blank', clock.now().getTime());
      return openTicketFromEmail(trx, ctx, { inboundEmailId: 'inb_blank', clientId: client.id, contactId: ann.id, subject: null, text: 'Hi' });
    });
    expect(blank.thread.ticket.subject).toBe('(no subject)');
  });

  it('appends a reply: reopens a closed ticket, unread for the business; a file-only email is kept, an empty one refused', async () => {
    const { ctx, scope, client, ann, clock } = await seeded();
    const { ticket } = await scope.tickets.open({ clientId: client.id, subject: 'Receipt', message: 'Hi' });
    await scope.tickets.get(ticket.id, { markRead: true });
    await scope.tickets.close(ticket.id);

    clock.advance(60_000);
    const { message } = await database().db.transaction().execute(async (trx) => {
      await inboundRow(trx, ctx.businessId, 'inb_reply', clock.now().getTime());
      return appendEmailReply(trx, ctx, ticket.id, { inboundEmailId: 'inb_reply', contactId: ann.id, text: 'x'.repeat(25_000) });
    });
    expect(message.body).toHaveLength(20_000);
    expect((await scope.tickets.get(ticket.id)).ticket).toMatchObject({ status: 'open', unread: true, messageCount: 2 });

    const fileOnly = await database().db.transaction().execute(async (trx) => {
      await inboundRow(trx, ctx.businessId, 'inb_file', clock.now().getTime());
      return appendEmailReply(trx, ctx, ticket.id, {
        inboundEmailId: 'inb_file',
        contactId: null,
        authorName: 'Ann (home address)',
        text: '   ',
        attachments: [{ filename: 'photo.pdf', content: pdf }],
      });
    });
    expect(fileOnly.message).toMatchObject({ authorName: 'Ann (home address)', body: '', attachments: [expect.objectContaining({ filename: 'photo.pdf' })] });

    const before = await countRows(database().db, ['ticket_messages', 'ticket_attachments', 'audit_log']);
    await expectPorticoError(
      database().db.transaction().execute((trx) => appendEmailReply(trx, ctx, ticket.id, { inboundEmailId: 'inb_file', contactId: ann.id, text: '' })),
      'invalid_input',
    );
    await expectPorticoError(
      database().db.transaction().execute((trx) => appendEmailReply(trx, ctx, 'tkt_elsewhere', { inboundEmailId: 'inb_file', contactId: ann.id, text: 'Hi' })),
      'ticket_not_found',
    );
    await expectPorticoError(
      database().db.transaction().execute((trx) => appendEmailReply(trx, ctx, ticket.id, { inboundEmailId: 'inb_unknown', contactId: ann.id, text: 'Hi' })),
      'inbound_email_not_found',
    );
    expect(await countRows(database().db, ['ticket_messages', 'ticket_attachments', 'audit_log'])).toEqual(before);
  });

  it("counts the business's held mail for its badge, and only its own", async () => {
    const { ctx, scope, clock } = await seeded();
    const other = await seedBusiness(database(), { name: 'Other Studio' });
    await inboundRow(database().db, ctx.businessId, 'inb_held_1', clock.now().getTime(), 'held');
    await inboundRow(database().db, ctx.businessId, 'inb_held_2', clock.now().getTime(), 'held');
    await inboundRow(database().db, ctx.businessId, 'inb_done', clock.now().getTime());
    await inboundRow(database().db, other.business.id, 'inb_other', clock.now().getTime(), 'held');

    expect(await scope.tickets.unreadCount()).toEqual({ unread: 0, held: 2 });
    expect((await scope.tickets.list()).heldCount).toBe(2);
    expect(await other.scope.tickets.unreadCount()).toEqual({ unread: 0, held: 1 });
  });
});
