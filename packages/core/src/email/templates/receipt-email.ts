import { formatMoney } from '../../money/money.js';
import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import { stringsFor } from './email-strings.js';
import { formatInstantDate } from './formatting.js';
import type { InvoiceEmailFacts, RenderedEmail } from './invoice-email.js';
import { renderSignInLinkEmail } from './link-notes.js';
import type { EmailBrand } from './layout.js';

export interface ReceiptEmailInput {
  business: EmailBrand;
  contactName: string;
  /** The invoice as it stands after the payment. */
  invoice: Pick<InvoiceEmailFacts, 'number' | 'currency' | 'balance'>;
  /** `receiptNumber`: the receipt's, as its PDF prints it. */
  payment: { amount: number; receivedAt: Date; receiptNumber?: string };
  /** The single-use magic link that signs the contact in and opens the invoice, with its receipts. */
  link: string;
  linkExpiresAt: Date;
  locale: Locale;
}

/**
 * "Payment received for invoice INV-0001": what was received and when, the
 * receipt's number, what is still owed, and a button that signs the contact
 * in on the invoice, where the receipt PDF is. The PDF is linked, not
 * attached: it stays behind the client's sign-in like every other document,
 * the email is rendered and queued in the transaction that books the payment
 * (rendering a PDF there would slow every webhook), and the outbox keeps no
 * file bytes.
 */
export function renderReceiptEmail(input: ReceiptEmailInput): RenderedEmail {
  const { business, invoice, payment, locale } = input;
  const t = stringsFor(locale);
  const money = (amount: number) => formatMoney({ amount, currency: invoice.currency }, locale);
  const names = { business: singleLine(business.name), number: invoice.number ?? t.draftInvoice };
  const intro = t.receiptIntro({ ...names, amount: money(payment.amount) });
  const details = [
    { label: t.invoiceNumberLabel, value: names.number },
    ...(payment.receiptNumber ? [{ label: t.receiptNumberLabel, value: payment.receiptNumber }] : []),
    { label: t.amountReceivedLabel, value: money(payment.amount) },
    { label: t.paymentDateLabel, value: formatInstantDate(payment.receivedAt, locale, business.timeZone) },
    ...(invoice.balance > 0 ? [{ label: t.amountDueLabel, value: money(invoice.balance) }] : []),
  ];
  return renderSignInLinkEmail(t, {
    business,
    contactName: input.contactName,
    locale,
    subject: t.receiptSubject(names),
    intro,
    more: [...(invoice.balance > 0 ? [] : [t.paidInFullNote]), t.receiptPdfNote({ number: names.number })],
    details,
    button: { label: t.receiptButton, url: input.link },
    linkExpiresAt: input.linkExpiresAt,
  });
}
