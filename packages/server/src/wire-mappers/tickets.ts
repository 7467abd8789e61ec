import type { AdminTicketSummary, AdminTicketThread, HeldInbound, TicketMessage, TicketSummary, TicketThread } from '@portico/core';
import type {
  AdminTicketSummaryWire,
  AdminTicketThreadResponse,
  HeldInboundWire,
  TicketMessageWire,
  TicketSummaryWire,
  TicketThreadResponse,
} from '@portico/wire';

/** Which side's routes serve a ticket's attachments: the client's `/api` or the business's `/admin`. */
export type TicketSide = 'api' | 'admin';

export function toTicketSummaryWire(ticket: TicketSummary): TicketSummaryWire {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    invoiceId: ticket.invoiceId,
    invoiceNumber: ticket.invoiceNumber,
    unread: ticket.unread,
    preview: ticket.preview,
    messageCount: ticket.messageCount,
    lastMessageAt: ticket.lastMessageAt.toISOString(),
    createdAt: ticket.createdAt.toISOString(),
  };
}

export function toAdminTicketSummaryWire(ticket: AdminTicketSummary): AdminTicketSummaryWire {
  return { ...toTicketSummaryWire(ticket), clientId: ticket.clientId, clientName: ticket.clientName };
}

export function toTicketMessageWire(message: TicketMessage, side: TicketSide): TicketMessageWire {
  return {
    id: message.id,
    authorKind: message.authorKind,
    authorName: message.authorName,
    body: message.body,
    internal: message.internal,
    source: message.source,
    createdAt: message.createdAt.toISOString(),
    attachments: message.attachments.map((file) => ({
      id: file.id,
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
      url: `/${side}/tickets/${encodeURIComponent(message.ticketId)}/attachments/${encodeURIComponent(file.id)}`,
    })),
    ...(side === 'admin'
      ? {
          emailBounces: (message.emailBounces ?? []).map((bounce) => ({ ...bounce, bouncedAt: bounce.bouncedAt.toISOString() })),
          quotedText: message.quotedText ?? null,
        }
      : {}),
  };
}

export function toTicketThreadWire(thread: TicketThread): TicketThreadResponse {
  return { ticket: toTicketSummaryWire(thread.ticket), messages: thread.messages.map((message) => toTicketMessageWire(message, 'api')) };
}

export function toAdminTicketThreadWire(thread: AdminTicketThread): AdminTicketThreadResponse {
  return {
    ticket: toAdminTicketSummaryWire(thread.ticket),
    messages: thread.messages.map((message) => toTicketMessageWire(message, 'admin')),
    client: { id: thread.client.id, name: thread.client.name, contacts: thread.client.contacts.map(({ name, email }) => ({ name, email })) },
  };
}

export function toHeldInboundWire(held: HeldInbound): HeldInboundWire {
  return {
    id: held.id,
    from: held.from,
    subject: held.subject,
    receivedAt: held.receivedAt.toISOString(),
    reason: held.reason,
    ticketId: held.ticketId,
    body: held.body,
    quotedText: held.quotedText,
  };
}
