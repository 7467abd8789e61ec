import type { BusinessContext } from '../context.js';
import type { InvoiceRow } from '../db/schema.js';
import { int } from '../db/row-values.js';
import { invoiceParties } from '../invoices/invoice-parties.js';
import { requireInvoiceRow } from '../invoices/invoice-queries.js';
import { requireClientInvoiceRow } from '../invoices/client-invoice.js';
import { PorticoError } from '../shared/errors.js';
import type { Locale } from '../shared/locales.js';
import { documentContext } from './client-documents.js';
import type { ReceiptDocumentInput } from './receipt-pdf.js';

/**
 * The receipt of one payment of one of the client's invoices. An invoice the
 * client may not see (another client's, a never-issued draft) is
 * `invoice_not_found`; a payment that is not that invoice's is
 * `payment_not_found`; nothing of either is read out. `locale` defaults to
 * the client's, then the business's.
 */
export async function clientReceiptDocument(
  ctx: BusinessContext,
  clientId: string,
  invoiceId: string,
  paymentId: string,
  locale?: Locale,
): Promise<ReceiptDocumentInput> {
  return receiptOf(ctx, await requireClientInvoiceRow(ctx, clientId, invoiceId), paymentId, locale);
}

/** The receipt of one payment of any of the business's invoices (the business's own copy). */
export async function receiptDocument(ctx: BusinessContext, invoiceId: string, paymentId: string, locale?: Locale): Promise<ReceiptDocumentInput> {
  return receiptOf(ctx, await requireInvoiceRow(ctx.db, ctx.businessId, invoiceId), paymentId, locale);
}

async function receiptOf(ctx: BusinessContext, invoice: InvoiceRow, paymentId: string, locale: Locale | undefined): Promise<ReceiptDocumentInput> {
  // In the order they were booked: a receipt's number never changes, however a later payment is dated.
  const payments = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('invoice_id', '=', invoice.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const index = typeof paymentId === 'string' ? payments.findIndex((payment) => payment.id === paymentId) : -1;
  const payment = payments[index];
  if (!payment || invoice.number === null) throw new PorticoError('payment_not_found', 'No such payment.', { field: 'paymentId' });
  const context = await documentContext(ctx, invoice.client_id, locale);
  const parties = invoiceParties(invoice.parties, context.businessRow, context.clientRow);
  const paidBefore = payments.slice(0, index).reduce((sum, earlier) => sum + int(earlier.amount) - int(earlier.refunded_amount), 0);
  return {
    receipt: {
      paymentId: payment.id,
      number: `${invoice.number}-${index + 1}`,
      amount: int(payment.amount),
      refundedAmount: int(payment.refunded_amount),
      receivedAt: new Date(int(payment.received_at)),
      bookedAt: new Date(int(payment.created_at)),
      method: payment.method,
      providerReference: payment.provider_reference,
      invoice: { id: invoice.id, number: invoice.number, currency: invoice.currency, total: int(invoice.total), version: int(invoice.version) },
      paidBefore,
    },
    business: context.business,
    client: { name: parties.buyer.name },
    parties,
    locale: context.locale,
  };
}
