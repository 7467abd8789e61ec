import { sql, type ExpressionBuilder } from 'kysely';
import { clientRecipients } from '../clients/contacts.js';
import type { PorticoSchema } from '../db/schema.js';
import type { Executor } from '../context.js';
import { attachmentsByMessage } from './attachments.js';
import { emailBouncesByMessage } from './email-bounces.js';
import {
  PREVIEW_SOURCE_CHARS,
  toAdminTicketSummary,
  toTicketMessage,
  toTicketSummary,
  type AdminTicketSummary,
  type AdminTicketThread,
  type TicketMessage,
  type TicketStatus,
  type TicketSummary,
  type TicketThread,
} from './ticket-model.js';
import { requireTicketRow } from './ticket-rows.js';

/** Which messages a side sees: the client never sees internal notes. */
export type TicketSide = 'client' | 'business';

export interface TicketFilter {
  clientId?: string;
  ticketId?: string;
  status?: TicketStatus;
  unread?: boolean;
  limit?: number;
}

/**
 * Tickets of the business with what a list shows, newest activity first:
 * the invoice's number, and for the side asking, its message count and the
 * first words of the last message it may see (two correlated subqueries on
 * the `ticket_messages (ticket_id, created_at)` index).
 */
function summaryQuery(executor: Executor, businessId: string, side: TicketSide, filter: TicketFilter) {
  const visible = (eb: ExpressionBuilder<PorticoSchema & { m: PorticoSchema['ticket_messages'] }, 'm' | 'tickets'>) =>
    side === 'client'
      ? eb.and([eb('m.business_id', '=', eb.ref('tickets.business_id')), eb('m.ticket_id', '=', eb.ref('tickets.id')), eb('m.internal', '=', 0)])
      : eb.and([eb('m.business_id', '=', eb.ref('tickets.business_id')), eb('m.ticket_id', '=', eb.ref('tickets.id'))]);
  let query = executor
    .selectFrom('tickets')
    .leftJoin('invoices', (join) =>
      join.onRef('invoices.id', '=', 'tickets.invoice_id').onRef('invoices.business_id', '=', 'tickets.business_id'),
    )
    .innerJoin('clients', (join) => join.onRef('clients.id', '=', 'tickets.client_id').onRef('clients.business_id', '=', 'tickets.business_id'))
    .selectAll('tickets')
    .select((eb) => [
      'invoices.number as invoice_number',
      'clients.name as client_name',
      eb
        .selectFrom('ticket_messages as m')
        .select((inner) => inner.fn.countAll().as('n'))
        .where(visible)
        .as('message_count'),
      eb
        .selectFrom('ticket_messages as m')
        .select(sql<string>`substr(m.body_text, 1, ${sql.lit(PREVIEW_SOURCE_CHARS)})`.as('p'))
        .where(visible)
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .limit(1)
        .as('preview'),
    ])
    .where('tickets.business_id', '=', businessId);
  if (filter.clientId !== undefined) query = query.where('tickets.client_id', '=', filter.clientId);
  if (filter.ticketId !== undefined) query = query.where('tickets.id', '=', filter.ticketId);
  if (filter.status !== undefined) query = query.where('tickets.status', '=', filter.status);
  if (filter.unread !== undefined) {
    query = query.where(side === 'client' ? 'tickets.unread_for_client' : 'tickets.unread_for_business', '=', filter.unread ? 1 : 0);
  }
  query = query.orderBy('tickets.last_message_at', 'desc').orderBy('tickets.id', 'desc');
  return filter.limit === undefined ? query : query.limit(filter.limit);
}

export async function clientTicketSummaries(executor: Executor, businessId: string, filter: TicketFilter): Promise<TicketSummary[]> {
  const rows = await summaryQuery(executor, businessId, 'client', filter).execute();
  return rows.map((row) => toTicketSummary(row, 'client'));
}

export async function adminTicketSummaries(executor: Executor, businessId: string, filter: TicketFilter): Promise<AdminTicketSummary[]> {
  const rows = await summaryQuery(executor, businessId, 'business', filter).execute();
  return rows.map(toAdminTicketSummary);
}

/** The thread's messages a side may see, oldest first, with their files. */
export async function threadMessages(executor: Executor, businessId: string, ticketId: string, side: TicketSide): Promise<TicketMessage[]> {
  let query = executor
    .selectFrom('ticket_messages')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('ticket_id', '=', ticketId);
  if (side === 'client') query = query.where('internal', '=', 0);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  const files = await attachmentsByMessage(executor, businessId, ticketId);
  if (side === 'client') return rows.map((row) => toTicketMessage(row, files.get(row.id) ?? []));
  const bounces = await emailBouncesByMessage(executor, businessId, ticketId);
  return rows.map((row) => ({ ...toTicketMessage(row, files.get(row.id) ?? []), emailBounces: bounces.get(row.id) ?? [], quotedText: row.quoted_text }));
}

/** One message as a side sees it (the client never gets an internal note). */
export async function readMessage(executor: Executor, businessId: string, messageId: string): Promise<TicketMessage> {
  const row = await executor
    .selectFrom('ticket_messages')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
  const files = await attachmentsByMessage(executor, businessId, row.ticket_id);
  return toTicketMessage(row, files.get(row.id) ?? []);
}

export async function readClientThread(executor: Executor, businessId: string, clientId: string, ticketId: string): Promise<TicketThread> {
  await requireTicketRow(executor, businessId, ticketId, clientId);
  const [ticket] = await clientTicketSummaries(executor, businessId, { clientId, ticketId });
  return { ticket: ticket!, messages: await threadMessages(executor, businessId, ticketId, 'client') };
}

export async function readAdminThread(executor: Executor, businessId: string, ticketId: string): Promise<AdminTicketThread> {
  await requireTicketRow(executor, businessId, ticketId);
  const [ticket] = await adminTicketSummaries(executor, businessId, { ticketId });
  const contacts = await clientRecipients(executor, businessId, ticket!.clientId);
  return {
    ticket: ticket!,
    messages: await threadMessages(executor, businessId, ticketId, 'business'),
    client: { id: ticket!.clientId, name: ticket!.clientName, contacts },
  };
}

/** How many of the business's tickets are unread by the business (or by one client, for `clientId`). */
export async function unreadTickets(executor: Executor, businessId: string, clientId?: string): Promise<number> {
  let query = executor
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('business_id', '=', businessId);
  query =
    clientId === undefined
      ? query.where('unread_for_business', '=', 1)
      : query.where('client_id', '=', clientId).where('unread_for_client', '=', 1);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inbound mail held for a person to look at (unknown sender, forged reply). */
export async function heldInboundCount(executor: Executor, businessId: string): Promise<number> {
  const row = await executor
    .selectFrom('inbound_emails')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('business_id', '=', businessId)
    .where('status', '=', 'held')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
