import type { InvoiceBuyerWire, InvoiceSellerWire, TaxCategoryWire, TaxNoteWire, TaxSummaryEntryWire } from './parties.js';

/**
 * Billing, the client's side: statement, invoice list, one invoice, documents.
 * Amounts are integers of minor units of `currency`; dates are `YYYY-MM-DD`.
 */

/**
 * What a person sees, decided by one function in the core
 * (`invoiceDisplayStatus`) and shown in the same words (`invoiceStatusWords`)
 * by the list, its filter chips, the preview, the PDF, the CSV and the admin.
 * A sent invoice reads, first match wins: `overdue` (past its due date,
 * whatever was paid of it: the payments are shown beside it), then
 * `partially_paid` (something paid, not yet due), then `sent`. Paid, void and
 * draft are what is stored. In this order when sorted by status.
 */
export const invoiceDisplayStatuses = ['draft', 'sent', 'partially_paid', 'overdue', 'paid', 'void'] as const;
export type InvoiceDisplayStatusWire = (typeof invoiceDisplayStatuses)[number];

/**
 * What the list filters by: a display status, or `unpaid` (every issued
 * invoice with a balance: sent, partially paid and overdue together).
 */
export const invoiceStatusFilters = [...invoiceDisplayStatuses, 'unpaid'] as const;
export type InvoiceStatusFilterWire = (typeof invoiceStatusFilters)[number];

/** Money owed, in minor units, bucketed by days past due (open invoices only). */
export interface AgingBuckets {
  /** Not yet due (due today counts as current). */
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
}

/** One currency's figures. Drafts and void invoices count nowhere. */
export interface StatementCurrency {
  currency: string;
  /** Payments received, all time. */
  paidToDate: number;
  /** Balance of every open (sent, unpaid) invoice. */
  outstanding: number;
  /** The part of `outstanding` past its due date. */
  overdue: number;
  aging: AgingBuckets;
  lastPayment: { amount: number; receivedAt: string; invoiceId: string; invoiceNumber: string | null } | null;
}

/** `GET /api/statement` */
export interface StatementResponse {
  /** The business's today, which decides what is overdue. */
  asOf: string;
  /** One entry per currency the client was ever billed in, sorted by code. */
  currencies: StatementCurrency[];
}

export type InvoiceSortField = 'issueDate' | 'dueDate' | 'status' | 'amount' | 'number';

/**
 * `GET /api/invoices` query: `status` (comma-separated display statuses, or `unpaid`),
 * `from`/`to` (issue date range, inclusive), `q` (text: number, line
 * descriptions, notes), `sort` (InvoiceSortField, default issueDate), `order`
 * (asc|desc, default desc), `limit` (1-100, default 25), `cursor` (from the
 * previous page). Status sorts draft, sent, partially paid, overdue, paid, void.
 */
export interface InvoiceListQuery {
  status?: InvoiceStatusFilterWire[];
  from?: string;
  to?: string;
  q?: string;
  sort?: InvoiceSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

export interface InvoiceListItem {
  id: string;
  number: string | null;
  status: 'draft' | 'sent' | 'paid' | 'void';
  displayStatus: InvoiceDisplayStatusWire;
  currency: string;
  issueDate: string;
  dueDate: string;
  total: number;
  amountPaid: number;
  balance: number;
  /** Changes when the invoice changes: PDFs are cached per version. */
  version: number;
}

/** `GET /api/invoices` */
export interface InvoiceListResponse {
  invoices: InvoiceListItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many invoices match the filters other than `status`, per display status and `unpaid` (for filter chips). */
  counts: Record<InvoiceStatusFilterWire, number>;
  /** How many match every filter. */
  total: number;
}

export interface InvoiceLineWire {
  description: string;
  quantity: number;
  unitPrice: number;
  /** Percent. */
  taxRate: number;
  taxCategory: TaxCategoryWire;
  discountAmount: number;
  gross: number;
  tax: number;
  total: number;
}

/** `GET /api/invoices/:id`: everything the preview shows. */
export interface InvoiceDetailResponse extends InvoiceListItem {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  notes: string | null;
  lines: InvoiceLineWire[];
  /**
   * Oldest first. `amount` as received; `refundedAmount` of it went back
   * (`amountPaid` already counts both). `id` names its receipt:
   * `GET /api/invoices/:id/payments/:paymentId/receipt.pdf`.
   */
  payments: Array<{ id: string; amount: number; refundedAmount: number; receivedAt: string; method: string }>;
  client: { name: string };
  business: { name: string; brandColor: string; logoUrl: string | null; locale: string };
  /** Seller and buyer as the invoice shows them (frozen when it was issued). */
  parties: { seller: InvoiceSellerWire; buyer: InvoiceBuyerWire };
  /** One row per VAT category and rate; `taxTotal` is their tax summed. */
  taxSummary: TaxSummaryEntryWire[];
  /** Notes the invoice's lines call for (reverse charge, exemption). */
  taxNotes: TaxNoteWire[];
}

// Documents are plain downloads, not JSON:
// `GET /api/invoices/:id/pdf`: application/pdf.
// `GET /api/invoices/download.zip`, with the list's filters or `?ids=a,b,c` for a
// selection: a ZIP of PDFs plus `invoices.csv`, streamed.
// `GET /api/invoices/:id/payments/:paymentId/receipt.pdf`: one payment's receipt.
// `GET /api/statement.pdf?from=&to=`: the statement of account for a period
// (`YYYY-MM-DD`, inclusive; default this calendar year so far; a `to` after
// today is today). Each takes `?locale=`.

