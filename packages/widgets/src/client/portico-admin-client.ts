import type {
  AdminConvertEstimateResponse,
  AdminEstimateDetailResponse,
  AdminEstimateListResponse,
  AdminInvoiceListQuery,
  AdminInvoiceListResponse,
  AdminSendEstimateResponse,
  AdminSendInvoiceResponse,
  AdminTicketListQuery,
  AdminTicketListResponse,
  AdminTicketSummaryWire,
  AdminTicketThreadResponse,
  AdminUnreadCountResponse,
  AdminUpdateEstimateRequest,
  EstimateDisplayStatusWire,
  HeldInboundListResponse,
  InboundAcceptResponse,
  TicketMessageWire,
  TicketReplyRequest,
} from '@portico/wire';
import { messagePayload } from './message-payload.js';
import { invoiceQueryString, PorticoClient, ticketPath, type MessageOptions, type RequestOptions } from './portico-client.js';

/**
 * `PorticoClient` with the business's side of the API (`/admin/*`), for
 * `<portico-admin-invoices>`, `<portico-admin-estimates>` and `<portico-admin-inbox>`, or a host's own
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

  /** `GET /admin/estimates`: the business's estimates, newest first, with client names and the numbers of the invoices they became. */
  adminListEstimates(query: { clientId?: string; status?: readonly EstimateDisplayStatusWire[] } = {}, options: RequestOptions = {}): Promise<AdminEstimateListResponse> {
    const params = new URLSearchParams();
    if (query.clientId) params.set('clientId', query.clientId);
    if (query.status && query.status.length > 0) params.set('status', query.status.join(','));
    const search = params.toString();
    return this.hostRequest<AdminEstimateListResponse>(`/admin/estimates${search ? `?${search}` : ''}`, { method: 'GET', ...options });
  }

  /** `GET /admin/estimates/:id`: one estimate with its lines, drafts included. */
  adminEstimate(id: string, options: RequestOptions = {}): Promise<AdminEstimateDetailResponse> {
    return this.hostRequest<AdminEstimateDetailResponse>(estimatePath(id), { method: 'GET', ...options });
  }

  /** `PATCH /admin/estimates/:id`: changes a draft (lines, dates, notes); a sent one is a 409 `estimate_not_editable`. */
  adminUpdateEstimate(id: string, changes: AdminUpdateEstimateRequest, options: RequestOptions = {}): Promise<AdminEstimateDetailResponse> {
    return this.hostRequest<AdminEstimateDetailResponse>(estimatePath(id), { method: 'PATCH', json: changes, ...options });
  }

  /** `POST /admin/estimates/:id/send`: emails a draft to the client's contacts. */
  adminSendEstimate(id: string, options: RequestOptions = {}): Promise<AdminSendEstimateResponse> {
    return this.hostRequest<AdminSendEstimateResponse>(`${estimatePath(id)}/send`, { method: 'POST', ...options });
  }

  /** `POST /admin/estimates/:id/void`: a draft or sent estimate can no longer be accepted. Final. */
  adminVoidEstimate(id: string, options: RequestOptions = {}): Promise<AdminEstimateDetailResponse> {
    return this.hostRequest<AdminEstimateDetailResponse>(`${estimatePath(id)}/void`, { method: 'POST', json: {}, ...options });
  }

  /** `POST /admin/estimates/:id/convert`: a sent estimate becomes a draft invoice (or one sent at once, `send: true`). */
  adminConvertEstimate(id: string, send = false, options: RequestOptions = {}): Promise<AdminConvertEstimateResponse> {
    return this.hostRequest<AdminConvertEstimateResponse>(`${estimatePath(id)}/convert`, { method: 'POST', json: { send }, ...options });
  }

  /** Address of an estimate's PDF for the business (`GET /admin/estimates/:id/pdf`): a plain link sends the host app's cookies. */
  adminEstimatePdfUrl(id: string, locale?: string): string {
    return `${this.server}${estimatePath(id)}/pdf${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`;
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

function estimatePath(id: string): string {
  return `/admin/estimates/${encodeURIComponent(id)}`;
}
