import type { BusinessContext } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { prepareAttachments } from './attachment-rules.js';
import { optionalId, requireMessage, requireObject, requireSource, requireSubject } from './ticket-input.js';
import type { AttachmentInput, TicketMessage, TicketSummary, TicketThread } from './ticket-model.js';
import { clientTicketSummaries, readClientThread, readMessage, unreadTickets } from './ticket-queries.js';
import { requireTicketRow } from './ticket-rows.js';
import { insertClientMessage, insertTicket } from './ticket-writes.js';

export interface OpenTicketInput {
  clientId: string;
  /** The contact writing; the client's name is shown when none is given. */
  contactId?: string;
  /** One line, 1 to 200 characters. */
  subject: string;
  /** 1 to 20,000 characters. */
  message: string;
  /** One of the client's own invoices that the ticket is about. */
  invoiceId?: string;
  source?: 'portal' | 'api' | 'email';
  /** The inbound email the ticket came from (see `openTicketFromEmail` for the pipeline). */
  inboundEmailId?: string;
  attachments?: AttachmentInput[];
}

export interface ClientReplyInput {
  contactId?: string;
  message: string;
  source?: 'portal' | 'email' | 'api';
  inboundEmailId?: string;
  attachments?: AttachmentInput[];
}

const clientSources = ['portal', 'api', 'email'] as const;

/** A client opens a ticket: numbered, unread for the business, linked to the client from the start. */
export async function openTicket(ctx: BusinessContext, input: OpenTicketInput): Promise<TicketThread> {
  requireObject(input, 'A new ticket');
  const draft = {
    clientId: requireClientId(input.clientId),
    contactId: optionalId(input.contactId, 'contactId') ?? null,
    subject: requireSubject(input.subject),
    body: requireMessage(input.message),
    invoiceId: optionalId(input.invoiceId, 'invoiceId') ?? null,
    source: requireSource(input.source, clientSources, 'portal'),
    inboundEmailId: optionalId(input.inboundEmailId, 'inboundEmailId') ?? null,
    attachments: prepareAttachments(input.attachments),
  };
  const ticketId = await ctx.db.transaction().execute((trx) => insertTicket(trx, ctx, draft));
  return readClientThread(ctx.db, ctx.businessId, draft.clientId, ticketId);
}

/** The client's tickets, newest activity first, and how many are unread for it. */
export async function listClientTickets(ctx: BusinessContext, clientId: string): Promise<{ tickets: TicketSummary[]; unreadCount: number }> {
  const id = requireClientId(clientId);
  const [tickets, unreadCount] = await Promise.all([
    clientTicketSummaries(ctx.db, ctx.businessId, { clientId: id }),
    unreadTickets(ctx.db, ctx.businessId, id),
  ]);
  return { tickets, unreadCount };
}

/**
 * One of the client's tickets with its messages, internal notes left out.
 * Another client's or business's ticket is `ticket_not_found`. `markRead`
 * (what the portal's thread view passes) clears the client's unread flag.
 */
export async function getClientTicket(
  ctx: BusinessContext,
  clientId: string,
  ticketId: string,
  options: { markRead?: boolean } = {},
): Promise<TicketThread> {
  const id = requireClientId(clientId);
  const ticket = await requireTicketRow(ctx.db, ctx.businessId, ticketId, id);
  if (options?.markRead === true && ticket.unread_for_client === 1) {
    await ctx.db
      .updateTable('tickets')
      .set({ unread_for_client: 0 })
      .where('business_id', '=', ctx.businessId)
      .where('client_id', '=', id)
      .where('id', '=', ticket.id)
      .execute();
  }
  return readClientThread(ctx.db, ctx.businessId, id, ticket.id);
}

/** The client writes in a thread: reopens it if closed, and marks it unread for the business. */
export async function replyAsClient(ctx: BusinessContext, clientId: string, ticketId: string, input: ClientReplyInput): Promise<TicketMessage> {
  const id = requireClientId(clientId);
  requireObject(input, 'A reply');
  const draft = {
    contactId: optionalId(input.contactId, 'contactId') ?? null,
    body: requireMessage(input.message),
    source: requireSource(input.source, clientSources, 'portal'),
    inboundEmailId: optionalId(input.inboundEmailId, 'inboundEmailId') ?? null,
    attachments: prepareAttachments(input.attachments),
  };
  const messageId = await ctx.db.transaction().execute(async (trx) => {
    const ticket = await requireTicketRow(trx, ctx.businessId, ticketId, id);
    return insertClientMessage(trx, ctx, ticket, draft);
  });
  return readMessage(ctx.db, ctx.businessId, messageId);
}

function requireClientId(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new PorticoError('invalid_input', 'clientId is required.', { field: 'clientId' });
  return value;
}
