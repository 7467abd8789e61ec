import { createHash } from 'node:crypto';
import { formatCalendarDate } from '../email/templates/formatting.js';
import type { InvoicePaymentEntry } from '../invoices/invoice-payments.js';
import type { Invoice } from '../invoices/invoice-model.js';
import type { InvoiceParties } from '../invoices/invoice-parties.js';
import type { Locale } from '../shared/locales.js';
import { renderDocumentPdf, type PdfDocumentModel, type StatusTone } from './document-pdf.js';
import { documentStrings, type DocumentPaymentStatus } from './document-strings.js';

/** What an invoice PDF shows besides the invoice itself. */
export interface InvoiceDocumentInput {
  invoice: Invoice;
  /** `timeZone` dates the payments where the business is (default UTC). */
  business: { id: string; name: string; brandColor: string; logoUrl?: string | null; timeZone?: string };
  client: { name: string };
  /** Payments received, oldest first: listed in the totals above what was paid. */
  payments?: readonly InvoicePaymentEntry[];
  /**
   * Seller and buyer details (addresses, tax identifiers, bank account), as
   * the invoice was issued; names still come from `business` and `client`.
   * Without it the PDF shows names only.
   */
  parties?: InvoiceParties;
  locale: Locale;
}

/** The status printed on a PDF: the invoice's display status, the one the list and the CSV show (the cache keys on it). */
export function documentPaymentStatus(invoice: Pick<Invoice, 'displayStatus'>): DocumentPaymentStatus {
  return invoice.displayStatus;
}

const statusTones: Record<DocumentPaymentStatus, StatusTone> = {
  draft: 'neutral',
  sent: 'info',
  partially_paid: 'info',
  overdue: 'warning',
  paid: 'success',
  void: 'danger',
};

/**
 * An invoice as an A4 PDF (document-pdf.ts): number, issue and due dates,
 * buyer, lines, totals with the payments received and the balance due, tax
 * summary, how to pay and notes. The same input gives the same bytes.
 */
export function renderInvoicePdf(input: InvoiceDocumentInput): Uint8Array {
  return renderDocumentPdf(invoicePdfModel(input));
}

function invoicePdfModel(input: InvoiceDocumentInput): PdfDocumentModel {
  const { invoice, locale } = input;
  const s = documentStrings[locale];
  const status = documentPaymentStatus(invoice);
  return {
    locale,
    fileId: documentFileId(input.business.id, invoice.id, invoice.version, locale),
    fileTitle: `Invoice ${invoice.number ?? 'draft'}`,
    createdAt: invoice.createdAt,
    business: input.business,
    clientName: input.client.name,
    ...(input.parties ? { parties: input.parties } : {}),
    heading: invoice.status === 'draft' ? s.draftTitle : s.invoiceTitle,
    numberLine: invoice.number ? `${s.invoiceNumber} ${invoice.number}` : null,
    recipientLabel: s.billedTo,
    dates: [
      [s.issueDate, formatCalendarDate(invoice.issueDate, locale)],
      [s.dueDate, formatCalendarDate(invoice.dueDate, locale)],
    ],
    status: { text: s.paymentStatus[status], tone: statusTones[status] },
    currency: invoice.currency,
    lines: invoice.lines,
    subtotal: invoice.subtotal,
    discountTotal: invoice.discountTotal,
    taxTotal: invoice.taxTotal,
    total: invoice.total,
    afterTotal: [
      ...(input.payments ?? []).map((payment) => ({
        label: s.paymentRow({ date: shortDate(payment.receivedAt, locale, input.business.timeZone), method: s.paymentMethods[payment.method] }),
        amount: payment.amount - payment.refundedAmount,
        small: true,
      })),
      { label: s.amountPaid, amount: invoice.amountPaid },
    ],
    band: { label: s.balance, amount: invoice.balance },
    statement: null,
    payment:
      invoice.status === 'void'
        ? null
        : {
            payableBy: invoice.status === 'draft' || invoice.status === 'sent' ? formatCalendarDate(invoice.dueDate, locale) : null,
            reference: invoice.number,
          },
    notes: invoice.notes,
  };
}

/** A PDF's /ID: the same for the same business, document, version and locale. */
export function documentFileId(businessId: string, documentId: string, version: number, locale: Locale): string {
  return createHash('sha256').update(`${businessId}\n${documentId}\n${version}\n${locale}`).digest('hex').slice(0, 32).toUpperCase();
}

/** A payment's date where the business is, short ("12 Mar 2026", "12.03.2026"), to fit the totals column. */
function shortDate(instant: Date, locale: Locale, timeZone = 'UTC'): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(instant);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(instant);
  }
}
