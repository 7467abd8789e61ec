import type { InvoiceSummary } from '../invoices/invoice-model.js';
import { minorUnitExponent } from '@portico/wire';
import { toDecimalString } from '../money/money.js';
import type { InvoiceDocumentInput } from './invoice-pdf.js';
import { createFileNamer, csvText, documentZipStream, type DocumentZipKind } from './document-zip.js';

export { csvField } from './document-zip.js';

/** The columns of `invoices.csv`, in order. Amounts are decimal numbers in the invoice's currency. */
export const invoiceCsvColumns = ['number', 'status', 'issue_date', 'due_date', 'currency', 'total', 'paid', 'balance', 'file'] as const;

type CsvInvoice = Pick<InvoiceSummary, 'number' | 'displayStatus' | 'issueDate' | 'dueDate' | 'currency' | 'total' | 'amountPaid' | 'balance'>;

/** An amount as a decimal number in its currency's minor unit exponent ("1234.50"). */
export function csvAmount(value: number, currency: string): string {
  return toDecimalString(value, minorUnitExponent(currency) ?? 2);
}

/** One line of `invoices.csv` (CRLF-terminated). */
export function invoiceCsvRow(invoice: CsvInvoice, file: string): string {
  const amount = (value: number) => csvAmount(value, invoice.currency);
  return (
    [
      csvText(invoice.number ?? ''),
      csvText(invoice.displayStatus),
      csvText(invoice.issueDate),
      csvText(invoice.dueDate),
      csvText(invoice.currency),
      amount(invoice.total),
      amount(invoice.amountPaid),
      amount(invoice.balance),
      csvText(file),
    ].join(',') + '\r\n'
  );
}

/** The header line of `invoices.csv`, after a UTF-8 byte order mark so spreadsheet apps read it as UTF-8. */
export const invoiceCsvHeader = `\uFEFF${invoiceCsvColumns.join(',')}\r\n`;

/**
 * Gives each invoice a file name in the ZIP: its number (`HP-0001.pdf`), or
 * `draft-<id>.pdf` for a draft; characters a file system might refuse become
 * `_`, and a name already given gets `-2`, `-3`, …
 */
export function createZipNamer(): (invoice: Pick<InvoiceSummary, 'id' | 'number'>) => string {
  return createFileNamer('invoices.csv', (invoice) => (invoice.number ? invoice.number : `draft-${invoice.id}`), 'invoice');
}

const invoiceZip: DocumentZipKind<InvoiceDocumentInput> = {
  csvName: 'invoices.csv',
  csvHeader: invoiceCsvHeader,
  csvRow: (input, fileName) => invoiceCsvRow(input.invoice, fileName),
  namer: () => {
    const name = createZipNamer();
    return (input) => name(input.invoice);
  },
  modifiedAt: (input) => input.invoice.updatedAt.getTime(),
};

export interface InvoiceZipOptions {
  /** The invoices, read one at a time as the ZIP is read. */
  invoices: AsyncIterable<InvoiceDocumentInput> | Iterable<InvoiceDocumentInput>;
  /** Renders (or fetches from a cache) one invoice's PDF. Called only when the reader wants more bytes. */
  render: (input: InvoiceDocumentInput) => Promise<Uint8Array> | Uint8Array;
  /** Called with each invoice as its PDF goes into the ZIP (progress, logs). */
  onInvoice?: (input: InvoiceDocumentInput, fileName: string) => void;
}

/** A ZIP of invoice PDFs plus `invoices.csv`, made as it is read (document-zip.ts). */
export function invoiceZipStream({ invoices, render, onInvoice }: InvoiceZipOptions): ReadableStream<Uint8Array> {
  return documentZipStream(invoiceZip, { documents: invoices, render, ...(onInvoice ? { onDocument: onInvoice } : {}) });
}
