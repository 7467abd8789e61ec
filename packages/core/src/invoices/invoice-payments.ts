import type { Executor } from '../context.js';
import { int } from '../db/row-values.js';
import type { PaymentTable } from '../db/schema.js';

export interface InvoicePaymentEntry {
  /** The payment's id: its receipt's address. */
  id: string;
  amount: number;
  refundedAmount: number;
  receivedAt: Date;
  method: PaymentTable['method'];
}

/** The payments of these invoices of one client, oldest first, by invoice id (none: an empty list). */
export async function paymentsOfInvoices(
  executor: Executor,
  businessId: string,
  clientId: string,
  invoiceIds: readonly string[],
): Promise<Map<string, InvoicePaymentEntry[]>> {
  const byInvoice = new Map<string, InvoicePaymentEntry[]>(invoiceIds.map((id) => [id, []]));
  if (invoiceIds.length === 0) return byInvoice;
  const rows = await executor
    .selectFrom('payments')
    .select(['id', 'invoice_id', 'amount', 'refunded_amount', 'received_at', 'method'])
    .where('business_id', '=', businessId)
    .where('client_id', '=', clientId)
    .where('invoice_id', 'in', invoiceIds)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    byInvoice.get(row.invoice_id)?.push({ id: row.id, amount: int(row.amount), refundedAmount: int(row.refunded_amount), receivedAt: new Date(int(row.received_at)), method: row.method });
  }
  return byInvoice;
}
