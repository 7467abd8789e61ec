import { formatMoney } from '../../money/money.js';
import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import { stringsFor } from './email-strings.js';
import { formatCalendarDate } from './formatting.js';
import { renderSignInLinkEmail } from './link-notes.js';
import type { EmailBrand } from './layout.js';

/** What the email says of the invoice (an `InvoiceSummary` has these and more). */
export interface InvoiceEmailFacts {
  number: string | null;
  currency: string;
  total: number;
  amountPaid: number;
  balance: number;
  /** `YYYY-MM-DD`. */
  dueDate: string;
}

export interface InvoiceEmailInput {
  business: EmailBrand;
  contactName: string;
  invoice: InvoiceEmailFacts;
  /** The single-use magic link that signs the contact in and opens the invoice. */
  link: string;
  linkExpiresAt: Date;
  locale: Locale;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** "Invoice INV-0001 from Acme": the number, amount due and due date, and a button that signs the contact in. */
export function renderInvoiceEmail(input: InvoiceEmailInput): RenderedEmail {
  const { business, invoice, locale } = input;
  const t = stringsFor(locale);
  const names = { business: singleLine(business.name), number: invoice.number ?? t.draftInvoice };
  const details = [{ label: t.invoiceNumberLabel, value: names.number }];
  if (invoice.amountPaid > 0 && invoice.balance !== invoice.total) {
    details.push({ label: t.totalLabel, value: formatMoney({ amount: invoice.total, currency: invoice.currency }, locale) });
  }
  details.push(
    { label: t.amountDueLabel, value: formatMoney({ amount: invoice.balance, currency: invoice.currency }, locale) },
    { label: t.dueDateLabel, value: formatCalendarDate(invoice.dueDate, locale) },
  );
  return renderSignInLinkEmail(t, {
    business,
    contactName: input.contactName,
    locale,
    subject: t.invoiceSubject(names),
    intro: t.invoiceIntro(names),
    details,
    button: { label: t.invoiceButton, url: input.link },
    linkExpiresAt: input.linkExpiresAt,
  });
}
