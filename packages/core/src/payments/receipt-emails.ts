import { deferredSignInLink, SIGN_IN_TOKEN_PLACEHOLDER } from '../auth/email-sign-in-link.js';
import { emailLinkTtlMs } from '../auth/magic-links.js';
import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import { signInLinkUrl } from '../businesses/portal-page.js';
import { clientAudience } from '../clients/client-audience.js';
import type { BusinessContext, Executor } from '../context.js';
import { int } from '../db/row-values.js';
import { enqueueEmail } from '../email/outbox.js';
import { renderReceiptEmail } from '../email/templates/index.js';

/**
 * Queues a receipt for one payment to every contact of its client, in the
 * transaction that books the payment: a payment is booked once (a repeated
 * provider reference is a duplicate and queues nothing), so each gets its
 * receipt exactly once, and a provider down at that moment only delays it.
 * The button signs the contact in and opens the invoice, where the receipt is.
 */
export async function queueReceiptEmails(executor: Executor, ctx: BusinessContext, paymentId: string): Promise<number> {
  const payment = await executor
    .selectFrom('payments')
    .innerJoin('invoices', (join) => join.onRef('invoices.id', '=', 'payments.invoice_id').onRef('invoices.business_id', '=', 'payments.business_id'))
    .select(['payments.amount', 'payments.received_at', 'payments.client_id', 'invoices.id as invoice_id', 'invoices.number', 'invoices.currency', 'invoices.total', 'invoices.amount_paid'])
    .where('payments.business_id', '=', ctx.businessId)
    .where('payments.id', '=', paymentId)
    .executeTakeFirstOrThrow();
  const business = toBusiness(await requireBusinessRow(executor, ctx.businessId));
  const { locale, contacts } = await clientAudience(executor, ctx.businessId, payment.client_id, business.locale);
  const ttlMs = emailLinkTtlMs(business);
  const invoice = { number: payment.number, currency: payment.currency, balance: int(payment.total) - int(payment.amount_paid) };
  for (const contact of contacts) {
    const email = renderReceiptEmail({
      business,
      contactName: contact.name,
      invoice,
      payment: { amount: int(payment.amount), receivedAt: new Date(int(payment.received_at)) },
      link: signInLinkUrl(business, SIGN_IN_TOKEN_PLACEHOLDER),
      linkExpiresAt: new Date(ctx.clock.now().getTime() + ttlMs),
      locale,
    });
    const link = { clientId: payment.client_id, contactId: contact.id, purpose: 'invoice_email', invoiceId: payment.invoice_id, ttlMs } as const;
    await enqueueEmail(executor, ctx, { kind: 'payment_receipt', to: contact.email, ...email }, deferredSignInLink(link, email));
  }
  return contacts.length;
}
