import {
  invoiceDisplayStatuses as displayStatusesInOrder,
  invoiceStatusFilters as statusFiltersInOrder,
  type InvoiceDisplayStatusWire,
  type InvoiceStatusFilterWire,
} from '@portico/wire';
import { PorticoError } from '../shared/errors.js';
import type { InvoiceStatusColumn } from '../db/schema.js';

/** What is stored. `overdue` is never stored: it depends on the clock. */
export type InvoiceStatus = InvoiceStatusColumn;

/** What a person sees (the wire's list): see `invoiceDisplayStatus`. */
export type InvoiceDisplayStatus = InvoiceDisplayStatusWire;

export const invoiceDisplayStatuses: readonly InvoiceDisplayStatus[] = displayStatusesInOrder;

/** What a list filters by: a display status, or `unpaid` (sent, partially paid and overdue: every issued invoice with a balance). */
export type InvoiceStatusFilter = InvoiceStatusFilterWire;

export const invoiceStatusFilters: readonly InvoiceStatusFilter[] = statusFiltersInOrder;

/** The display statuses `unpaid` stands for. */
export const unpaidDisplayStatuses: readonly InvoiceDisplayStatus[] = ['sent', 'partially_paid', 'overdue'];

/** The display statuses a filter selects. */
export function displayStatusesOf(filters: readonly InvoiceStatusFilter[]): InvoiceDisplayStatus[] {
  const wanted = new Set(filters.flatMap((filter) => (filter === 'unpaid' ? unpaidDisplayStatuses : [filter])));
  return invoiceDisplayStatuses.filter((status) => wanted.has(status));
}

/**
 * The moves an invoice may make. A draft is issued (sent) or voided; a sent
 * invoice becomes paid when payments cover it, or is voided if nothing was
 * paid. Paid and void are final.
 */
const allowedMoves: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['sent', 'void'],
  sent: ['paid', 'void'],
  paid: [],
  void: [],
};

export function canMoveInvoice(from: InvoiceStatus, to: InvoiceStatus): boolean {
  return allowedMoves[from].includes(to);
}

export function assertInvoiceMove(from: InvoiceStatus, to: InvoiceStatus): void {
  if (!canMoveInvoice(from, to)) {
    throw new PorticoError('invalid_status_transition', `An invoice that is ${from} cannot become ${to}.`, {
      field: 'status',
    });
  }
}

/**
 * The one rule for the status a person sees, everywhere (list, chips,
 * preview, PDF, CSV, emails, admin). `today` is the calendar date in the
 * business's time zone (`YYYY-MM-DD`). Draft, paid and void are what is
 * stored. A sent invoice is, first match wins:
 * - `overdue` when its due date has passed, even with a partial payment: what
 *   a client must act on comes first, and the amount paid is shown beside it;
 * - `partially_paid` when something was paid and it is not yet due;
 * - `sent` otherwise.
 * The SQL forms (`invoice-sql.ts`) follow this function and are tested against it.
 */
export function invoiceDisplayStatus(
  invoice: { status: InvoiceStatus; dueDate: string; amountPaid: number },
  today: string,
): InvoiceDisplayStatus {
  if (invoice.status !== 'sent') return invoice.status;
  if (invoice.dueDate < today) return 'overdue';
  return invoice.amountPaid > 0 ? 'partially_paid' : 'sent';
}
