import type { InvoiceRow, LineRow } from '../db/schema.js';
import { dateOrNull, int, intOrNull } from '../db/row-values.js';
import type { TaxCategory } from './line-totals.js';
import { invoiceDisplayStatus, type InvoiceDisplayStatus, type InvoiceStatus } from './invoice-status.js';

export interface InvoiceLine {
  id: string;
  position: number;
  description: string;
  quantity: number;
  unitPrice: number;
  /** Percent. */
  taxRate: number;
  /** VAT category (EN 16931 BT-151). */
  taxCategory: TaxCategory;
  discount: { percent: number } | { amount: number } | null;
  /** quantity × unit price. */
  gross: number;
  discountAmount: number;
  tax: number;
  total: number;
}

/** An invoice as the API hands it out. Amounts are minor units of `currency`. */
export interface InvoiceSummary {
  id: string;
  /** Null while a draft: numbers are assigned, without gaps, when an invoice is issued. */
  number: string | null;
  clientId: string;
  status: InvoiceStatus;
  /** `status`, with a sent invoice past its due date shown as `overdue`. */
  displayStatus: InvoiceDisplayStatus;
  currency: string;
  issueDate: string;
  dueDate: string;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  amountPaid: number;
  /** total − amountPaid; zero for void invoices. */
  balance: number;
  notes: string | null;
  sharedWithClient: boolean;
  /** Changes whenever anything a document shows changes (for caching PDFs). */
  version: number;
  sentAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Invoice extends InvoiceSummary {
  lines: InvoiceLine[];
}

/** `today` is the business's calendar date, which decides `overdue`. */
export function toInvoiceSummary(row: InvoiceRow, today: string): InvoiceSummary {
  const total = int(row.total);
  const amountPaid = int(row.amount_paid);
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    status: row.status,
    displayStatus: invoiceDisplayStatus({ status: row.status, dueDate: row.due_date, amountPaid }, today),
    currency: row.currency,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    subtotal: int(row.subtotal),
    discountTotal: int(row.discount_total),
    taxTotal: int(row.tax_total),
    total,
    amountPaid,
    balance: row.status === 'void' ? 0 : total - amountPaid,
    notes: row.notes,
    sharedWithClient: row.shared_with_client === 1,
    version: int(row.version),
    sentAt: dateOrNull(row.sent_at),
    paidAt: dateOrNull(row.paid_at),
    voidedAt: dateOrNull(row.voided_at),
    createdAt: new Date(int(row.created_at)),
    updatedAt: new Date(int(row.updated_at)),
  };
}

export function toInvoiceLine(row: LineRow): InvoiceLine {
  const discountValue = int(row.discount_value);
  return {
    id: row.id,
    position: row.position,
    description: row.description,
    quantity: int(row.quantity_milli) / 1000,
    unitPrice: int(row.unit_price),
    taxRate: int(row.tax_rate_milli) / 1000,
    taxCategory: row.tax_category,
    discount:
      row.discount_kind === 'percent'
        ? { percent: discountValue / 1000 }
        : row.discount_kind === 'amount'
          ? { amount: discountValue }
          : null,
    gross: int(row.gross),
    discountAmount: int(row.discount),
    tax: int(row.tax),
    total: int(row.total),
  };
}
