import { describeEachDatabase, seedBusiness } from '@portico/core/testing';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DnsResolver } from '@portico/core';
import type { Logger } from '../http/logger.js';
import { createPortico, type Portico } from '../create-portico.js';
import { startInboundSmtp, type InboundSmtp } from './inbound-smtp.js';

const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** DNS from a table, so no test asks the real one: by default no domain publishes SPF or DMARC. */
function tableDns(records: Record<string, string> = {}): DnsResolver {
  return async (name, rrtype) => {
    const record = records[`${rrtype} ${name.toLowerCase()}`];
    if (record) return [[record]];
    throw Object.assign(new Error(`no ${rrtype} record for ${name}`), { code: 'ENOTFOUND' });
  };
}

describeEachDatabase('the inbound SMTP listener', (database) => {
  let portico: Portico;
  let smtp: InboundSmtp;
  beforeAll(async () => {
    portico = await createPortico({ database: database(), logger: quietLogger });
    smtp = await startInboundSmtp({ portico, port: 0, host: '127.0.0.1', maxSize: 64 * 1024, logger: quietLogger, dnsResolver: tableDns() });
  });
  afterAll(async () => {
    await smtp.close();
  });

  function mailer() {
    // Plain SMTP to a local listener: no STARTTLS, the way a test MTA on loopback would talk.
    return nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  }

  async function ticketWithReplyAddress() {
    const domain = `reply-${Math.random().toString(36).slice(2, 10)}.harborpine.test`;
    const seeded = await seedBusiness(database(), { settings: { inboundDomain: domain } });
    const scope = portico.api.business(seeded.business.id);
    const ann = seeded.client.contacts[0]!;
    const opened = await scope.tickets.open({ clientId: seeded.client.id, contactId: ann.id, subject: 'VAT', message: 'Why 19%?' });
    await scope.tickets.reply(opened.ticket.id, { authorName: 'Harbor & Pine Studio', message: 'Because the studio is in Germany.' });
    const sent = await database()
      .db.selectFrom('outbox_emails')
      .select('reply_to')
      .where('business_id', '=', seeded.business.id)
      .where('kind', '=', 'ticket_reply')
      .executeTakeFirstOrThrow();
    const stored = async () => database().db.selectFrom('inbound_emails').selectAll().where('business_id', '=', seeded.business.id).execute();
    return { ...seeded, scope, domain, ticketId: opened.ticket.id, replyTo: sent.reply_to!, stored };
  }

  it('takes a reply sent with nodemailer into the thread, stripped', async () => {
    const t = await ticketWithReplyAddress();
    const info = await mailer().sendMail({
      from: 'Ann Ledger <ann@globex.test>',
      to: t.replyTo,
      subject: 'Re: [#1] VAT',
      text: 'Understood, thank you.\n\nAm Di., 10. März 2026 um 09:00 Uhr schrieb Harbor & Pine Studio <studio@harborpine.test>:\n> Because the studio is in Germany.\n',
    });
    expect(info.accepted).toEqual([t.replyTo]);

    const thread = await t.scope.tickets.get(t.ticketId);
    expect(thread.messages.at(-1)).toMatchObject({ authorName: 'Ann Ledger', body: 'Understood, thank you.', source: 'email' });
    const [row] = await t.stored();
    expect(row).toMatchObject({ source: 'smtp', status: 'appended', ticket_id: t.ticketId });
    // The bytes as they came over the wire, nodemailer's own headers included.
    expect(Buffer.from(row!.raw).toString('utf8')).toContain(`Message-ID: ${info.messageId}`);
  });

  it('checks the sender itself: a reply whose From fails DMARC is held, however right its reply address', async () => {
    // globex.test sends only from 192.0.2.25 and asks receivers to reject the rest; this test sends from 127.0.0.1.
    const strict = await startInboundSmtp({
      portico,
      port: 0,
      host: '127.0.0.1',
      logger: quietLogger,
      dnsResolver: tableDns({ 'TXT globex.test': 'v=spf1 ip4:192.0.2.25 -all', 'TXT _dmarc.globex.test': 'v=DMARC1; p=reject' }),
    });
    try {
      const t = await ticketWithReplyAddress();
      const forged = nodemailer.createTransport({ host: '127.0.0.1', port: strict.port, secure: false, ignoreTLS: true });
      const info = await forged.sendMail({ from: 'Ann Ledger <ann@globex.test>', to: t.replyTo, subject: 'Re: [#1] VAT', text: 'New bank details: pay DE00 0000.' });
      expect(info.accepted).toEqual([t.replyTo]);
      expect((await t.scope.tickets.get(t.ticketId)).messages).toHaveLength(2);
      const [row] = await t.stored();
      expect(row).toMatchObject({ status: 'held', hold_reason: 'sender_not_authenticated', ticket_id: t.ticketId });
    } finally {
      await strict.close();
    }
  });

  it('opens a ticket from mail to any address at the inbound domain, from a known contact', async () => {
    const t = await ticketWithReplyAddress();
    await mailer().sendMail({ from: 'ann@globex.test', to: `support@${t.domain}`, subject: 'New address', text: 'We moved to 1 Main St.' });
    const [row] = await t.stored();
    expect(row).toMatchObject({ status: 'appended', classification: 'new' });
    expect((await t.scope.tickets.get(row!.ticket_id!)).ticket.subject).toBe('New address');
  });

  it('refuses unknown recipients at RCPT TO, before the message is sent', async () => {
    const t = await ticketWithReplyAddress();
    await expect(mailer().sendMail({ from: 'ann@globex.test', to: 'someone@elsewhere.test', subject: 'Hi', text: 'Hello' })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await t.stored()).toEqual([]);
  });

  it('refuses a message over the size limit with 552', async () => {
    const t = await ticketWithReplyAddress();
    await expect(mailer().sendMail({ from: 'ann@globex.test', to: t.replyTo, subject: 'Big', text: 'x'.repeat(100 * 1024) })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(await t.stored()).toEqual([]);
  });
});
