import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PorticoDatabase } from '../../db/create-database.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { seedBusiness } from '../../testing/fixtures.js';
import { enqueueEmail } from '../outbox.js';
import { createOutboxWorker } from '../outbox-worker.js';
import { developmentMailboxTransport } from '../transports/development-mailbox.js';
import { readBounce } from './read-bounce.js';

const silent = { warn() {}, error() {} };

/** A business whose reply to Ann's ticket went out, as sent emails, to Ann and Carl. */
async function sentReply(database: PorticoDatabase) {
  const domain = `reply-${randomBytes(4).toString('hex')}.harborpine.test`;
  const seeded = await seedBusiness(database, { settings: { inboundDomain: domain } });
  const ann = seeded.client.contacts[0]!;
  const carl = await seeded.scope.contacts.add(seeded.client.id, { name: 'Carl Books', email: 'carl@globex.test' });
  const opened = await seeded.scope.tickets.open({ clientId: seeded.client.id, contactId: ann.id, subject: 'VAT', message: 'Why 19%?' });
  const reply = await seeded.scope.tickets.reply(opened.ticket.id, { authorName: 'Harbor & Pine Studio', message: 'Because of Germany.' });
  await createOutboxWorker({ db: database.db, clock: seeded.clock, transport: developmentMailboxTransport(database.db, seeded.clock), logger: silent }).runOnce();
  const emails = await database.db.selectFrom('outbox_emails').selectAll().where('business_id', '=', seeded.business.id).where('kind', '=', 'ticket_reply').execute();
  const to = (address: string) => emails.find((email) => email.to_address === address)!;
  const messageId = (JSON.parse(to('ann@globex.test').headers) as Record<string, string>)['Message-ID']!;
  return { ...seeded, domain, ann, carl, ticketId: opened.ticket.id, replyId: reply.id, annEmail: to('ann@globex.test'), carlEmail: to('carl@globex.test'), messageId };
}

interface DsnInput {
  to: string;
  finalRecipient?: string;
  status?: string;
  diagnostic?: string;
  /** The returned headers (text/rfc822-headers), or a whole message (message/rfc822) with `returnedBody`. */
  returned: Record<string, string>;
  returnedBody?: string;
}

/** A delivery status notification (RFC 3464) as a mail server writes one. */
function dsn(input: DsnInput): string {
  const returned = Object.entries(input.returned).map(([name, value]) => `${name}: ${value}`);
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.globex.test>',
    `To: ${input.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <dsn-${randomBytes(6).toString('hex')}@mx.globex.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
    '',
    '--r',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.globex.test. Your message could not be delivered.',
    '--r',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.globex.test',
    '',
    ...(input.finalRecipient ? [`Final-Recipient: rfc822; ${input.finalRecipient}`, `Original-Recipient: rfc822;${input.finalRecipient}`] : []),
    'Action: failed',
    `Status: ${input.status ?? '5.1.1'}`,
    `Diagnostic-Code: smtp; ${input.diagnostic ?? '550 5.1.1 <ann@globex.test>: Recipient address rejected:\r\n    User unknown in virtual mailbox table'}`,
    '--r',
    input.returnedBody === undefined ? 'Content-Type: text/rfc822-headers' : 'Content-Type: message/rfc822',
    '',
    ...returned,
    ...(input.returnedBody === undefined ? [] : ['', input.returnedBody]),
    '--r--',
    '',
  ].join('\r\n');
}

describe('readBounce', () => {
  it('reads the status, the reason, the failed recipient and the returned message ids and reply address', async () => {
    const report = await readBounce(
      Buffer.from(
        dsn({
          to: 'no-reply@billing.test',
          finalRecipient: 'Ann@Globex.test',
          returned: { From: 'a@b.test', To: '"Ann" <ann@globex.test>', 'Reply-To': 'reply+abc@reply.test', 'Message-ID': '<portico-abc@reply.test>', References: '<t@reply.test> <portico-abc@reply.test>' },
        }),
      ),
    );
    expect(report).toEqual({
      status: '5.1.1',
      reason: '550 5.1.1 <ann@globex.test>: Recipient address rejected: User unknown in virtual mailbox table',
      recipients: ['ann@globex.test'],
      messageIds: ['<portico-abc@reply.test>', '<t@reply.test>'],
      replyTo: ['reply+abc@reply.test'],
    });
  });
});

describeEachDatabase('bounces of emails Portico sent', (database) => {
  async function receive(t: Awaited<ReturnType<typeof sentReply>>, raw: string) {
    const result = await t.scope.inbound.receive(raw, { source: 'smtp' });
    const stored = await database().db.selectFrom('inbound_emails').select(['status', 'classification', 'note']).where('id', '=', result.id).executeTakeFirstOrThrow();
    return { result, stored };
  }
  async function outbox(id: string) {
    return database().db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('marks the email to the failed contact bounced, by our Message-ID quoted in the DSN, and shows it on the message to the business only', async () => {
    const t = await sentReply(database());
    await t.scope.tickets.close(t.ticketId);
    const before = await t.scope.tickets.get(t.ticketId);
    t.clock.advance(5 * 60_000);
    const raw = dsn({
      to: `no-reply@billing.harborpine.test`,
      finalRecipient: 'ann@globex.test',
      returned: { From: 'no-reply@billing.harborpine.test', To: 'ann@globex.test', 'Message-ID': t.messageId, Subject: '[#1] VAT' },
    });

    const { result, stored } = await receive(t, raw);

    expect(result.outcome).toBe('ignored');
    expect(stored).toMatchObject({ status: 'ignored', classification: 'bounce' });
    expect(stored.note).toBe('Not added to any ticket: multipart/report delivery status; marked 1 sent email bounced (5.1.1).');
    const ann = await outbox(t.annEmail.id);
    expect(ann).toMatchObject({ status: 'bounced', bounce_status: '5.1.1', ticket_message_id: t.replyId });
    expect(ann.bounce_reason).toBe('550 5.1.1 <ann@globex.test>: Recipient address rejected: User unknown in virtual mailbox table');
    expect(Number(ann.bounced_at)).toBe(t.clock.now().getTime());
    expect((await outbox(t.carlEmail.id)).status).toBe('sent');
    const audit = await database().db.selectFrom('audit_log').selectAll().where('business_id', '=', t.business.id).where('action', '=', 'email.bounced').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_type: 'email', entity_id: t.annEmail.id, actor: 'api' });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ kind: 'ticket_reply', ticketMessageId: t.replyId, status: '5.1.1', via: 'dsn' });

    // Never in the thread, never reopening it; the business sees the bounce on its reply.
    const thread = await t.scope.tickets.get(t.ticketId);
    expect(thread.ticket.status).toBe('closed');
    expect(thread.messages).toHaveLength(before.messages.length);
    const replied = thread.messages.find((message) => message.id === t.replyId)!;
    expect(replied.emailBounces).toEqual([
      { to: 'ann@globex.test', bouncedAt: t.clock.now(), status: '5.1.1', reason: '550 5.1.1 <ann@globex.test>: Recipient address rejected: User unknown in virtual mailbox table' },
    ]);
    expect(thread.messages.filter((message) => message.id !== t.replyId).every((message) => message.emailBounces?.length === 0)).toBe(true);
    const clientView = await t.scope.tickets.getForClient(t.client.id, t.ticketId);
    expect(clientView.messages.every((message) => message.emailBounces === undefined)).toBe(true);

    // The same bounce again (another DSN for the same email) changes nothing.
    t.clock.advance(60_000);
    const again = await receive(t, raw.replace(/Message-ID: <dsn-[^>]+>/, 'Message-ID: <dsn-again@mx.globex.test>'));
    expect(again.stored.note).toMatch(/names no email of ours that is still marked sent/);
    expect(await outbox(t.annEmail.id)).toEqual(ann);
    expect(await database().db.selectFrom('audit_log').select('id').where('business_id', '=', t.business.id).where('action', '=', 'email.bounced').execute()).toHaveLength(1);
  });

  it('finds the email by the reply address of the returned message when its Message-ID is gone', async () => {
    const t = await sentReply(database());
    const raw = dsn({
      to: 'no-reply@billing.harborpine.test',
      status: '5.2.2',
      diagnostic: '552 5.2.2 Mailbox full',
      returned: { From: 'no-reply@billing.harborpine.test', To: 'carl@globex.test', 'Reply-To': t.carlEmail.reply_to!.toUpperCase(), Subject: 'x' },
      returnedBody: 'Because of Germany.',
    });
    const { stored } = await receive(t, raw);
    expect(stored.note).toMatch(/marked 1 sent email bounced \(5\.2\.2\)/);
    expect(await outbox(t.carlEmail.id)).toMatchObject({ status: 'bounced', bounce_status: '5.2.2', bounce_reason: '552 5.2.2 Mailbox full' });
    expect((await outbox(t.annEmail.id)).status).toBe('sent');
  });

  it('finds an email sent over SMTP by the Message-ID the transport made from its outbox id', async () => {
    const t = await sentReply(database());
    const ctx = { db: database().db, clock: t.clock, businessId: t.business.id, actor: 'api' };
    const id = await enqueueEmail(ctx.db, ctx, { kind: 'invoice_sent', to: 'ann@globex.test', subject: 'Invoice', html: '<p>Invoice</p>', text: 'Invoice' });
    await database().db.updateTable('outbox_emails').set({ status: 'sent', sent_at: t.clock.now().getTime() }).where('id', '=', id).execute();
    const raw = dsn({ to: 'no-reply@billing.harborpine.test', finalRecipient: 'ann@globex.test', returned: { From: 'x@y.test', 'Message-ID': `<${id}@billing.harborpine.test>` } });
    expect((await receive(t, raw)).stored.note).toMatch(/marked 1 sent email bounced \(5\.1\.1\)/);
    expect((await outbox(id)).status).toBe('bounced');
    expect((await outbox(t.annEmail.id)).status).toBe('sent');
  });

  it('marks nothing when the Message-ID alone cannot tell the recipients apart, or is signed by another business', async () => {
    const t = await sentReply(database());
    const shared = dsn({ to: 'no-reply@billing.harborpine.test', returned: { From: 'x@y.test', 'Message-ID': t.messageId } });
    expect((await receive(t, shared)).stored.note).toMatch(/names no email of ours/);

    const other = await sentReply(database());
    const foreign = dsn({ to: 'no-reply@billing.harborpine.test', finalRecipient: 'ann@globex.test', returned: { From: 'x@y.test', 'Message-ID': other.messageId } });
    expect((await receive(t, foreign)).stored.note).toMatch(/names no email of ours/);
    // A reply address of another business does not reach its emails from here either.
    const foreignReplyTo = dsn({ to: 'no-reply@billing.harborpine.test', returned: { From: 'x@y.test', 'Reply-To': other.annEmail.reply_to! } });
    expect((await receive(t, foreignReplyTo)).stored.note).toMatch(/names no email of ours/);
    for (const id of [t.annEmail.id, t.carlEmail.id, other.annEmail.id, other.carlEmail.id]) expect((await outbox(id)).status).toBe('sent');
  });
});
