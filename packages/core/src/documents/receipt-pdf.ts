import type { InvoiceParties } from '../invoices/invoice-parties.js';
import type { PaymentMethod } from '../payments/payments.js';
import type { Locale } from '../shared/locales.js';
import { formatInstantDate } from '../email/templates/formatting.js';
import { formatMoney } from '../money/money.js';
import { documentStrings } from './document-strings.js';
import { documentFileId, type InvoiceDocumentInput } from './invoice-pdf.js';
import { ledgerStrings, type ReceiptStatus } from './ledger-strings.js';
import { INK, PdfPage, renderPdf, type PdfFrame, type StatusTone } from './pdf-page.js';

/** One booked payment as its receipt shows it. */
export interface Receipt {
  paymentId: string;
  /** The invoice's number and the payment's place among the invoice's payments in the order they were booked: `HP-0001-2`. */
  number: string;
  amount: number;
  /** Of `amount`, what went back to the client. */
  refundedAmount: number;
  receivedAt: Date;
  /** When it was booked: the file's creation date, so the same receipt is the same bytes. */
  bookedAt: Date;
  method: PaymentMethod;
  /** The provider's id for the payment (a bank reference, a Stripe payment intent), if any. */
  providerReference: string | null;
  invoice: { id: string; number: string; currency: string; total: number; version: number };
  /** What the invoice's earlier payments (booked before this one) came to, less their refunds. */
  paidBefore: number;
}

/** What a receipt PDF is made from: the payment, and the business and client as the invoice names them. */
export interface ReceiptDocumentInput {
  receipt: Receipt;
  business: InvoiceDocumentInput['business'];
  client: { name: string };
  /** Seller and buyer as the invoice was issued. */
  parties?: InvoiceParties;
  locale: Locale;
}

/** What is left of a payment: all of it, part, or nothing. */
export function receiptStatus(receipt: Pick<Receipt, 'amount' | 'refundedAmount'>): ReceiptStatus {
  if (receipt.refundedAmount <= 0) return 'received';
  return receipt.refundedAmount >= receipt.amount ? 'refunded' : 'partially_refunded';
}

const statusTones: Record<ReceiptStatus, StatusTone> = { received: 'success', partially_refunded: 'warning', refunded: 'danger' };

interface ReceiptModel extends PdfFrame {
  confirms: string;
  rows: Array<{ label: string; value: string; strong?: boolean }>;
  band: { label: string; value: string };
}

/**
 * A receipt for one payment as an A4 PDF on the invoice's frame: seller and
 * buyer, receipt number, payment date, invoice, method and transaction
 * reference, a sentence confirming the payment, then the invoice total, what
 * was paid before, this payment, any refund of it and the balance after it.
 */
export function renderReceiptPdf(input: ReceiptDocumentInput): Uint8Array {
  return renderPdf(ReceiptPage, receiptModel(input));
}

function receiptModel(input: ReceiptDocumentInput): ReceiptModel {
  const { receipt, locale, business } = input;
  const l = ledgerStrings[locale];
  const s = documentStrings[locale];
  const money = (amount: number) => formatMoney({ amount, currency: receipt.invoice.currency }, locale);
  const net = receipt.amount - receipt.refundedAmount;
  const status = receiptStatus(receipt);
  return {
    locale,
    fileId: documentFileId(business.id, receipt.paymentId, receipt.invoice.version, locale),
    fileTitle: `Receipt ${receipt.number}`,
    createdAt: receipt.bookedAt,
    business,
    clientName: input.client.name,
    ...(input.parties ? { parties: input.parties } : {}),
    heading: l.receiptTitle,
    numberLine: `${l.receiptNumber} ${receipt.number}`,
    recipientLabel: l.receivedFrom,
    dates: [
      [l.paymentDate, formatInstantDate(receipt.receivedAt, locale, business.timeZone ?? 'UTC')],
      [s.invoiceNumber, receipt.invoice.number],
      [l.paymentMethod, capitalized(s.paymentMethods[receipt.method], locale)],
      ...(receipt.providerReference ? [[l.transactionReference, receipt.providerReference] as [string, string]] : []),
    ],
    status: { text: l.receiptStatus[status], tone: statusTones[status] },
    confirms: l.receiptConfirms({ business: business.name, amount: money(receipt.amount), number: receipt.invoice.number }),
    rows: [
      { label: l.invoiceTotal, value: money(receipt.invoice.total) },
      { label: l.paidBefore, value: money(receipt.paidBefore) },
      { label: l.thisPayment, value: money(receipt.amount), strong: true },
      ...(receipt.refundedAmount > 0 ? [{ label: l.refunded, value: money(receipt.refundedAmount) }] : []),
    ],
    band: { label: l.balanceAfter, value: money(receipt.invoice.total - receipt.paidBefore - net) },
  };
}

class ReceiptPage extends PdfPage<ReceiptModel> {
  protected renderBody(): void {
    this.paragraph(this.model.confirms, { size: 10.5, weight: 'bold', color: INK }, 14);
    this.summary(this.model.rows, this.model.band);
  }
}

/** `bank transfer` → `Bank transfer`: the methods are written to sit inside a sentence. */
function capitalized(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
