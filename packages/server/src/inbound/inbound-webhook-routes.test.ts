import { randomBytes } from 'node:crypto';
import type { PorticoDatabase } from '@portico/core';
import { buildTestEmail, describeEachDatabase, openTestSqlite, seedBusiness } from '@portico/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPortico } from '../create-portico.js';
import type { Logger } from '../http/logger.js';
import { FakeResendInbound, svixHeaders } from '../testing/fake-resend-inbound.js';

const encryptionKey = randomBytes(32).toString('base64');
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const RAW_SECRET = randomBytes(32).toString('hex');
const API_KEY = 're_test_inbound_key';
const DOMAIN = 'reply.harborpine.test';

let fake: FakeResendInbound;
beforeAll(async () => {
  fake = await new FakeResendInbound().start();
});
afterAll(async () => {
  await fake.stop();
});

/** A business receiving mail by webhook and raw POST, with a ticket its emailed answer's reply address points at. */
async function receivingBusiness(database: PorticoDatabase) {
  const seeded = await seedBusiness(database, { settings: { inboundDomain: DOMAIN } });
  const logLines: string[] = [];
  const log = (message: string, fields?: Record<string, unknown>) => void logLines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  const logger: Logger = { info: log, warn: log, error: log };
  const portico = await createPortico({ database, clock: seeded.clock, logger, encryptionKey, resendBaseUrl: fake.baseUrl });
  const scope = portico.api.business(seeded.business.id);
  await scope.inbound.settings.configure({ rawSecret: RAW_SECRET, resendWebhookSecret: WEBHOOK_SECRET, resendApiKey: API_KEY });
  const ann = seeded.client.contacts[0]!;
  const opened = await scope.tickets.open({ clientId: seeded.client.id, contactId: ann.id, subject: 'VAT', message: 'Why 19%?' });
  await scope.tickets.reply(opened.ticket.id, { authorName: 'Harbor & Pine Studio', message: 'Because the studio is in Germany.' });
  const sent = await database.db
    .selectFrom('outbox_emails')
    .select('reply_to')
    .where('business_id', '=', seeded.business.id)
    .where('kind', '=', 'ticket_reply')
    .executeTakeFirstOrThrow();
  const storedCount = async () =>
    (await database.db.selectFrom('inbound_emails').select('id').where('business_id', '=', seeded.business.id).execute()).length;
  const lastMessage = async () => (await scope.tickets.get(opened.ticket.id)).messages.at(-1)!;
  const postRaw = (raw: string | Uint8Array, authorization: string | null = `Bearer ${RAW_SECRET}`, slug = seeded.business.slug) =>
    portico.app.request(`/webhooks/email/raw/${slug}`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', ...(authorization === null ? {} : { authorization }) },
      body: raw,
    });
  const postResend = (payload: string, headers: Record<string, string>, slug = seeded.business.slug) =>
    portico.app.request(`/webhooks/email/resend/${slug}`, { method: 'POST', headers, body: payload });
  return { ...seeded, portico, scope, logLines, ticketId: opened.ticket.id, replyTo: sent.reply_to!, storedCount, lastMessage, postRaw, postResend };
}

const reply = (text: string) => `${text}\n\nOn Tue, 10 Mar 2026 at 09:00, Harbor & Pine Studio <studio@harborpine.test> wrote:\n> Because the studio is in Germany.\n`;

describeEachDatabase('inbound mail over HTTP', (database) => {
  it('refuses a Resend webhook with a bad signature, storing and fetching nothing', async () => {
    const b = await receivingBusiness(database());
    const { event } = fake.receive(buildTestEmail({ to: b.replyTo, text: 'Forged?' }), [b.replyTo]);
    const requestsBefore = fake.requests.length;

    const wrongSecret = await b.postResend(event, svixHeaders(event, `whsec_${randomBytes(24).toString('base64')}`));
    const tampered = await b.postResend(event.replace('email.received', 'email.received '), svixHeaders(event, WEBHOOK_SECRET));
    const stale = await b.postResend(event, svixHeaders(event, WEBHOOK_SECRET, { timestamp: Math.floor(Date.now() / 1000) - 3600 }));
    const unsigned = await b.postResend(event, { 'content-type': 'application/json' });

    for (const response of [wrongSecret, tampered, stale, unsigned]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    }
    expect(await b.storedCount()).toBe(0);
    expect(fake.requests.length).toBe(requestsBefore);
    expect(b.logLines.join('\n')).not.toContain(WEBHOOK_SECRET);
  });

  it('tells a caller without the secret nothing: an unknown business and one without Resend answer as a bad signature does', async () => {
    const b = await receivingBusiness(database());
    const other = await b.portico.api.businesses.create({ name: 'No Resend Ltd', portalUrl: 'https://billing.noresend.test/portal' });
    const { event } = fake.receive(buildTestEmail({ to: b.replyTo, text: 'Who is there?' }), [b.replyTo]);
    const signed = svixHeaders(event, WEBHOOK_SECRET);
    const answers = [
      await b.postResend(event, svixHeaders(event, `whsec_${randomBytes(24).toString('base64')}`)),
      await b.postResend(event, signed, 'no-such-business'),
      await b.postResend(event, signed, other.slug),
    ];
    const seen = await Promise.all(answers.map(async (response) => ({ status: response.status, body: await response.json() })));
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[0]).toMatchObject({ status: 400, body: { error: { code: 'invalid_signature' } } });
    // The log says which it was, for whoever runs the server.
    expect(b.logLines.join('\n')).toMatch(/business_not_found[\s\S]*inbound_not_configured/);
  });

  it('takes a signed email.received end to end: fetched from Resend, raw downloaded, stripped into the thread, once', async () => {
    const b = await receivingBusiness(database());
    const { event, emailId } = fake.receive(buildTestEmail({ to: b.replyTo, text: reply('Paid this morning.') }), [b.replyTo]);
    const requestsBefore = fake.requests.length;

    const response = await b.postResend(event, svixHeaders(event, WEBHOOK_SECRET));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true, event: 'email.received', outcome: 'appended', ticketId: b.ticketId });
    expect(await b.lastMessage()).toMatchObject({ body: 'Paid this morning.', source: 'email', authorName: 'Ann Ledger' });
    expect(fake.requests.slice(requestsBefore)).toEqual([
      { path: `/emails/receiving/${emailId}`, authorization: `Bearer ${API_KEY}` },
      { path: `/raw/${emailId}`, authorization: undefined },
    ]);

    // Resend delivers again (a lost answer): acknowledged, not fetched or stored again.
    const again = await b.postResend(event, svixHeaders(event, WEBHOOK_SECRET));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate', ticketId: b.ticketId });
    expect(fake.requests.length).toBe(requestsBefore + 2);
    expect(await b.storedCount()).toBe(1);
  });

  it('acknowledges other Resend events without acting, and answers 5xx when Resend cannot give the email', async () => {
    const b = await receivingBusiness(database());
    const delivered = JSON.stringify({ type: 'email.delivered', created_at: new Date().toISOString(), data: { email_id: 'x' } });
    const ignored = await b.postResend(delivered, svixHeaders(delivered, WEBHOOK_SECRET));
    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toMatchObject({ event: 'email.delivered', outcome: 'ignored' });

    const missing = JSON.stringify({ type: 'email.received', created_at: new Date().toISOString(), data: { email_id: 'no-such-email' } });
    const failed = await b.postResend(missing, svixHeaders(missing, WEBHOOK_SECRET));
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ error: { code: 'inbound_fetch_failed' } });
    expect(await b.storedCount()).toBe(0);
  });

  it('takes a signed email.bounced: the email Resend sent is marked bounced once; an unknown id is acknowledged and changes nothing', async () => {
    const b = await receivingBusiness(database());
    const sent = await database()
      .db.selectFrom('outbox_emails')
      .select('id')
      .where('business_id', '=', b.business.id)
      .where('kind', '=', 'ticket_reply')
      .executeTakeFirstOrThrow();
    const resendId = `re_${randomBytes(8).toString('hex')}`;
    // As the outbox records an email Resend accepted.
    await database().db.updateTable('outbox_emails').set({ status: 'sent', provider_message_id: resendId, sent_at: b.clock.now().getTime() }).where('id', '=', sent.id).execute();
    const bounced = (emailId: string) =>
      JSON.stringify({
        type: 'email.bounced',
        created_at: new Date().toISOString(),
        data: {
          email_id: emailId,
          created_at: new Date().toISOString(),
          from: 'no-reply@billing.harborpine.test',
          to: ['ann@globex.test'],
          subject: '[#1] VAT',
          bounce: { type: 'Permanent', subType: 'General', message: 'The recipient server said: 550 5.1.1 mailbox unavailable' },
        },
      });
    const event = bounced(resendId);

    const forged = await b.postResend(event, svixHeaders(event, `whsec_${randomBytes(24).toString('base64')}`));
    expect(forged.status).toBe(400);
    expect((await database().db.selectFrom('outbox_emails').select('status').where('id', '=', sent.id).executeTakeFirstOrThrow()).status).toBe('sent');

    b.clock.advance(60_000);
    const first = await b.postResend(event, svixHeaders(event, WEBHOOK_SECRET));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, event: 'email.bounced', outcome: 'bounced', id: sent.id, ticketId: null });
    const row = await database().db.selectFrom('outbox_emails').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'bounced', bounce_status: '5.1.1', bounce_reason: 'Permanent, General: The recipient server said: 550 5.1.1 mailbox unavailable' });
    expect(Number(row.bounced_at)).toBe(b.clock.now().getTime());

    b.clock.advance(60_000);
    const repeat = await b.postResend(event, svixHeaders(event, WEBHOOK_SECRET));
    expect(await repeat.json()).toEqual({ received: true, event: 'email.bounced', outcome: 'ignored', id: null, ticketId: null });
    expect(await database().db.selectFrom('outbox_emails').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow()).toEqual(row);
    const unknown = bounced('re_not_ours');
    const ignored = await b.postResend(unknown, svixHeaders(unknown, WEBHOOK_SECRET));
    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toMatchObject({ event: 'email.bounced', outcome: 'ignored', id: null });
    const audit = await database().db.selectFrom('audit_log').select('actor').where('entity_id', '=', sent.id).where('action', '=', 'email.bounced').execute();
    expect(audit).toEqual([{ actor: 'system:resend' }]);
    // Never in the thread.
    expect((await b.scope.tickets.get(b.ticketId)).messages).toHaveLength(2);
  });

  it('refuses a raw POST without the right secret, for any business, storing nothing', async () => {
    const b = await receivingBusiness(database());
    const raw = buildTestEmail({ to: b.replyTo, text: 'Let me in.' });
    const refused = [
      await b.postRaw(raw, null),
      await b.postRaw(raw, 'Bearer wrong-secret'),
      await b.postRaw(raw, `Basic ${Buffer.from(`x:${RAW_SECRET}`).toString('base64')}`),
      await b.postRaw(raw, `Bearer ${RAW_SECRET}`, 'no-such-business'),
    ];
    for (const response of refused) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    expect(await b.storedCount()).toBe(0);
    expect(b.logLines.join('\n')).not.toContain(RAW_SECRET);
  });

  it('takes a raw POST with the secret: appended, held, duplicate and not-an-email answered as a sender should retry', async () => {
    const b = await receivingBusiness(database());
    const raw = buildTestEmail({ to: b.replyTo, text: reply('Raw and stripped.') });
    const appended = await b.postRaw(raw);
    expect(appended.status).toBe(200);
    expect(await appended.json()).toMatchObject({ received: true, outcome: 'appended', ticketId: b.ticketId });
    expect((await b.lastMessage()).body).toBe('Raw and stripped.');

    const duplicate = await b.postRaw(raw);
    expect([duplicate.status, ((await duplicate.json()) as { outcome: string }).outcome]).toEqual([200, 'duplicate']);

    // Held for a person is still received: the sender must not send it again.
    const held = await b.postRaw(buildTestEmail({ from: 'mallory@evil.test', to: b.replyTo, text: 'Forged.' }));
    expect([held.status, ((await held.json()) as { outcome: string }).outcome]).toEqual([200, 'held']);

    const notMail = await b.postRaw('hello there');
    expect(notMail.status).toBe(400);
    expect(await notMail.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('answers 413 for a message over 25 MB', async () => {
    const b = await receivingBusiness(database());
    const raw = Buffer.concat([Buffer.from(buildTestEmail({ to: b.replyTo })), Buffer.alloc(25 * 1024 * 1024, 0x20)]);
    const response = await b.postRaw(raw);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'message_too_large' } });
    expect(await b.storedCount()).toBe(0);
  });
});

it('answers 5xx when the database fails, so the sender tries again', async () => {
  const database = await openTestSqlite();
  const b = await receivingBusiness(database);
  await database.destroy();
  const response = await b.postRaw(buildTestEmail({ to: b.replyTo, text: 'Later, please.' }));
  expect(response.status).toBe(500);
  expect(await response.json()).toMatchObject({ error: { code: 'internal_error' } });
  await database.dispose().catch(() => undefined);
});
