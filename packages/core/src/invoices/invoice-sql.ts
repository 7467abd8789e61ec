import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { PorticoSchema } from '../db/schema.js';
import type { InvoiceDisplayStatus } from './invoice-status.js';

/**
 * SQL pieces shared by the invoice list and the statement. `today` is the
 * business's calendar date (`YYYY-MM-DD`); dates are compared as text, which
 * orders them correctly on both engines. Columns are written unqualified: use
 * them in queries on `invoices` alone.
 */

/** The display status, as `invoiceDisplayStatus` decides it: overdue, then partially paid, then sent. */
export function displayStatusSql(today: string): RawBuilder<InvoiceDisplayStatus> {
  return sql<InvoiceDisplayStatus>`case when status = 'sent' and due_date < ${today} then 'overdue' when status = 'sent' and amount_paid > 0 then 'partially_paid' else status end`;
}

/** Sort rank of the display status: draft, sent, partially paid, overdue, paid, void. */
export function statusRankSql(today: string): RawBuilder<number> {
  return sql<number>`case status when 'draft' then 0 when 'sent' then case when due_date < ${today} then 3 when amount_paid > 0 then 2 else 1 end when 'paid' then 4 else 5 end`;
}

export const statusRank: Record<InvoiceDisplayStatus, number> = { draft: 0, sent: 1, partially_paid: 2, overdue: 3, paid: 4, void: 5 };

/**
 * Invoices of one of the display statuses (or `unpaid`: every sent invoice,
 * which always has a balance: one paid in full is `paid`), written so an
 * index on (status, due_date) can serve it.
 */
export function displayStatusIn(
  eb: ExpressionBuilder<PorticoSchema, 'invoices'>,
  statuses: readonly (InvoiceDisplayStatus | 'unpaid')[],
  today: string,
) {
  return eb.or(
    statuses.map((status) => {
      if (status === 'unpaid') return eb.and([eb('status', '=', 'sent'), eb('total', '>', eb.ref('amount_paid'))]);
      if (status === 'overdue') return eb.and([eb('status', '=', 'sent'), eb('due_date', '<', today)]);
      if (status === 'partially_paid') return eb.and([eb('status', '=', 'sent'), eb('due_date', '>=', today), eb('amount_paid', '>', 0)]);
      if (status === 'sent') return eb.and([eb('status', '=', 'sent'), eb('due_date', '>=', today), eb('amount_paid', '=', 0)]);
      return eb('status', '=', status);
    }),
  );
}

/**
 * What a client may see of its invoices: the ones that were issued (an issued
 * invoice always has a number: it takes one in the same transaction that
 * makes it `sent`), whatever their status now, and the drafts the business
 * shares. A draft voided without ever being issued has no number and is never
 * shown, counted, zipped or paid. Every query that answers a client applies
 * this one rule. Columns are qualified, so it also works where `invoices` is
 * joined.
 */
export function visibleToClient(eb: ExpressionBuilder<PorticoSchema, 'invoices'>) {
  return eb.or([
    eb('invoices.number', 'is not', null),
    eb.and([eb('invoices.status', '=', 'draft'), eb('invoices.shared_with_client', '=', 1)]),
  ]);
}
