import type {
  AdminInvoiceListQuery,
  AdminInvoiceListResponse,
  AdminSendInvoiceResponse,
  AdminTicketListQuery,
  AdminTicketListResponse,
  AdminTicketSummaryWire,
  AdminTicketThreadResponse,
  AdminUnreadCountResponse,
  HeldInboundListResponse,
  InboundAcceptResponse,
  TicketMessageWire,
  TicketReplyRequest,
} from '@portico/wire';
import { messagePayload } from './message-payload.js';
import { invoiceQueryString, PorticoClient, ticketPath, type MessageOptions, type RequestOptions } from './portico-client.js';

/**
 * `PorticoClient` with the business's side of the API (`/admin/*`), for
 * `<portico-admin-invoices>` and `<portico-admin-inbox>`, or a host's own
 * admin pages. Those requests are sent with the host app's own cookies,
 * never the client's token; the host's `authorizeAdmin` decides who may.
 * Only admin-widgets.js (and `@portico/widgets`) carries it: a client's page
 * never downloads it.
 */
export class PorticoAdminClient extends PorticoClient {
  /** `GET /admin/invoices`: the business's invoices, with client names. */
  adminListInvoices(query: AdminInvoiceListQuery = {}, options: RequestOptions = {}): Promise<AdminInvoiceListResponse> {
    return this.hostRequest<AdminInvoiceListResponse>(`/admin/invoices${invoiceQueryString(query)}`, { method: 'GET', ...options });
  }

  /** `POST /admin/invoices/:id/send`: (re)send an invoice to the client's contacts. */
  adminSendInvoice(id: string, options: RequestOptions = {}): Promise<AdminSendInvoiceResponse> {
    return this.hostRequest<AdminSendInvoiceResponse>(`/admin/invoices/${encodeURIComponent(id)}/send`, { method: 'POST', ...options });
  }

  /** `GET /admin/tickets`: the business's tickets with client names, unread and held counts. */
  adminListTickets(query: AdminTicketListQuery = {}, options: RequestOptions = {}): Promise<AdminTicketListResponse> {
    const params = new URLSearchParams();
    if (query.status) params.set('status', query.status);
    if (query.unread) params.set('unread', '1');
    const search = params.toString();
    return this.hostRequest<AdminTicketListResponse>(`/admin/tickets${search ? `?${search}` : ''}`, { method: 'GET', ...options });
  }

  /** `GET /admin/tickets/unread-count`: for a host's own navigation badge. */
  adminTicketUnreadCount(options: RequestOptions = {}): Promise<AdminUnreadCountResponse> {
    return this.hostRequest<AdminUnreadCountResponse>('/admin/tickets/unread-count', { method: 'GET', ...options });
  }

  /** `GET /admin/tickets/:id`: the thread with internal notes, the client and its contacts; marks it read for the business. */
  adminTicket(id: string, options: RequestOptions = {}): Promise<AdminTicketThreadResponse> {
    return this.hostRequest<AdminTicketThreadResponse>(ticketPath('/admin', id), { method: 'GET', ...options });
  }

  /** `POST /admin/tickets/:id/messages`: a reply emailed to the client, or (`internal`) a note only the business sees. */
  adminReplyToTicket(id: string, body: TicketReplyRequest, { files, ...options }: MessageOptions = {}): Promise<TicketMessageWire> {
    return this.hostRequest<TicketMessageWire>(`${ticketPath('/admin', id)}/messages`, { method: 'POST', ...messagePayload(body, files), ...options });
  }

  /** `POST /admin/tickets/:id/close` or `/reopen`; answers the ticket as it now is. */
  async adminSetTicketOpen(id: string, open: boolean, options: RequestOptions = {}): Promise<AdminTicketSummaryWire> {
    const answer = await this.hostRequest<AdminTicketSummaryWire | AdminTicketThreadResponse>(`${ticketPath('/admin', id)}/${open ? 'reopen' : 'close'}`, {
      method: 'POST',
      ...options,
    });
    // The wire describes the thread; a server may answer just the ticket. Either way, the ticket.
    return 'messages' in answer ? answer.ticket : answer;
  }

  /** `GET /admin/inbound/held`: inbound mail held for a person to look at. */
  adminHeldMail(options: RequestOptions = {}): Promise<HeldInboundListResponse> {
    return this.hostRequest<HeldInboundListResponse>('/admin/inbound/held', { method: 'GET', ...options });
  }

  /** `POST /admin/inbound/:id/accept`: appends held mail to a ticket (the one it claimed, or `ticketId`), or opens one. */
  adminAcceptHeldMail(id: string, ticketId?: string, options: RequestOptions = {}): Promise<InboundAcceptResponse> {
    return this.hostRequest<InboundAcceptResponse>(`/admin/inbound/${encodeURIComponent(id)}/accept`, { method: 'POST', json: ticketId ? { ticketId } : {}, ...options });
  }

  /** `POST /admin/inbound/:id/discard`: drops held mail. */
  async adminDiscardHeldMail(id: string, options: RequestOptions = {}): Promise<void> {
    await this.hostRequest(`/admin/inbound/${encodeURIComponent(id)}/discard`, { method: 'POST', ...options });
  }
}
