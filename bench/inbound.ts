/**
 * inbound: email messages through the whole inbound pipeline, beside
 * mailparser alone on the same messages, in the same run.
 *
 * Setup: a fresh SQLite file in a temporary folder; one business with an
 * inbound domain, 50 clients of one contact each, two tickets per client,
 * each answered by the business (so each has an emailed reply with a reply
 * address and our signed Message-ID). Then, per round, 1,000 new messages
 * (distinct Message-IDs, so none is a duplicate) in a mix like a support
 * inbox's: 60% replies to a reply address with quoted history and a
 * signature (some in HTML only, some with a PDF attached), 15% replies
 * matched by In-Reply-To alone, 10% new mail from known contacts (a ticket
 * opens), 10% out-of-office answers (ignored), 5% from unknown senders (held).
 *
 * Measured, one message at a time, rounds alternating:
 * - parse_only_per_s: mailparser's simpleParser on the raw bytes;
 * - messages_per_s: `api.business(id).inbound.receive(raw)`: parse, store the
 *   raw message, dedupe, classify, match, check the sender, strip, append (or
 *   open, hold, ignore), each message in its own transaction;
 * - receive_p50 / receive_p99: latency of one receive.
 *
 * Bounded: fixed message counts. No network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, createPorticoApi, type BusinessApi, type InboundOutcome, type PorticoDatabase } from '@portico/core';
import { buildTestEmail } from '@portico/core/testing';
import { simpleParser } from 'mailparser';
import { elapsedMs, percentile, type Report } from './lib/figures.js';

const DOMAIN = 'reply.bench.test';
const CLIENTS = 50;
const TICKETS_PER_CLIENT = 2;
const MESSAGES_PER_ROUND = 1_000;
const WARM_UP = 100;
const ROUNDS = 2;

interface Thread {
  contactEmail: string;
  contactName: string;
  replyTo: string;
  ourMessageId: string;
}

export default async function inbound(report: Report): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'portico-bench-inbound-'));
  const database = await createDatabase({ sqlite: join(folder, 'portico.sqlite') });
  try {
    const setupStart = performance.now();
    const { scope, threads } = await setUp(database);
    report.figure('setup', elapsedMs(setupStart) / 1000, 's');

    let serial = 0;
    const corpus = () => Array.from({ length: MESSAGES_PER_ROUND }, () => message(threads, serial++));
    const warmUp = corpus().slice(0, WARM_UP);
    for (const raw of warmUp) {
      await simpleParser(raw);
      await scope.inbound.receive(raw, { source: 'raw' });
    }

    let parseMs = 0;
    let receiveMs = 0;
    let bytes = 0;
    const latencies: number[] = [];
    const outcomes = new Map<InboundOutcome, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const messages = corpus();
      bytes += messages.reduce((sum, raw) => sum + raw.length, 0);
      let start = performance.now();
      for (const raw of messages) await simpleParser(raw);
      parseMs += elapsedMs(start);

      start = performance.now();
      for (const raw of messages) {
        const one = performance.now();
        const { outcome } = await scope.inbound.receive(raw, { source: 'raw' });
        latencies.push(elapsedMs(one));
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
      receiveMs += elapsedMs(start);
    }
    const measured = ROUNDS * MESSAGES_PER_ROUND;
    if (outcomes.has('duplicate')) throw new Error('bench inbound: a message was taken for a duplicate; the corpus must not repeat.');

    report.figure('messages', measured, 'messages');
    report.figure('message_avg_size', bytes / measured / 1024, 'KB');
    report.figure('messages_per_s', measured / (receiveMs / 1000), 'messages/s');
    report.figure('parse_only_per_s', measured / (parseMs / 1000), 'messages/s');
    report.ratio('pipeline_vs_parse_only', measured / receiveMs, measured / parseMs);
    report.figure('receive_p50', percentile(latencies, 50), 'ms');
    report.figure('receive_p99', percentile(latencies, 99), 'ms');
    for (const outcome of ['appended', 'opened', 'held', 'ignored'] as const) {
      report.figure(`outcome_${outcome}`, outcomes.get(outcome) ?? 0, 'messages');
    }
  } finally {
    await database.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function setUp(database: PorticoDatabase): Promise<{ scope: BusinessApi; threads: Thread[] }> {
  const api = createPorticoApi({ db: database.db });
  const business = await api.businesses.create({
    name: 'Bench Studio',
    portalUrl: 'https://billing.bench.test/portal',
    timeZone: 'Europe/Berlin',
    settings: { inboundDomain: DOMAIN },
  });
  const scope = api.business(business.id);
  const threads: Thread[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const contact = { name: `Contact ${c}`, email: `contact${c}@client${c}.test` };
    const client = await scope.clients.create({ name: `Client ${c}`, contacts: [contact] });
    for (let t = 0; t < TICKETS_PER_CLIENT; t++) {
      const opened = await scope.tickets.open({ clientId: client.id, contactId: client.contacts[0]!.id, subject: `Question ${t} about invoice`, message: 'Could you explain the second line?' });
      await scope.tickets.reply(opened.ticket.id, { authorName: 'Bench Studio', message: 'Of course: it is the hosting for March.' });
    }
  }
  const sent = await database.db.selectFrom('outbox_emails').select(['to_address', 'reply_to', 'headers']).where('kind', '=', 'ticket_reply').execute();
  for (const row of sent) {
    const contact = /^contact(\d+)@/.exec(row.to_address);
    threads.push({
      contactEmail: row.to_address,
      contactName: `Contact ${contact?.[1] ?? '?'}`,
      replyTo: row.reply_to!,
      ourMessageId: (JSON.parse(row.headers) as Record<string, string>)['Message-ID']!,
    });
  }
  if (threads.length !== CLIENTS * TICKETS_PER_CLIENT) throw new Error(`bench inbound: expected ${CLIENTS * TICKETS_PER_CLIENT} emailed replies, found ${threads.length}.`);
  return { scope, threads };
}

const PDF = Buffer.from(`%PDF-1.4\n${'1 0 obj << /Type /Catalog >> endobj\n'.repeat(200)}trailer << >>\n%%EOF\n`);

const quotedHistory = [
  'On Tue, 10 Mar 2026 at 09:00, Bench Studio <studio@bench.test> wrote:',
  '> Of course: it is the hosting for March.',
  '>',
  '> Bench Studio',
  '> 1 Harbour Street, Hamburg',
  '>',
  '> On Mon, 9 Mar 2026 at 17:12, Client <client@client.test> wrote:',
  '>> Could you explain the second line?',
  '>> It says hosting, but we moved to our own servers in February.',
  '>> Thanks in advance.',
].join('\n');

const signature = '\n\n-- \nAccounts payable\nClient GmbH · +49 40 1234567\nThis email and any attachments are confidential.';

/** The n-th message of the mix described at the top. */
function message(threads: readonly Thread[], n: number): Buffer {
  const thread = threads[n % threads.length]!;
  const from = `${thread.contactName} <${thread.contactEmail}>`;
  const messageId = `<bench-${n}@mail.client.test>`;
  const kind = n % 20;
  const body = `Thanks for the quick answer (message ${n}).\nWe will pay the invoice this week; the PO number is ${4000 + n}.`;
  if (kind < 12) {
    const text = `${body}${signature}\n\n${quotedHistory}\n`;
    if (kind === 0) {
      const html = `<div>${body.replace(/\n/g, '<br>')}</div><div class="gmail_quote">${quotedHistory.replace(/\n/g, '<br>')}</div>`;
      return Buffer.from(buildTestEmail({ from, to: thread.replyTo, messageId, subject: 'Re: Question about invoice', html }));
    }
    const attachments = kind === 1 ? [{ filename: `remittance-${n}.pdf`, contentType: 'application/pdf', content: PDF }] : [];
    return Buffer.from(buildTestEmail({ from, to: thread.replyTo, messageId, subject: 'Re: Question about invoice', text, attachments }));
  }
  if (kind < 15) {
    return Buffer.from(
      buildTestEmail({ from, to: `support@${DOMAIN}`, messageId, inReplyTo: thread.ourMessageId, references: [thread.ourMessageId], subject: 'Re: Question', text: `${body}\n\n${quotedHistory}\n` }),
    );
  }
  if (kind < 17) return Buffer.from(buildTestEmail({ from, to: `support@${DOMAIN}`, messageId, subject: `New question ${n}`, text: `${body}${signature}` }));
  if (kind < 19) {
    return Buffer.from(
      buildTestEmail({ from, to: thread.replyTo, messageId, subject: 'Automatic reply: Question about invoice', headers: { 'Auto-Submitted': 'auto-replied' }, text: 'I am out of the office until Monday.' }),
    );
  }
  return Buffer.from(buildTestEmail({ from: `Stranger <stranger${n}@unknown.test>`, to: `support@${DOMAIN}`, messageId, subject: 'Hello', text: body }));
}
