import { recordAudit } from '../audit/audit-log.js';
import { recordTicketEvent } from '../events/event-data.js';
import { requireClientRow } from '../clients/client-row.js';
import type { TicketMessageTable } from '../db/schema.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { newId, newOrderedId } from '../shared/ids.js';
import type { PreparedAttachment } from './attachment-rules.js';
import { insertAttachments } from './attachments.js';
import { queueStaffNotifications, type StaffNotice } from './staff-notifications.js';
import type { TicketMessageSource } from './ticket-model.js';
import { nextTicketNumber, requireClientContact, type TicketRow } from './ticket-rows.js';
import { visibleToClient } from '../invoices/invoice-sql.js';

/** A message from the client's side, checked and ready to store. */
export interface ClientMessageDraft {
  /** The contact who wrote it; null when unknown (mail a person accepted from an unlisted sender). */
  contactId: string | null;
  /** Overrides the name shown when there is no contact (the From display name). */
  authorName?: string;
  body: string;
  source: TicketMessageSource;
  inboundEmailId: string | null;
  /** The Message-ID of the client's email, so our next reply threads under it. */
  emailMessageId?: string | null;
  /** What the reply stripper removed from the client's email. */
  quotedText?: string | null;
  attachments: readonly PreparedAttachment[];
}

export interface TicketDraft extends ClientMessageDraft {
  clientId: string;
  subject: string;
  invoiceId: string | null;
}

type NewMessage = Pick<TicketMessageTable, 'author_kind' | 'author_id' | 'author_name' | 'body_text' | 'source'> & {
  internal: boolean;
  inbound_email_id: string | null;
  email_message_id: string | null;
  quoted_text?: string | null;
  attachments: readonly PreparedAttachment[];
};

/** Opens a ticket with its first message, numbered from the business's sequence. Returns its id. */
export async function insertTicket(executor: Executor, ctx: BusinessContext, draft: TicketDraft): Promise<string> {
  const client = await requireClientRow(executor, ctx.businessId, draft.clientId);
  const authorName = await clientAuthorName(executor, ctx.businessId, client, draft);
  if (draft.invoiceId !== null) await requireClientInvoice(executor, ctx.businessId, draft.clientId, draft.invoiceId);
  if (draft.inboundEmailId !== null) await requireInboundEmail(executor, ctx.businessId, draft.inboundEmailId);
  const now = ctx.clock.now().getTime();
  const id = newId('tkt');
  const number = await nextTicketNumber(executor, ctx.businessId);
  await executor
    .insertInto('tickets')
    .values({
      id,
      business_id: ctx.businessId,
      client_id: draft.clientId,
      number,
      subject: draft.subject,
      status: 'open',
      invoice_id: draft.invoiceId,
      unread_for_business: 1,
      unread_for_client: 0,
      last_message_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const messageId = await insertMessage(executor, ctx, id, now, clientMessage(draft, authorName));
  await recordAudit(executor, ctx, {
    action: 'ticket.opened',
    entityType: 'ticket',
    entityId: id,
    details: { number, clientId: draft.clientId, messageId, source: draft.source, invoiceId: draft.invoiceId, attachments: draft.attachments.length },
  });
  await recordTicketEvent(executor, ctx, 'ticket.created', id, messageId);
  await queueStaffNotifications(executor, ctx, staffNotice('opened', { id, number, subject: draft.subject }, client, authorName, draft));
  return id;
}

/**
 * Adds a client's message: the ticket becomes open again (a closed one is
 * reopened, a pending one is no longer waiting on the client) and unread for
 * the business. Returns the message id.
 */
export async function insertClientMessage(executor: Executor, ctx: BusinessContext, ticket: TicketRow, draft: ClientMessageDraft): Promise<string> {
  const client = await requireClientRow(executor, ctx.businessId, ticket.client_id);
  const authorName = await clientAuthorName(executor, ctx.businessId, client, draft);
  if (draft.inboundEmailId !== null) await requireInboundEmail(executor, ctx.businessId, draft.inboundEmailId);
  const now = ctx.clock.now().getTime();
  const messageId = await insertMessage(executor, ctx, ticket.id, now, clientMessage(draft, authorName));
  await executor
    .updateTable('tickets')
    .set({ status: 'open', unread_for_business: 1, unread_for_client: 0, last_message_at: now, updated_at: now })
    .where('business_id', '=', ctx.businessId)
    .where('id', '=', ticket.id)
    .execute();
  await recordAudit(executor, ctx, {
    action: 'ticket.replied',
    entityType: 'ticket',
    entityId: ticket.id,
    details: {
      messageId,
      authorKind: 'client',
      source: draft.source,
      internal: false,
      attachments: draft.attachments.length,
      ...(ticket.status === 'closed' ? { reopened: true } : {}),
    },
  });
  await recordTicketEvent(executor, ctx, 'ticket.replied', ticket.id, messageId);
  await queueStaffNotifications(executor, ctx, staffNotice('replied', ticket, client, authorName, draft));
  return messageId;
}

/** Inserts one message and its files. Ordered ids keep messages of the same instant in the order they were written. */
export async function insertMessage(executor: Executor, ctx: BusinessContext, ticketId: string, now: number, message: NewMessage): Promise<string> {
  const id = newOrderedId('msg');
  await executor
    .insertInto('ticket_messages')
    .values({
      id,
      business_id: ctx.businessId,
      ticket_id: ticketId,
      author_kind: message.author_kind,
      author_id: message.author_id,
      author_name: message.author_name,
      body_text: message.body_text,
      body_html: null,
      internal: message.internal ? 1 : 0,
      source: message.source,
      inbound_email_id: message.inbound_email_id,
      email_message_id: message.email_message_id,
      quoted_text: message.quoted_text ?? null,
      created_at: now,
    })
    .execute();
  await insertAttachments(executor, ctx.businessId, { ticketId, messageId: id, now }, message.attachments);
  return id;
}

function staffNotice(
  event: StaffNotice['event'],
  ticket: StaffNotice['ticket'],
  client: { name: string },
  authorName: string,
  draft: ClientMessageDraft,
): StaffNotice {
  return { event, ticket, clientName: client.name, authorName, body: draft.body, source: draft.source };
}

function clientMessage(draft: ClientMessageDraft, authorName: string): NewMessage {
  return {
    author_kind: 'client',
    author_id: draft.contactId,
    author_name: authorName,
    body_text: draft.body,
    source: draft.source,
    internal: false,
    inbound_email_id: draft.inboundEmailId,
    email_message_id: draft.emailMessageId ?? null,
    quoted_text: draft.quotedText ?? null,
    attachments: draft.attachments,
  };
}

/** The contact's name when there is one (it must be the client's), else the given name, else the client's. */
async function clientAuthorName(
  executor: Executor,
  businessId: string,
  client: { id: string; name: string },
  draft: ClientMessageDraft,
): Promise<string> {
  if (draft.contactId !== null) return (await requireClientContact(executor, businessId, client.id, draft.contactId)).name;
  return draft.authorName ?? client.name;
}

/** An invoice the client can see (not an unshared draft); anything else is `invoice_not_found`. */
async function requireClientInvoice(executor: Executor, businessId: string, clientId: string, invoiceId: string): Promise<void> {
  const row = await executor
    .selectFrom('invoices')
    .select('id')
    .where('business_id', '=', businessId)
    .where('client_id', '=', clientId)
    .where('id', '=', invoiceId)
    .where(visibleToClient)
    .executeTakeFirst();
  if (!row) throw new PorticoError('invoice_not_found', 'No such invoice for this client.', { field: 'invoiceId' });
}

async function requireInboundEmail(executor: Executor, businessId: string, inboundEmailId: string): Promise<void> {
  const row = await executor
    .selectFrom('inbound_emails')
    .select('id')
    .where('business_id', '=', businessId)
    .where('id', '=', inboundEmailId)
    .executeTakeFirst();
  if (!row) throw new PorticoError('inbound_email_not_found', 'No such inbound email in this business.', { field: 'inboundEmailId' });
}
