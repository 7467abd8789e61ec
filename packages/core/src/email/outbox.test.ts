import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import type { BusinessContext } from '../context.js';
import { ManualClock } from '../shared/clock.js';
import { enqueueEmail, markEmailBounced, type EmailMessage } from './outbox.js';
import { createOutboxWorker } from './outbox-worker.js';
import { developmentMailboxTransport, getMailboxEmail, listMailbox } from './transports/development-mailbox.js';

const message: EmailMessage = {
  kind: 'invoice_sent',
  to: 'ann@globex.test',
  subject: 'Invoice INV-0001 from Harbor & Pine Studio',
  html: '<p>Hello</p>',
  text: 'Hello',
};

const silent = { warn() {}, error() {} };

describeEachDatabase('email outbox', (database) => {
  async function seed(overrides: Parameters<typeof seedBusiness>[1] = {}) {
    const seeded = await seedBusiness(database(), overrides, new ManualClock('2026-03-10T09:00:00Z'));
    const ctx: BusinessContext = { db: database().db, clock: seeded.clock, businessId: seeded.business.id, actor: 'api' };
    return { ...seeded, ctx };
  }

  it('stores a pending email due now, from the business at its portal host', async () => {
    const { ctx, business } = await seed();
    const id = await enqueueEmail(ctx.db, ctx, { ...message, replyTo: 'billing@harborpine.test', headers: { 'X-Entity-Ref-ID': 'inv_1' } });
    const row = await ctx.db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(id).toMatch(/^out_/);
    expect(row).toMatchObject({
      business_id: business.id,
      kind: 'invoice_sent',
      to_address: 'ann@globex.test',
      from_address: '"Harbor & Pine Studio" <no-reply@billing.harborpine.test>',
      reply_to: 'billing@harborpine.test',
      subject: message.subject,
      html: message.html,
      text: message.text,
      status: 'pending',
      attempts: 0,
      locked_until: null,
      sent_at: null,
    });
    expect(Number(row.next_attempt_at)).toBe(ctx.clock.now().getTime());
    expect(JSON.parse(row.headers)).toEqual({ 'X-Entity-Ref-ID': 'inv_1' });
  });

  it('sends from settings.emailFrom when the business set one', async () => {
    const { ctx } = await seed({ settings: { emailFrom: 'Harbor Billing <billing@harborpine.test>' } });
    const id = await enqueueEmail(ctx.db, ctx, message);
    const row = await ctx.db.selectFrom('outbox_emails').select('from_address').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.from_address).toBe('Harbor Billing <billing@harborpine.test>');
  });

  it('quotes a business name with quotes and backslashes in the From address', async () => {
    const { ctx } = await seed({ name: 'Bob "The" Builder \\ Sons', portalUrl: 'https://portal.bob.test:8443/x' });
    const id = await enqueueEmail(ctx.db, ctx, message);
    const row = await ctx.db.selectFrom('outbox_emails').select('from_address').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.from_address).toBe('"Bob \\"The\\" Builder \\\\ Sons" <no-reply@portal.bob.test>');
  });

  it('is written with the transaction of the change that causes it, and vanishes with its rollback', async () => {
    const { ctx } = await seed();
    const before = await countRows(ctx.db, ['outbox_emails']);
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, ctx, message);
        throw new Error('the invoice could not be sent');
      }),
    ).rejects.toThrow('the invoice could not be sent');
    expect(await countRows(ctx.db, ['outbox_emails'])).toEqual(before);

    const id = await ctx.db.transaction().execute((trx) => enqueueEmail(trx, ctx, message));
    expect(await ctx.db.selectFrom('outbox_emails').select('id').where('id', '=', id).executeTakeFirst()).toBeDefined();
  });

  it('refuses bad messages with a clear error and stores nothing', async () => {
    const { ctx } = await seed();
    const before = await countRows(ctx.db, ['outbox_emails']);
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, to: 'not an address' }), 'invalid_email');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, to: 'a,b@globex.test' }), 'invalid_email');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, to: 'Ann <ann@globex.test>' }), 'invalid_email');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, replyTo: 'x@y' }), 'invalid_email');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, subject: '  ' }), 'invalid_input');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, text: '' }), 'invalid_input');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, kind: '' }), 'invalid_input');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, headers: { 'X-Bad': 'a\r\nBcc: evil@x.test' } }), 'invalid_input');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, headers: { Bcc: 'evil@x.test' } }), 'invalid_input');
    await expectPorticoError(enqueueEmail(ctx.db, ctx, { ...message, headers: { 'Bad Name': 'x' } }), 'invalid_input');
    await expectPorticoError(enqueueEmail(ctx.db, { ...ctx, businessId: 'biz_missing' }, message), 'business_not_found');
    expect(await countRows(ctx.db, ['outbox_emails'])).toEqual(before);
  });

  it('keeps a subject on one line', async () => {
    const { ctx } = await seed();
    const id = await enqueueEmail(ctx.db, ctx, { ...message, subject: 'Invoice\r\nBcc: evil@x.test' });
    const row = await ctx.db.selectFrom('outbox_emails').select('subject').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.subject).toBe('Invoice Bcc: evil@x.test');
  });

  it('keeps what the development mailbox delivered, newest first; bounces are marked in the outbox', async () => {
    const { ctx, clock, business } = await seed();
    const other = await seed();
    const first = await enqueueEmail(ctx.db, ctx, { ...message, to: 'Ann@Globex.test', subject: 'First' });
    const pendingOnly = await enqueueEmail(ctx.db, ctx, { ...message, subject: 'Not yet due' });
    await ctx.db.updateTable('outbox_emails').set({ next_attempt_at: clock.now().getTime() + 60_000 }).where('id', '=', pendingOnly).execute();
    const worker = createOutboxWorker({ db: ctx.db, clock, transport: developmentMailboxTransport(ctx.db, clock), logger: silent });
    await worker.runOnce();
    clock.advance(1_000);
    const second = await enqueueEmail(ctx.db, ctx, { ...message, subject: 'Second' });
    await enqueueEmail(other.ctx.db, other.ctx, { ...message, subject: 'Another business' });
    await worker.runOnce();

    const mailbox = await listMailbox(ctx.db, { businessId: business.id });
    expect(mailbox.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(mailbox[1]).toMatchObject({
      id: first,
      kind: message.kind,
      businessId: business.id,
      from: '"Harbor & Pine Studio" <no-reply@billing.harborpine.test>',
      html: message.html,
      text: message.text,
    });
    expect(mailbox[0]!.deliveredAt.getTime()).toBe(clock.now().getTime());
    expect((await listMailbox(ctx.db, { businessId: business.id, to: 'ann@globex.test' })).map((m) => m.id)).toContain(first);
    expect(await listMailbox(ctx.db, { businessId: business.id, limit: 1 })).toHaveLength(1);
    expect((await getMailboxEmail(ctx.db, second))?.subject).toBe('Second');
    expect(await getMailboxEmail(ctx.db, pendingOnly)).toBeUndefined();
    expect(await getMailboxEmail(ctx.db, 'out_missing')).toBeUndefined();

    const details = { status: '5.1.1', reason: 'User unknown', via: 'resend' as const };
    // Another business's context never reaches this business's email.
    const stranger = await seedBusiness(database(), { name: 'Other Studio' });
    expect(await markEmailBounced({ ...ctx, businessId: stranger.business.id }, `dev:${first}`, details)).toBeUndefined();
    expect(await markEmailBounced(ctx, `dev:${first}`, details)).toMatchObject({ id: first, kind: message.kind, ticketMessageId: null });
    clock.advance(60_000);
    expect(await markEmailBounced(ctx, `dev:${first}`, { ...details, reason: 'again' })).toBeUndefined();
    expect(await markEmailBounced(ctx, 'dev:unknown', details)).toBeUndefined();
    const bounced = await ctx.db.selectFrom('outbox_emails').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    expect(bounced).toMatchObject({ status: 'bounced', bounce_status: '5.1.1', bounce_reason: 'User unknown' });
    expect(Number(bounced.bounced_at)).toBe(clock.now().getTime() - 60_000);
    const audit = await ctx.db.selectFrom('audit_log').selectAll().where('entity_id', '=', first).execute();
    expect(audit.map((entry) => entry.action)).toEqual(['email.bounced']);
  });
});
