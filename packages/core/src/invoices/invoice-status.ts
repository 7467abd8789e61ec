import { invoiceDisplayStatuses as displayStatusesInOrder, type InvoiceDisplayStatusWire } from '@portico/wire';
import { PorticoError } from '../shared/errors.js';
import type { InvoiceStatusColumn } from '../db/schema.js';

/** What is stored. `overdue` is never stored: it depends on the clock. */
export type InvoiceStatus = InvoiceStatusColumn;

/** What a person sees: the stored status, with `sent` past its due date shown as `overdue` (the wire's list). */
export type InvoiceDisplayStatus = InvoiceDisplayStatusWire;

export const invoiceDisplayStatuses: readonly InvoiceDisplayStatus[] = displayStatusesInOrder;

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

/** `today` is the calendar date in the business's time zone (`YYYY-MM-DD`). */
export function invoiceDisplayStatus(
  invoice: { status: InvoiceStatus; dueDate: string },
  today: string,
): InvoiceDisplayStatus {
  return invoice.status === 'sent' && invoice.dueDate < today ? 'overdue' : invoice.status;
}
