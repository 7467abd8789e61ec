/** Where a payment's receipt and the statement of account are (`/api/...`). */

/** A statement's period: calendar dates `YYYY-MM-DD`, inclusive; either left out for the server's default. */
export interface StatementPeriod {
  from?: string;
  to?: string;
}

export function receiptPdfPath(invoiceId: string, paymentId: string): string {
  return `/api/invoices/${encodeURIComponent(invoiceId)}/payments/${encodeURIComponent(paymentId)}/receipt.pdf`;
}

export function statementPdfPath({ from, to }: StatementPeriod): string {
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const text = query.toString();
  return `/api/statement.pdf${text === '' ? '' : `?${text}`}`;
}
