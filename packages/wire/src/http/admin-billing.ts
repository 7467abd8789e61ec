/** The business's invoices (`/admin/*`, guarded by the host's `authorizeAdmin`). */
import type { InvoiceListItem, InvoiceListQuery, InvoiceStatusFilterWire } from './billing.js';

/** `GET /admin/invoices` takes the client list's query plus `clientId`. */
export interface AdminInvoiceListQuery extends InvoiceListQuery {
  clientId?: string;
}

/** `GET /admin/invoices`: one row. */
export interface AdminInvoiceListItem extends InvoiceListItem {
  clientId: string;
  clientName: string;
}

export interface AdminInvoiceListResponse {
  invoices: AdminInvoiceListItem[];
  nextCursor: string | null;
  counts: Record<InvoiceStatusFilterWire, number>;
  total: number;
}

/** `POST /admin/invoices/:id/send` */
export interface AdminSendInvoiceResponse {
  invoice: AdminInvoiceListItem;
  emailsQueued: number;
}

