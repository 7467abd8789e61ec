import { requireBusinessRow } from '../../businesses/businesses.js';
import type { BusinessContext, Executor } from '../../context.js';
import { PorticoError, isPorticoError } from '../../shared/errors.js';
import { appendEmailReply, matchTicketMessageIds, openTicketFromEmail, type AttachmentInput, type RefusedAttachment } from '../index.js';
import { bounceNote, recordBounce } from './record-bounce.js';
import { classifyInbound } from '../../email/inbound/classify-inbound.js';
import {
  findDuplicate,
  insertInboundRow,
  newInboundRow,
  updateInboundRow,
  type InboundSource,
  type ReceivedInbound,
} from './inbound-store.js';
import { matchInbound } from './match-inbound.js';
import { inboundBytes, parseInbound, type ParsedInbound } from '../../email/inbound/parse-inbound.js';
import { checkSender, type HoldReason } from './sender-check.js';
import { dmarcFromAuthenticationResults, trustedAuthServId, type DmarcResult } from './sender-authentication.js';
import { parseJson } from '../../db/row-values.js';
import { removedText, stripReplyDetailed } from '../../email/inbound/strip-reply.js';

export { findByProviderMessageId, type InboundOutcome, type InboundSource, type ReceivedInbound } from './inbound-store.js';

export interface ReceiveInboundOptions {
  /** Where it came from: Resend's webhook, a raw MIME POST, or the SMTP listener. */
  source: InboundSource;
  /** The provider's id for the received message (Resend's email id): a webhook sent again is then not fetched again. */
  providerMessageId?: string | null;
  /** RCPT TO addresses (SMTP) or the provider's `received_for`: a reply address Bcc'd is seen only there. */
  envelopeRecipients?: readonly string[];
  /**
   * DMARC of the From address as the caller checked it (Portico's SMTP
   * listener checks it itself). Without it, the top Authentication-Results
   * header counts when the business's trusted receiving host wrote it.
   */
  senderDmarc?: DmarcResult;
}

const sources: readonly InboundSource[] = ['resend', 'raw', 'smtp'];

/**
 * The text handed to the stripper, at most: a thread message holds far less
 * (tickets' MAX_MESSAGE_LENGTH), and a reply is found at the top of its
 * quoted history, so a 20 MB body costs no more than this.
 */
const MAX_TEXT_TO_STRIP = 2_000_000;

/**
 * One inbound email, from any source, through the whole pipeline: parsed,
 * kept raw, de-duplicated, classified, matched to a ticket, its sender
 * checked, stripped of quoted history and signature, and appended (or a
 * ticket opened, or held for a person, or ignored). All of it in one
 * transaction with the stored row, so a failure keeps nothing and the sender
 * may deliver again, and two deliveries at once are stored and acted on once.
 */
export async function receiveInbound(ctx: BusinessContext, raw: Uint8Array | string, options: ReceiveInboundOptions): Promise<ReceivedInbound> {
  const { source, providerMessageId, envelopeRecipients, senderDmarc } = requireOptions(options);
  const bytes = inboundBytes(raw);
  const mail = await parseInbound(bytes);
  const row = newInboundRow(ctx, mail, bytes, { source, providerMessageId });
  const stripped = stripReplyDetailed(mail.text.length > MAX_TEXT_TO_STRIP ? mail.text.slice(0, MAX_TEXT_TO_STRIP) : mail.text);
  const body = stripped.text;
  const quotedText = removedText(stripped);

  return ctx.db.transaction().execute(async (trx) => {
    const business = await requireBusinessRow(trx, ctx.businessId);
    if (!(await insertInboundRow(trx, row))) return (await findDuplicate(trx, ctx.businessId, row.dedupe_key))!;
    const done = (outcome: ReceivedInbound['outcome'], ticketId: string | null): ReceivedInbound => ({ id: row.id, outcome, ticketId });

    const match = await matchInbound(trx, ctx.businessId, mail, envelopeRecipients);
    const sentByUs = mail.messageId !== null && (await matchTicketMessageIds(trx, ctx.businessId, [`<${mail.messageId}>`])) !== undefined;
    const classification = classifyInbound(mail, { addressedWithToken: match?.via === 'token', sentByUs });
    if (classification.kind !== 'message') {
      // A bounce marks the email of ours it is about; it still never reaches a thread.
      const bounce = classification.kind === 'bounce' ? await recordBounce(trx, ctx, bytes) : undefined;
      await updateInboundRow(trx, ctx.businessId, row.id, {
        classification: classification.kind,
        status: 'ignored',
        ticket_id: match?.ticketId ?? null,
        note: bounce ? bounceNote(classification.reason ?? 'a bounce', bounce.report, bounce.marked) : `Not added to any ticket: ${classification.reason}.`,
        body_text: body,
        quoted_text: quotedText,
      });
      return done('ignored', match?.ticketId ?? null);
    }

    const decision = await checkSender(trx, ctx.businessId, mail.from?.address ?? null, match);
    const authServId = trustedAuthServId(parseJson<Record<string, unknown>>(business.settings, {}));
    const dmarc = senderDmarc ?? (authServId ? dmarcFromAuthenticationResults(mail.headers.get('authentication-results'), authServId) : 'unknown');
    const known = {
      classification: match ? ('reply' as const) : ('new' as const),
      body_text: body,
      quoted_text: quotedText,
      client_id: decision.clientId,
      contact_id: decision.contactId,
    };
    const hold = async (reason: HoldReason) => {
      await updateInboundRow(trx, ctx.businessId, row.id, { ...known, status: 'held', hold_reason: reason, ticket_id: match?.ticketId ?? null });
      return done('held', match?.ticketId ?? null);
    };
    if (decision.action === 'hold') return hold(decision.reason);
    // Whoever the From names, a message its domain disowns never speaks as a client.
    if (dmarc === 'fail') return hold('sender_not_authenticated');

    const write = { inboundEmailId: row.id, mail, body, quotedText, contactId: decision.contactId, clientId: decision.clientId };
    const written = await writeToTicket(trx, ctx, write, decision.action === 'append' ? decision.ticketId : null);
    if (written === 'empty') return hold('empty_message');
    await updateInboundRow(trx, ctx.businessId, row.id, { ...known, status: 'appended', ticket_id: written.ticketId, note: refusedNote(written.refused) });
    return done(decision.action === 'append' ? 'appended' : 'opened', written.ticketId);
  });
}

export interface InboundWrite {
  inboundEmailId: string;
  mail: ParsedInbound;
  /** The stripped text. */
  body: string;
  /** What the stripper removed from it, or null. */
  quotedText: string | null;
  clientId: string;
  contactId: string | null;
}

/**
 * Appends to `ticketId`, or opens a ticket for the client when it is null.
 * 'empty' when there is nothing to add: no text left and no file that fits.
 */
export async function writeToTicket(
  trx: Executor,
  ctx: BusinessContext,
  write: InboundWrite,
  ticketId: string | null,
): Promise<{ ticketId: string; refused: RefusedAttachment[] } | 'empty'> {
  const { mail } = write;
  if (write.body.trim() === '' && mail.attachments.length === 0) return 'empty';
  const input = {
    inboundEmailId: write.inboundEmailId,
    contactId: write.contactId,
    authorName: mail.from ? mail.from.name || mail.from.address : null,
    text: write.body,
    quotedText: write.quotedText,
    attachments: mail.attachments satisfies AttachmentInput[],
    emailMessageId: mail.messageId ? `<${mail.messageId}>` : null,
  };
  try {
    if (ticketId !== null) {
      const { refusedAttachments } = await appendEmailReply(trx, ctx, ticketId, input);
      return { ticketId, refused: refusedAttachments };
    }
    const { thread, refusedAttachments } = await openTicketFromEmail(trx, ctx, { ...input, clientId: write.clientId, subject: mail.subject });
    return { ticketId: thread.ticket.id, refused: refusedAttachments };
  } catch (error) {
    // No text and every file refused: found out before anything is written.
    if (isPorticoError(error) && error.code === 'invalid_input' && error.field === 'text') return 'empty';
    throw error;
  }
}

/** The note on the stored email about files left out, or null when all were kept. */
export function refusedNote(refused: readonly RefusedAttachment[]): string | null {
  if (refused.length === 0) return null;
  return `Attachments left out: ${refused.map((file) => `${file.filename} (${file.reason})`).join('; ')}`.slice(0, 4000);
}

const dmarcResults: readonly (DmarcResult | undefined)[] = ['pass', 'fail', 'none', 'unknown', undefined];

function requireOptions(options: ReceiveInboundOptions): { source: InboundSource; providerMessageId: string | null; envelopeRecipients: string[]; senderDmarc: DmarcResult | undefined } {
  if (typeof options !== 'object' || options === null || !sources.includes(options.source)) {
    throw new PorticoError('invalid_input', `source must be one of ${sources.join(', ')}.`, { field: 'source' });
  }
  const { providerMessageId = null, envelopeRecipients = [] } = options;
  if (providerMessageId !== null && (typeof providerMessageId !== 'string' || providerMessageId === '' || providerMessageId.length > 255)) {
    throw new PorticoError('invalid_input', 'providerMessageId must be text of at most 255 characters.', { field: 'providerMessageId' });
  }
  if (!Array.isArray(envelopeRecipients) || envelopeRecipients.length > 100 || envelopeRecipients.some((a) => typeof a !== 'string' || a.length > 320)) {
    throw new PorticoError('invalid_input', 'envelopeRecipients must be a list of at most 100 addresses.', { field: 'envelopeRecipients' });
  }
  if (!dmarcResults.includes(options.senderDmarc)) {
    throw new PorticoError('invalid_input', 'senderDmarc must be pass, fail, none or unknown.', { field: 'senderDmarc' });
  }
  return { source: options.source, providerMessageId, envelopeRecipients, senderDmarc: options.senderDmarc };
}
