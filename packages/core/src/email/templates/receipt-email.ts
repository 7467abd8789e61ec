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
  payment: { amount: number; receivedAt: Date };
  /** The single-use magic link that signs the contact in and opens the invoice, with its receipts. */
  link: string;
  linkExpiresAt: Date;
  locale: Locale;
}

/** "Payment received for invoice INV-0001": what was received and when, what is still owed, and a button to the receipt. */
export function renderReceiptEmail(input: ReceiptEmailInput): RenderedEmail {
  const { business, invoice, payment, locale } = input;
  const t = stringsFor(locale);
  const money = (amount: number) => formatMoney({ amount, currency: invoice.currency }, locale);
  const names = { business: singleLine(business.name), number: invoice.number ?? t.draftInvoice };
  const intro = t.receiptIntro({ ...names, amount: money(payment.amount) });
  const details = [
    { label: t.invoiceNumberLabel, value: names.number },
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
    more: invoice.balance > 0 ? [] : [t.paidInFullNote],
    details,
    button: { label: t.receiptButton, url: input.link },
    linkExpiresAt: input.linkExpiresAt,
  });
}
