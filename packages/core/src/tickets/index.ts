/**
 * Support tickets. The business-scoped API (`api.business(id).tickets`) is
 * wired in ../api.ts; what follows is also exported for the inbound email
 * pipeline (./inbound/: mail that arrives for a ticket; the parsing and
 * reply stripping it uses are generic, in ../email/inbound/), which works inside its own
 * transaction:
 *
 * Matching a reply:
 * - `replyTokenFromAddress(to)` then `verifyReplyToken(trx, businessId, token)`
 *   → `{ ticketId, contactId, clientId } | undefined` (tampered, foreign,
 *   unknown ids: undefined, never an error);
 * - `matchTicketMessageIds(trx, businessId, [inReplyTo, ...references newest first])`
 *   → `{ ticketId, messageId | null } | undefined`; `messageIdsIn(header)` splits a header.
 *
 * Writing it (in the same transaction as the inbound_emails row):
 * - `appendEmailReply(trx, ctx, ticketId, { inboundEmailId, contactId, authorName?, text, attachments?, emailMessageId? })`
 *   → `{ message, refusedAttachments }`: reopens a closed ticket, unread for the business;
 * - `openTicketFromEmail(trx, ctx, { clientId, contactId, subject, inboundEmailId, text, attachments?, emailMessageId? })`
 *   → `{ thread, refusedAttachments }`.
 *
 * Settings: `inboundDomain(business)` is the business's `settings.inboundDomain`
 * (lower-cased, checked), the domain of its reply addresses, or null.
 */
export { openTicket, listClientTickets, getClientTicket, replyAsClient, type OpenTicketInput, type ClientReplyInput } from './client-tickets.js';
export {
  appendEmailReply,
  openTicketFromEmail,
  type EmailMessageInput,
  type EmailTicketInput,
  type RefusedAttachment,
} from './email-tickets.js';
export {
  REPLY_TOKEN_LENGTH,
  createReplyToken,
  readReplyToken,
  replyAddress,
  replyTokenFromAddress,
  signReplyToken,
  ticketIdInReplyToken,
  verifyReplyToken,
  type ReplyTokenSubject,
  type VerifiedReplyToken,
} from './reply-token.js';
export {
  createTicketMessageId,
  matchTicketMessageIds,
  messageIdsIn,
  readTicketMessageId,
  signTicketMessageId,
  verifyTicketMessageId,
  type TicketMessageIdSubject,
} from './message-id.js';
export {
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_ATTACHMENT_BYTES,
  MAX_MESSAGE_ATTACHMENT_BYTES,
  allowedAttachmentExtensions,
  prepareAttachments,
  type PreparedAttachment,
} from './attachment-rules.js';
export { readAttachment, type AttachmentContent, type AttachmentViewer } from './attachments.js';
export { MAX_MESSAGE_LENGTH, MAX_SUBJECT_LENGTH } from './ticket-input.js';
export type {
  AdminTicketSummary,
  AdminTicketThread,
  AttachmentInput,
  TicketAttachment,
  TicketEmailBounce,
  TicketAuthorKind,
  TicketMessage,
  TicketMessageSource,
  TicketStatus,
  TicketSummary,
  TicketThread,
} from './ticket-model.js';
export { inboundDomain } from '../businesses/inbound-domain.js';
