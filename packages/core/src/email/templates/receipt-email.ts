import { formatMoney } from '../../money/money.js';
import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import { stringsFor } from './email-strings.js';
import { formatInstantDate } from './formatting.js';
import type { InvoiceEmailFacts, RenderedEmail } from './invoice-email.js';
import { signInLinkNotes } from './link-notes.js';
import { renderEmailHtml, renderEmailText, type EmailBrand, type EmailContent } from './layout.js';

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
  const paragraphs = invoice.balance > 0 ? [intro] : [intro, t.paidInFullNote];
  const content: EmailContent = {
    business,
    locale,
    direction: t.direction,
    subject: t.receiptSubject(names),
    preheader: intro,
    greeting: t.greeting(input.contactName?.trim() || null),
    paragraphs,
    details,
    button: { label: t.receiptButton, url: input.link },
    ...signInLinkNotes(t, business, { expiresAt: input.linkExpiresAt, locale }),
  };
  return { subject: singleLine(content.subject), html: renderEmailHtml(content), text: renderEmailText(content) };
}
