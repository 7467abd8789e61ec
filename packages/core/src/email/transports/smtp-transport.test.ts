import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { seedBusiness } from '../../testing/fixtures.js';
import type { BusinessContext } from '../../context.js';
import { ManualClock } from '../../shared/clock.js';
import { enqueueEmail } from '../outbox.js';
import { createOutboxWorker, type OutboxLogger } from '../outbox-worker.js';
import { renderSignInEmail } from '../templates/index.js';
import { smtpTransport } from './smtp-transport.js';

const PASSWORD = 'smtp-pa55word-never-logged';

interface Received {
  mailFrom: string;
  rcptTo: string[];
  parsed: ParsedMail;
}

const received: Received[] = [];
/** Decides the reply to RCPT TO; undefined accepts. */
let rcptReply: (address: string) => { code: number; message: string } | undefined = () => undefined;

const server = new SMTPServer({
  logger: false,
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  onAuth(auth, _session, callback) {
    if (auth.username === 'portico' && auth.password === PASSWORD) callback(null, { user: 'portico' });
    else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
  },
  onRcptTo(address, _session, callback) {
    const reply = rcptReply(address.address);
    callback(reply ? Object.assign(new Error(reply.message), { responseCode: reply.code }) : null);
  },
  onData(stream, session: SMTPServerSession, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      void simpleParser(Buffer.concat(chunks)).then((parsed) => {
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          parsed,
        });
        callback();
      }, callback);
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  rcptReply = () => undefined;
});

function transport(auth?: { user: string; pass: string }) {
  return smtpTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, ...(auth ? { auth } : {}) });
}

function capturingLogger() {
  const lines: string[] = [];
  const logger: OutboxLogger = {
    warn: (message, details) => lines.push(`${message} ${JSON.stringify(details ?? {})}`),
    error: (message, details) => lines.push(`${message} ${JSON.stringify(details ?? {})}`),
  };
  return { logger, lines };
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
}

describeEachDatabase('outbox through SMTP', (database) => {
  afterEach(async () => {
    await database().db.deleteFrom('outbox_emails').execute();
  });

  async function seed() {
    const clock = new ManualClock('2026-03-10T09:00:00Z');
    const seeded = await seedBusiness(database(), { locale: 'de' }, clock);
    const ctx: BusinessContext = { db: database().db, clock, businessId: seeded.business.id, actor: 'api' };
    return { ...seeded, ctx };
  }

  it('delivers the message with its subject, recipients, headers and both parts', async () => {
    const { ctx, clock, business } = await seed();
    const link = 'https://billing.harborpine.test/portal/auth/link?token=abc&x=1';
    const email = renderSignInEmail({ business, contactName: 'Jörg Müller', link, expiresInMinutes: 10, locale: 'de' });
    const id = await enqueueEmail(ctx.db, ctx, {
      kind: 'sign_in_link',
      to: 'joerg@globex.test',
      replyTo: 'support@harborpine.test',
      headers: { 'X-Entity-Ref-ID': 'sign-in-1', 'Auto-Submitted': 'auto-generated' },
      ...email,
    });
    const worker = createOutboxWorker({ db: ctx.db, clock, transport: transport(), logger: capturingLogger().logger });
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(received).toHaveLength(1);
    const [message] = received as [Received];
    expect(message.mailFrom).toBe('no-reply@billing.harborpine.test');
    expect(message.rcptTo).toEqual(['joerg@globex.test']);
    expect(message.parsed.subject).toBe('Ihr Anmeldelink für Harbor & Pine Studio');
    expect(message.parsed.subject).toBe(email.subject);
    expect(message.parsed.from?.value).toEqual([{ address: 'no-reply@billing.harborpine.test', name: 'Harbor & Pine Studio' }]);
    expect(addresses(message.parsed.to)).toEqual(['joerg@globex.test']);
    expect(addresses(message.parsed.replyTo)).toEqual(['support@harborpine.test']);
    expect(message.parsed.headers.get('x-entity-ref-id')).toBe('sign-in-1');
    expect(message.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(message.parsed.messageId).toBe(`<${id}@billing.harborpine.test>`);
    // Both parts arrive intact: the HTML as rendered, the text with the link on its own line.
    expect(message.parsed.html).toBe(email.html);
    expect(message.parsed.text?.trimEnd()).toBe(email.text.trimEnd());
    expect(message.parsed.text?.split(/\r?\n/)).toContain(link);
    expect(message.parsed.html).toContain('Hallo Jörg Müller,');

    const row = await ctx.db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, provider_message_id: `<${id}@billing.harborpine.test>` });
  });

  it('fails a recipient the server refuses for good (550) and retries a temporary refusal (451)', async () => {
    const { ctx, clock } = await seed();
    const gone = await enqueueEmail(ctx.db, ctx, { kind: 'test', to: 'gone@globex.test', subject: 'Gone', html: '<p>x</p>', text: 'x' });
    const busy = await enqueueEmail(ctx.db, ctx, { kind: 'test', to: 'busy@globex.test', subject: 'Busy', html: '<p>x</p>', text: 'x' });
    rcptReply = (address) =>
      address === 'gone@globex.test'
        ? { code: 550, message: 'Mailbox unavailable' }
        : address === 'busy@globex.test'
          ? { code: 451, message: 'Try again later' }
          : undefined;
    const worker = createOutboxWorker({ db: ctx.db, clock, transport: transport(), logger: capturingLogger().logger, backoff: () => 30_000 });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 1 });

    const rows = new Map(
      (await ctx.db.selectFrom('outbox_emails').selectAll().where('id', 'in', [gone, busy]).execute()).map((r) => [r.id, r]),
    );
    expect(rows.get(gone)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rows.get(gone)?.last_error).toMatch(/550/);
    expect(rows.get(busy)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(rows.get(busy)?.last_error).toMatch(/451/);

    rcptReply = () => undefined;
    clock.advance(30_000);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received.map((m) => m.rcptTo)).toEqual([['busy@globex.test']]);
  });

  it('logs in when given credentials; a refused login is retried and the password never recorded', async () => {
    const { ctx, clock } = await seed();
    const id = await enqueueEmail(ctx.db, ctx, { kind: 'test', to: 'ann@globex.test', subject: 'Hello', html: '<p>x</p>', text: 'x' });
    const { logger, lines } = capturingLogger();
    const wrong = createOutboxWorker({
      db: ctx.db,
      clock,
      transport: transport({ user: 'portico', pass: `${PASSWORD}-wrong` }),
      logger,
      backoff: () => 1_000,
    });
    expect(await wrong.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const row = await ctx.db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.last_error).toMatch(/EAUTH/);
    expect(row.last_error).not.toContain(PASSWORD);
    expect(lines.join('\n')).not.toContain(PASSWORD);

    const right = createOutboxWorker({ db: ctx.db, clock, transport: transport({ user: 'portico', pass: PASSWORD }), logger });
    clock.advance(1_000);
    expect(await right.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });
});
