import type { BusinessContext, Executor } from '../context.js';
import { PorticoError, isPorticoError } from '../shared/errors.js';
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_ATTACHMENT_BYTES, prepareAttachments, type PreparedAttachment } from './attachment-rules.js';
import { MAX_MESSAGE_LENGTH, MAX_QUOTED_TEXT_LENGTH, MAX_SUBJECT_LENGTH, optionalId } from './ticket-input.js';
import type { AttachmentInput, TicketMessage, TicketThread } from './ticket-model.js';
import { readClientThread, readMessage } from './ticket-queries.js';
import { requireTicketRow } from './ticket-rows.js';
import { insertClientMessage, insertTicket, type ClientMessageDraft } from './ticket-writes.js';
import { shortened } from '../shared/shortened.js';

/**
 * For the inbound pipeline: a client's email, already matched, checked and
 * stripped, written into a ticket inside the pipeline's own transaction (the
 * one that stores the inbound_emails row). Unlike the portal, an email is
 * never refused for its form: an empty subject gets a stand-in, an overlong
 * text is shortened, and files off the allow-list or over the limits are
 * left out and reported, so the words still reach the thread.
 */
export interface EmailMessageInput {
  /** The inbound_emails row this came from (same business). */
  inboundEmailId: string;
  /** The sending contact; null for mail a person accepted from an unlisted sender. */
  contactId: string | null;
  /** Shown when there is no contact: the From display name or address. */
  authorName?: string | null;
  /** The reply text, quoted history and signature stripped. May be empty when there are attachments. */
  text: string;
  /** What the stripper removed (shown to the business only); null or absent when nothing was. */
  quotedText?: string | null;
  attachments?: AttachmentInput[];
  /** The email's own Message-ID, so the business's next reply is In-Reply-To it. */
  emailMessageId?: string | null;
}

export interface EmailTicketInput extends EmailMessageInput {
  clientId: string;
  /** The email's subject; a stand-in when empty. */
  subject: string | null;
}

/** A file left out of an email message, and why (for the inbound email's note). */
export interface RefusedAttachment {
  filename: string;
  reason: string;
}

const NO_SUBJECT = '(no subject)';

/** Appends a matched email reply to a ticket: reopens it if closed and marks it unread for the business. */
export async function appendEmailReply(
  trx: Executor,
  ctx: BusinessContext,
  ticketId: string,
  input: EmailMessageInput,
): Promise<{ message: TicketMessage; refusedAttachments: RefusedAttachment[] }> {
  const { draft, refused } = emailDraft(input);
  const ticket = await requireTicketRow(trx, ctx.businessId, ticketId);
  const messageId = await insertClientMessage(trx, ctx, ticket, draft);
  return { message: await readMessage(trx, ctx.businessId, messageId), refusedAttachments: refused };
}

/** Opens a ticket from an email of a known client that answers no ticket. */
export async function openTicketFromEmail(
  trx: Executor,
  ctx: BusinessContext,
  input: EmailTicketInput,
): Promise<{ thread: TicketThread; refusedAttachments: RefusedAttachment[] }> {
  const { draft, refused } = emailDraft(input);
  const clientId = optionalId(input.clientId, 'clientId');
  if (clientId === undefined) throw new PorticoError('invalid_input', 'clientId is required.', { field: 'clientId' });
  const ticketId = await insertTicket(trx, ctx, { ...draft, clientId, subject: emailSubject(input.subject), invoiceId: null });
  return { thread: await readClientThread(trx, ctx.businessId, clientId, ticketId), refusedAttachments: refused };
}

function emailDraft(input: EmailMessageInput): { draft: ClientMessageDraft; refused: RefusedAttachment[] } {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'An email message must be an object.');
  const inboundEmailId = optionalId(input.inboundEmailId, 'inboundEmailId');
  if (inboundEmailId === undefined) throw new PorticoError('invalid_input', 'inboundEmailId is required.', { field: 'inboundEmailId' });
  const { accepted, refused } = acceptableAttachments(input.attachments ?? []);
  const text = typeof input.text === 'string' ? input.text.replace(/\r\n?/g, '\n').trim() : '';
  if (text === '' && accepted.length === 0) {
    throw new PorticoError('invalid_input', 'The email has neither text nor an attachment to add.', { field: 'text' });
  }
  const authorName = typeof input.authorName === 'string' ? input.authorName.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  return {
    draft: {
      contactId: optionalId(input.contactId, 'contactId') ?? null,
      ...(authorName === '' ? {} : { authorName }),
      body: shortened(text, MAX_MESSAGE_LENGTH),
      quotedText: quotedTextOf(input.quotedText),
      source: 'email',
      inboundEmailId,
      emailMessageId: typeof input.emailMessageId === 'string' && input.emailMessageId.length <= 250 ? input.emailMessageId.trim() : null,
      attachments: accepted,
    },
    refused,
  };
}

/** The removed text as stored: null when there is none; a long history is shortened, not refused. */
function quotedTextOf(value: unknown): string | null {
  const text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
  return text === '' ? null : shortened(text, MAX_QUOTED_TEXT_LENGTH);
}

/** Each file on its own: the good ones are kept while they fit the per-message total. */
function acceptableAttachments(files: readonly AttachmentInput[]): { accepted: PreparedAttachment[]; refused: RefusedAttachment[] } {
  const accepted: PreparedAttachment[] = [];
  const refused: RefusedAttachment[] = [];
  let total = 0;
  for (const file of Array.isArray(files) ? files : []) {
    const filename = typeof file?.filename === 'string' && file.filename !== '' ? file.filename : '(unnamed)';
    try {
      const [prepared] = prepareAttachments([file]);
      if (accepted.length === MAX_ATTACHMENTS_PER_MESSAGE) {
        refused.push({ filename, reason: `A message can have at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments.` });
        continue;
      }
      if (total + prepared!.content.length > MAX_MESSAGE_ATTACHMENT_BYTES) {
        refused.push({ filename, reason: 'The attachments of one message may add up to at most 25 MB.' });
        continue;
      }
      total += prepared!.content.length;
      accepted.push(prepared!);
    } catch (error) {
      if (!isPorticoError(error)) throw error;
      refused.push({ filename, reason: error.message });
    }
  }
  return { accepted, refused };
}

/** One line, at most 200 characters; a stand-in when the email had none. */
function emailSubject(value: string | null): string {
  // eslint-disable-next-line no-control-regex
  const line = typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim() : '';
  if (line === '') return NO_SUBJECT;
  return shortened(line, MAX_SUBJECT_LENGTH);
}
