import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { PorticoDatabase } from '../db/create-database.js';
import { deferredTicketAttachments, MAX_EMAIL_ATTACHMENT_BYTES } from './email-attachments.js';
import { enqueueEmail } from '../email/outbox.js';
import { createOutboxWorker } from '../outbox-worker.js';
import { resendTransport } from '../email/transports/resend-transport.js';
import { smtpTransport } from '../email/transports/smtp-transport.js';
import { developmentMailboxTransport } from '../email/transports/development-mailbox.js';
import { mailboxEmailAttachment, mailboxEmailAttachments } from './mailbox-attachments.js';
import type { EmailTransport } from '../email/transports/transport.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';

const silent = { warn() {}, error() {} };
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000), Buffer.from('\n%%EOF\n')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)]);

/** What an SMTP server on 127.0.0.1 received, parsed. */
const smtpReceived: ParsedMail[] = [];
const smtp = new SMTPServer({
  logger: false,
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  size: 64 * 1024 * 1024,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => void simpleParser(Buffer.concat(chunks)).then((parsed) => (smtpReceived.push(parsed), callback()), callback));
  },
});
let smtpPort = 0;

/** What Resend's `POST /emails` was given. */
const resendBodies: Array<Record<string, unknown>> = [];
let resendServer: Server;
let resendUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  resendServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      resendBodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `re_${resendBodies.length}` }));
    });
  });
  resendServer.listen(0, '127.0.0.1');
  await once(resendServer, 'listening');
  resendUrl = `http://127.0.0.1:${(resendServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  resendServer.closeAllConnections();
  await new Promise<void>((resolve) => resendServer.close(() => resolve()));
});
beforeEach(() => {
  smtpReceived.length = 0;
  resendBodies.length = 0;
});

describeEachDatabase('a business reply’s attachments in its email', (database) => {
  async function desk(db: PorticoDatabase) {
    const seeded = await seedBusiness(db, { settings: { inboundDomain: 'reply.harborpine.test' } });
    const ann = seeded.client.contacts[0]!;
    const opened = await seeded.scope.tickets.open({ clientId: seeded.client.id, contactId: ann.id, subject: 'Receipt?', message: 'Can I have the receipt?' });
    return { ...seeded, ticketId: opened.ticket.id };
  }
  async function outboxOf(businessId: string) {
    return database().db.selectFrom('outbox_emails').selectAll().where('business_id', '=', businessId).where('kind', '=', 'ticket_reply').execute();
  }
  const send = (d: Awaited<ReturnType<typeof desk>>, transport: EmailTransport) =>
    createOutboxWorker({ db: database().db, clock: d.clock, transport, logger: silent }).runOnce();

  it('attaches a PDF and a PNG to the email over SMTP: names, types and bytes as uploaded; the outbox holds only their ids', async () => {
    const d = await desk(database());
    const reply = await d.scope.tickets.reply(d.ticketId, {
      authorName: 'Harbor & Pine Studio',
      message: 'Here is the receipt, and a screenshot.',
      attachments: [
        { filename: 'receipt INV-0001.pdf', contentType: 'application/pdf', content: pdf },
        { filename: 'Screenshot.png', contentType: 'image/png', content: png },
      ],
    });
    const [row] = await outboxOf(d.business.id);
    expect(JSON.parse(row!.attachment_ids!)).toEqual(expect.arrayContaining(reply.attachments.map((file) => file.id)));
    expect(JSON.parse(row!.attachment_ids!)).toHaveLength(2);
    // Ids, not bytes: the row stays small.
    expect(JSON.stringify(row).length).toBeLessThan(20_000);
    expect(row!.text).toContain('The files sent with this reply are attached to this email.');

    expect(await send(d, smtpTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true }))).toMatchObject({ sent: 1 });
    const [mail] = smtpReceived;
    const files = [...mail!.attachments].sort((a, b) => (a.filename ?? '').localeCompare(b.filename ?? ''));
    expect(files.map((file) => [file.filename, file.contentType])).toEqual([
      ['receipt INV-0001.pdf', 'application/pdf'],
      ['Screenshot.png', 'image/png'],
    ]);
    expect(files[0]!.content.equals(pdf)).toBe(true);
    expect(files[1]!.content.equals(png)).toBe(true);
    expect(mail!.text).toContain('Here is the receipt, and a screenshot.');
  });

  it('the development mailbox lists the files an email carried and gives their bytes, only that email\'s', async () => {
    const d = await desk(database());
    const reply = await d.scope.tickets.reply(d.ticketId, {
      authorName: 'Harbor & Pine Studio',
      message: 'The receipt.',
      attachments: [
        { filename: 'receipt.pdf', contentType: 'application/pdf', content: pdf },
        { filename: 'Screenshot.png', contentType: 'image/png', content: png },
      ],
    });
    await d.scope.tickets.reply(d.ticketId, { authorName: 'Harbor & Pine Studio', message: 'And no file this time.' });
    expect(await send(d, developmentMailboxTransport(database().db, d.clock))).toMatchObject({ sent: 2 });
    const [withFiles, without] = (await outboxOf(d.business.id)).sort((a, b) => (a.attachment_ids ? -1 : b.attachment_ids ? 1 : 0));
    const [receipt, screenshot] = reply.attachments;
    expect(await mailboxEmailAttachments(database().db, withFiles!.id)).toEqual([
      { id: receipt!.id, filename: 'receipt.pdf', contentType: 'application/pdf', size: pdf.length },
      { id: screenshot!.id, filename: 'Screenshot.png', contentType: 'image/png', size: png.length },
    ]);
    expect(Buffer.from((await mailboxEmailAttachment(database().db, withFiles!.id, screenshot!.id))!.content).equals(png)).toBe(true);
    // Another email's file, or one it did not carry, is not there.
    expect(await mailboxEmailAttachments(database().db, without!.id)).toEqual([]);
    expect(await mailboxEmailAttachment(database().db, without!.id, receipt!.id)).toBeUndefined();
    expect(await mailboxEmailAttachment(database().db, 'out_nope', receipt!.id)).toBeUndefined();
  });

  it('attaches them through Resend as base64 content with file name and type', async () => {
    const d = await desk(database());
    await d.scope.tickets.reply(d.ticketId, {
      authorName: 'Harbor & Pine Studio',
      message: 'The receipt.',
      attachments: [{ filename: 'receipt.pdf', contentType: 'application/pdf', content: pdf }],
    });
    expect(await send(d, resendTransport({ apiKey: 're_test_key', baseUrl: resendUrl }))).toMatchObject({ sent: 1 });
    const mine = resendBodies.filter((body) => body.to === 'ann@globex.test' || (Array.isArray(body.to) && body.to.includes('ann@globex.test')));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.attachments).toEqual([{ filename: 'receipt.pdf', content: pdf.toString('base64'), content_type: 'application/pdf' }]);
  });

  it('keeps files over 10 MB together in the portal: nothing attached, and the email says where they are', async () => {
    const d = await desk(database());
    const big = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 16, 0x20), Buffer.from('\n%%EOF\n')]);
    const half = Math.floor(MAX_EMAIL_ATTACHMENT_BYTES / 2);
    await d.scope.tickets.reply(d.ticketId, {
      authorName: 'Harbor & Pine Studio',
      message: 'Two large scans.',
      attachments: [
        { filename: 'scan-1.pdf', contentType: 'application/pdf', content: big(half) },
        { filename: 'scan-2.pdf', contentType: 'application/pdf', content: big(half + 1) },
      ],
    });
    const [row] = await outboxOf(d.business.id);
    expect(row!.attachment_ids).toBeNull();
    expect(row!.text).toContain('too large for an email: you can open them in the client portal');
    expect(await send(d, smtpTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true }))).toMatchObject({ sent: 1 });
    expect(smtpReceived[0]!.attachments).toEqual([]);

    // Exactly at the cap, they go.
    const atCap = await desk(database());
    await atCap.scope.tickets.reply(atCap.ticketId, {
      authorName: 'Harbor & Pine Studio',
      message: 'Two scans.',
      attachments: [
        { filename: 'scan-1.pdf', contentType: 'application/pdf', content: big(half) },
        { filename: 'scan-2.pdf', contentType: 'application/pdf', content: big(MAX_EMAIL_ATTACHMENT_BYTES - half) },
      ],
    });
    expect(JSON.parse((await outboxOf(atCap.business.id))[0]!.attachment_ids!)).toHaveLength(2);
  });

  it('never emails an internal note’s files', async () => {
    const d = await desk(database());
    await d.scope.tickets.reply(d.ticketId, {
      authorName: 'Harbor & Pine Studio',
      message: 'Internal: the original scan.',
      internal: true,
      attachments: [{ filename: 'scan.pdf', contentType: 'application/pdf', content: pdf }],
    });
    expect(await outboxOf(d.business.id)).toEqual([]);
  });

  it('takes only attachments of the email’s own business, when queued and when sent', async () => {
    const d = await desk(database());
    const other = await desk(database());
    const theirs = await other.scope.tickets.reply(other.ticketId, {
      authorName: 'Other',
      message: 'Theirs.',
      internal: true,
      attachments: [{ filename: 'theirs.pdf', contentType: 'application/pdf', content: pdf }],
    });
    const ctx = { db: database().db, clock: d.clock, businessId: d.business.id, actor: 'api' };
    const email = { kind: 'test', to: 'ann@globex.test', subject: 's', html: '<p>h</p>', text: 't' };
    const before = await countRows(database().db, ['outbox_emails']);
    for (const attachmentIds of [[theirs.attachments[0]!.id], ['att_missing'], 'not a list', [42]]) {
      const queued = deferredTicketAttachments(database().db, ctx.businessId, attachmentIds).then((parts) => enqueueEmail(database().db, ctx, email, parts));
      const error = await expectPorticoError(queued, 'invalid_input');
      expect(error.field).toBe('attachmentIds');
    }
    expect(await countRows(database().db, ['outbox_emails'])).toEqual(before);

    // A row that names another business's file anyway (written around the checks) fails for good, sending nothing.
    const id = await enqueueEmail(database().db, ctx, email);
    await database().db.updateTable('outbox_emails').set({ attachment_ids: JSON.stringify([theirs.attachments[0]!.id]) }).where('id', '=', id).execute();
    const sent: unknown[] = [];
    await send(d, { name: 'capture', send: async (outgoing) => (sent.push(outgoing), { providerMessageId: null }) });
    const row = await database().db.selectFrom('outbox_emails').select(['status', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toMatch(/no longer exists/);
    expect(sent.filter((outgoing) => (outgoing as { id: string }).id === id)).toEqual([]);
  });
});
