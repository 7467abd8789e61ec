import { recordAudit } from '../audit/audit-log.js';
import { recordTicketEvent } from '../events/event-data.js';
import type { BusinessContext } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { requireBoolean } from '../shared/validate.js';
import { prepareAttachments } from './attachment-rules.js';
import { queueReplyEmails } from './reply-emails.js';
import { optionalId, requireAuthorName, requireMessage, requireObject, requireOneOf, requireSource } from './ticket-input.js';
import type { AdminTicketSummary, AdminTicketThread, AttachmentInput, TicketMessage, TicketStatus } from './ticket-model.js';
import { adminTicketSummaries, heldInboundCount, readAdminThread, readMessage, unreadTickets } from './ticket-queries.js';
import { requireTicketRow } from './ticket-rows.js';
import { insertMessage } from './ticket-writes.js';

export interface AdminTicketListQuery {
  status?: TicketStatus | 'all';
  /** Only tickets unread (true) or read (false) by the business. */
  unread?: boolean;
  /** At most this many, newest activity first (default 200, at most 1000). */
  limit?: number;
}

export interface BusinessReplyInput {
  /** The host's user id of who answers, for the record. */
  authorId?: string;
  /** The name the client sees. */
  authorName: string;
  message: string;
  /** A note the client never sees and is never emailed. */
  internal?: boolean;
  source?: 'admin' | 'api';
  attachments?: AttachmentInput[];
}

const DEFAULT_LIST_LIMIT = 200;
const MAX_LIST_LIMIT = 1000;
const statuses = ['open', 'pending', 'closed', 'all'] as const;

/** The business's tickets, newest activity first, with the unread and held-mail counts for its badge. */
export async function listTickets(
  ctx: BusinessContext,
  query: AdminTicketListQuery = {},
): Promise<{ tickets: AdminTicketSummary[]; unreadCount: number; heldCount: number }> {
  requireObject(query, 'A ticket query');
  const status = requireOneOf(query.status, statuses, 'all', 'status');
  const unread = query.unread === undefined ? undefined : requireBoolean(query.unread, 'unread');
  const limit = query.limit === undefined ? DEFAULT_LIST_LIMIT : requireLimit(query.limit);
  const [tickets, unreadCount, heldCount] = await Promise.all([
    adminTicketSummaries(ctx.db, ctx.businessId, { ...(status === 'all' ? {} : { status }), ...(unread === undefined ? {} : { unread }), limit }),
    unreadTickets(ctx.db, ctx.businessId),
    heldInboundCount(ctx.db, ctx.businessId),
  ]);
  return { tickets, unreadCount, heldCount };
}

/** One ticket with every message, internal notes included, and the client's contacts. `markRead` clears the business's flag. */
export async function getTicket(ctx: BusinessContext, ticketId: string, options: { markRead?: boolean } = {}): Promise<AdminTicketThread> {
  const ticket = await requireTicketRow(ctx.db, ctx.businessId, ticketId);
  if (options?.markRead === true && ticket.unread_for_business === 1) {
    await ctx.db
      .updateTable('tickets')
      .set({ unread_for_business: 0 })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', ticket.id)
      .execute();
  }
  return readAdminThread(ctx.db, ctx.businessId, ticket.id);
}

/**
 * The business answers. A reply the client sees makes the ticket `pending`
 * (waiting on the client), unread for the client, and is emailed to each of
 * the client's contacts through the outbox in the same transaction. An
 * internal note changes neither status nor the client's view.
 */
export async function replyToTicket(ctx: BusinessContext, ticketId: string, input: BusinessReplyInput): Promise<TicketMessage> {
  requireObject(input, 'A reply');
  const authorName = requireAuthorName(input.authorName);
  const authorId = optionalId(input.authorId, 'authorId') ?? null;
  const body = requireMessage(input.message);
  const internal = input.internal === undefined ? false : requireBoolean(input.internal, 'internal');
  const source = requireSource(input.source, ['admin', 'api'] as const, 'admin');
  const attachments = prepareAttachments(input.attachments);

  const messageId = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await requireTicketRow(trx, ctx.businessId, ticketId);
    const now = ctx.clock.now().getTime();
    const id = await insertMessage(trx, ctx, ticket.id, now, {
      author_kind: 'business',
      author_id: authorId,
      author_name: authorName,
      body_text: body,
      source,
      internal,
      inbound_email_id: null,
      email_message_id: null,
      attachments,
    });
    await trx
      .updateTable('tickets')
      .set(
        internal
          ? { unread_for_business: 0, updated_at: now }
          : { status: 'pending', unread_for_business: 0, unread_for_client: 1, last_message_at: now, updated_at: now },
      )
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', ticket.id)
      .execute();
    const emailsQueued = internal ? 0 : await queueReplyEmails(trx, ctx, { ticket, messageId: id, authorName, body });
    await recordAudit(trx, ctx, {
      action: 'ticket.replied',
      entityType: 'ticket',
      entityId: ticket.id,
      details: { messageId: id, authorKind: 'business', authorId, internal, source, emailsQueued, attachments: attachments.length },
    });
    await recordTicketEvent(trx, ctx, 'ticket.replied', ticket.id, id);
    return id;
  });
  return readMessage(ctx.db, ctx.businessId, messageId);
}

export function closeTicket(ctx: BusinessContext, ticketId: string): Promise<AdminTicketSummary> {
  return moveTicket(ctx, ticketId, 'closed');
}

/** Opens a closed ticket again (the client reopens one simply by writing). */
export function reopenTicket(ctx: BusinessContext, ticketId: string): Promise<AdminTicketSummary> {
  return moveTicket(ctx, ticketId, 'open');
}

/** For the host's navigation badge: tickets unread by the business, and inbound mail held for review. */
export async function ticketBadgeCounts(ctx: BusinessContext): Promise<{ unread: number; held: number }> {
  const [unread, held] = await Promise.all([unreadTickets(ctx.db, ctx.businessId), heldInboundCount(ctx.db, ctx.businessId)]);
  return { unread, held };
}

/**
 * Closing needs an open or pending ticket, reopening a closed one; the
 * update is guarded by the status it expects, so of two concurrent closes
 * one wins and the other is told the ticket is already closed.
 */
async function moveTicket(ctx: BusinessContext, ticketId: string, to: 'open' | 'closed'): Promise<AdminTicketSummary> {
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await requireTicketRow(trx, ctx.businessId, ticketId);
    const now = ctx.clock.now().getTime();
    const moved = await trx
      .updateTable('tickets')
      .set({ status: to, updated_at: now })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', ticket.id)
      .where('status', to === 'closed' ? '!=' : '=', 'closed')
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) {
      throw new PorticoError(
        'invalid_status_transition',
        to === 'closed' ? `Ticket #${ticket.number} is already closed.` : `Ticket #${ticket.number} is not closed, so it can't be reopened.`,
      );
    }
    await recordAudit(trx, ctx, {
      action: to === 'closed' ? 'ticket.closed' : 'ticket.reopened',
      entityType: 'ticket',
      entityId: ticket.id,
      details: { from: ticket.status },
    });
  });
  const [summary] = await adminTicketSummaries(ctx.db, ctx.businessId, { ticketId });
  return summary!;
}

function requireLimit(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_LIST_LIMIT) return value;
  throw new PorticoError('invalid_input', `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}.`, { field: 'limit' });
}
