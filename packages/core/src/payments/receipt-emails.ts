import { queueClientLinkEmails } from '../auth/client-link-emails.js';
import { emailLinkTtlMs } from '../auth/magic-links.js';
import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import type { BusinessContext, Executor } from '../context.js';
import { int } from '../db/row-values.js';
import { renderReceiptEmail } from '../email/templates/index.js';

/**
 * Queues a receipt for one payment to every contact of its client, in the
 * transaction that books the payment: a payment is booked once (a repeated
 * provider reference is a duplicate and queues nothing), so each gets its
 * receipt exactly once, and a provider down at that moment only delays it.
 * The button signs the contact in and opens the invoice, where the receipt
 * PDF is (the email gives its number; see receipt-email.ts for why it links).
 */
export async function queueReceiptEmails(executor: Executor, ctx: BusinessContext, paymentId: string): Promise<number> {
  const payment = await executor
    .selectFrom('payments')
    .innerJoin('invoices', (join) => join.onRef('invoices.id', '=', 'payments.invoice_id').onRef('invoices.business_id', '=', 'payments.business_id'))
    .select(['payments.amount', 'payments.received_at', 'payments.client_id', 'invoices.id as invoice_id', 'invoices.number', 'invoices.currency', 'invoices.total', 'invoices.amount_paid'])
    .where('payments.business_id', '=', ctx.businessId)
    .where('payments.id', '=', paymentId)
    .executeTakeFirstOrThrow();
  // The receipt's number, as its PDF prints it: the invoice's number and this payment's place in the order booked.
  const booked = await executor
    .selectFrom('payments')
    .select('id')
    .where('business_id', '=', ctx.businessId)
    .where('invoice_id', '=', payment.invoice_id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const receiptNumber = payment.number ? `${payment.number}-${booked.findIndex((row) => row.id === paymentId) + 1}` : undefined;
  const business = toBusiness(await requireBusinessRow(executor, ctx.businessId));
  const invoice = { number: payment.number, currency: payment.currency, balance: int(payment.total) - int(payment.amount_paid) };
  return queueClientLinkEmails(executor, ctx, business, {
    clientId: payment.client_id,
    kind: 'payment_receipt',
    purpose: 'invoice_email',
    target: { invoiceId: payment.invoice_id },
    ttlMs: emailLinkTtlMs(business),
    render: ({ business: sender, contactName, locale, link, linkExpiresAt }) =>
      renderReceiptEmail({ business: sender, contactName, invoice, payment: { amount: int(payment.amount), receivedAt: new Date(int(payment.received_at)), ...(receiptNumber ? { receiptNumber } : {}) }, link, linkExpiresAt, locale }),
  });
}
