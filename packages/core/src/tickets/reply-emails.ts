import { emailLinkTtlMs } from '../auth/magic-links.js';
import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import { signInLinkUrl } from '../businesses/portal-page.js';
import { clientAudience } from '../clients/client-audience.js';
import { deferredTicketAttachments, MAX_EMAIL_ATTACHMENT_BYTES } from './email-attachments.js';
import { enqueueEmail } from '../email/outbox.js';
import { deferredSignInLink, SIGN_IN_TOKEN_PLACEHOLDER } from '../auth/email-sign-in-link.js';
import { renderTicketReplyEmail } from '../email/templates/ticket-reply-email.js';
import type { BusinessContext, Executor } from '../context.js';
import { inboundDomain } from '../businesses/inbound-domain.js';
import { signTicketMessageId } from './message-id.js';
import { replyAddress, signReplyToken } from './reply-token.js';
import { businessSigningKey } from '../businesses/signing-key.js';
import type { TicketRow } from './ticket-rows.js';
import { int } from '../db/row-values.js';
import { shortened } from '../shared/shortened.js';

/** Earlier Message-IDs of the thread repeated in References, besides the thread's own and this one's. */
const MAX_REFERENCED_MESSAGES = 8;
/** Earlier messages quoted under a reply, newest first, so a client reading on a phone has the context. */
const HISTORY_MESSAGES = 3;
/** Each quoted earlier message is cut to this many characters. */
const HISTORY_MESSAGE_CHARS = 1_500;
/** Ids of other systems (a client's own Message-ID) longer than this are left out of our headers. */
const MAX_FOREIGN_ID_LENGTH = 250;
/** The outbox takes header values of up to 2000 characters. */
const MAX_HEADER_LENGTH = 2000;

export interface ReplyEmailsInput {
  ticket: TicketRow;
  messageId: string;
  authorName: string;
  body: string;
}

/**
 * Queues the business's reply to every contact of the ticket's client, in the
 * caller's transaction, and stores the Message-ID on the message. All copies
 * share our signed Message-ID (one message, several recipients) and each
 * carries its recipient's own signed reply address when the business has an
 * inbound domain. Its button is a single-use sign-in link for that contact
 * that opens this ticket; like an invoice email's, the token is made when the
 * email is sent, so the outbox holds only a placeholder. The link's client and
 * contact come from the ticket itself. References: the thread's id, the last few messages of the
 * thread that were emails, and this one; In-Reply-To: the latest of those.
 * Returns how many emails were queued (none when the client has no contact).
 */
export async function queueReplyEmails(executor: Executor, ctx: BusinessContext, input: ReplyEmailsInput): Promise<number> {
  const { ticket } = input;
  const business = toBusiness(await requireBusinessRow(executor, ctx.businessId));
  const { locale, timeZone, contacts } = await clientAudience(executor, ctx.businessId, ticket.client_id, business);
  if (contacts.length === 0) return 0;
  const domain = inboundDomain(business);
  const key = await businessSigningKey(executor, ctx.businessId);
  const idDomain = domain ?? new URL(business.portalUrl).hostname;
  const ownId = signTicketMessageId(key, ctx.businessId, { ticketId: ticket.id, messageId: input.messageId }, idDomain);
  const threadId = signTicketMessageId(key, ctx.businessId, { ticketId: ticket.id, messageId: null }, idDomain);
  const earlier = await earlierEmailIds(executor, ctx.businessId, ticket.id, input.messageId);
  const references = fitHeader([threadId, ...earlier, ownId]);
  const headers: Record<string, string> = { 'Message-ID': ownId, References: references.join(' ') };
  if (earlier.length > 0) headers['In-Reply-To'] = earlier[earlier.length - 1]!;
  const history = await threadHistory(executor, ctx.businessId, ticket.id, input.messageId);
  const files = await replyFiles(executor, ctx.businessId, input.messageId);
  const attached = files.mode === 'attached' ? await deferredTicketAttachments(executor, ctx.businessId, files.ids) : {};
  const ttlMs = emailLinkTtlMs(business);
  const linkExpiresAt = new Date(ctx.clock.now().getTime() + ttlMs);

  for (const contact of contacts) {
    const email = renderTicketReplyEmail({
      business: { ...business, timeZone },
      contactName: contact.name,
      ticket: { number: Number(ticket.number), subject: ticket.subject },
      authorName: input.authorName,
      message: input.body,
      link: signInLinkUrl(business, SIGN_IN_TOKEN_PLACEHOLDER),
      linkExpiresAt,
      repliesByEmail: domain !== null,
      files: files.mode,
      history,
      locale,
    });
    const replyTo = domain === null ? null : replyAddress(signReplyToken(key, ctx.businessId, { ticketId: ticket.id, contactId: contact.id }), domain);
    const link = { clientId: ticket.client_id, contactId: contact.id, purpose: 'ticket_email', invoiceId: null, ticketId: ticket.id, ttlMs } as const;
    await enqueueEmail(
      executor,
      ctx,
      { kind: 'ticket_reply', ticketMessageId: input.messageId, to: contact.email, replyTo, headers, ...email },
      { ...attached, ...deferredSignInLink(link, email) },
    );
  }
  await executor
    .updateTable('ticket_messages')
    .set({ email_message_id: ownId })
    .where('business_id', '=', ctx.businessId)
    .where('id', '=', input.messageId)
    .execute();
  return contacts.length;
}

/**
 * The message's files, as its emails carry them: attached when they come to
 * at most MAX_EMAIL_ATTACHMENT_BYTES together (the outbox names them; their
 * bytes are read when each email is sent), else left in the portal, which
 * the email says.
 */
async function replyFiles(executor: Executor, businessId: string, messageId: string): Promise<{ mode: 'attached' | 'in_portal' | 'none'; ids: string[] }> {
  const files = await executor
    .selectFrom('ticket_attachments')
    .select(['id', 'size'])
    .where('business_id', '=', businessId)
    .where('message_id', '=', messageId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (files.length === 0) return { mode: 'none', ids: [] };
  const total = files.reduce((sum, file) => sum + Number(file.size), 0);
  return total <= MAX_EMAIL_ATTACHMENT_BYTES ? { mode: 'attached', ids: files.map((file) => file.id) } : { mode: 'in_portal', ids: [] };
}

/** The thread's latest messages before this one that the client saw (no internal notes), newest first. */
async function threadHistory(executor: Executor, businessId: string, ticketId: string, messageId: string): Promise<Array<{ authorName: string; at: Date; text: string }>> {
  const rows = await executor
    .selectFrom('ticket_messages')
    .select(['author_name', 'body_text', 'created_at'])
    .where('business_id', '=', businessId)
    .where('ticket_id', '=', ticketId)
    .where('id', '!=', messageId)
    .where('internal', '=', 0)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(HISTORY_MESSAGES)
    .execute();
  return rows
    .filter((row) => row.body_text.trim() !== '')
    .map((row) => ({
      authorName: row.author_name,
      at: new Date(int(row.created_at)),
      text: shortened(row.body_text, HISTORY_MESSAGE_CHARS),
    }));
}

/** Message-IDs of the thread's earlier emails (ours and the client's), oldest first. */
async function earlierEmailIds(executor: Executor, businessId: string, ticketId: string, messageId: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('ticket_messages')
    .select('email_message_id')
    .where('business_id', '=', businessId)
    .where('ticket_id', '=', ticketId)
    .where('id', '!=', messageId)
    .where('internal', '=', 0)
    .where('email_message_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_REFERENCED_MESSAGES)
    .execute();
  return rows
    .map((row) => normalizeMessageId(row.email_message_id!))
    .filter((id): id is string => id !== undefined)
    .reverse();
}

/** Distinct ids, dropping the oldest earlier ones (never the first or last) until the header fits the outbox's limit. */
function fitHeader(ids: string[]): string[] {
  const distinct = [...new Set(ids)];
  while (distinct.length > 2 && distinct.join(' ').length > MAX_HEADER_LENGTH) distinct.splice(1, 1);
  return distinct;
}

/** `<local@domain>`, one token, or undefined for something that can't go in a header. */
function normalizeMessageId(value: string): string | undefined {
  const trimmed = value.trim();
  const id = trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
  return id.length <= MAX_FOREIGN_ID_LENGTH && /^<[^<>\s]+@[^<>\s]+>$/.test(id) ? id : undefined;
}
