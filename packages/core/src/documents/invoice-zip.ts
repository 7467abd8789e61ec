import type { InvoiceSummary } from '../invoices/invoice-model.js';
import { minorUnitExponent } from '@portico/wire';
import { toDecimalString } from '../money/money.js';
import { ByteList } from './byte-list.js';
import type { InvoiceDocumentInput } from './invoice-pdf.js';
import { createZipWriter } from './zip-writer.js';

/** The columns of `invoices.csv`, in order. Amounts are decimal numbers in the invoice's currency. */
export const invoiceCsvColumns = ['number', 'status', 'issue_date', 'due_date', 'currency', 'total', 'paid', 'balance', 'file'] as const;

type CsvInvoice = Pick<InvoiceSummary, 'number' | 'displayStatus' | 'issueDate' | 'dueDate' | 'currency' | 'total' | 'amountPaid' | 'balance'>;

/** One CSV field: quoted when it holds a comma, quote or line break (quotes doubled), RFC 4180. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text field a spreadsheet must not take for a formula (`=`, `+`, `-`, `@`
 * at the start): prefixed with an apostrophe, then escaped.
 */
function csvText(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** One line of `invoices.csv` (CRLF-terminated). */
export function invoiceCsvRow(invoice: CsvInvoice, file: string): string {
  const exponent = minorUnitExponent(invoice.currency) ?? 2;
  const amount = (value: number) => toDecimalString(value, exponent);
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
  const taken = new Set<string>(['invoices.csv']);
  return (invoice) => {
    const base = safeFileName(invoice.number ? invoice.number : `draft-${invoice.id}`);
    let name = `${base}.pdf`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.pdf`;
    taken.add(name.toLowerCase());
    return name;
  };
}

function safeFileName(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 100);
  return cleaned || 'invoice';
}

export interface InvoiceZipOptions {
  /** The invoices, read one at a time as the ZIP is read. */
  invoices: AsyncIterable<InvoiceDocumentInput> | Iterable<InvoiceDocumentInput>;
  /** Renders (or fetches from a cache) one invoice's PDF. Called only when the reader wants more bytes. */
  render: (input: InvoiceDocumentInput) => Promise<Uint8Array> | Uint8Array;
  /** Called with each invoice as its PDF goes into the ZIP (progress, logs). */
  onInvoice?: (input: InvoiceDocumentInput, fileName: string) => void;
}

/**
 * A ZIP of invoice PDFs plus `invoices.csv`, as a byte stream that is made as
 * it is read: each pull takes the next invoice, renders its PDF, and hands
 * out that entry's bytes. Nothing runs ahead of the reader, so memory holds
 * one PDF at a time, however many invoices there are. What stays of each
 * invoice until the end is its CSV line, its record in the ZIP's central
 * directory (both kept as bytes: byte-list.ts, zip-writer.ts) and its file
 * name: about 400 bytes, slack included.
 * PDFs are stored, not deflated again: they are compressed already.
 */
export function invoiceZipStream({ invoices, render, onInvoice }: InvoiceZipOptions): ReadableStream<Uint8Array> {
  const iterator = Symbol.asyncIterator in invoices ? invoices[Symbol.asyncIterator]() : toAsync(invoices[Symbol.iterator]());
  const name = createZipNamer();
  const zip = createZipWriter();
  const encoder = new TextEncoder();
  const csv = new ByteList();
  csv.append(encoder.encode(invoiceCsvHeader));
  let latest = 0;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) {
          const csvEntry = zip.deflated('invoices.csv', csv.bytes(), latest || Date.UTC(2000, 0, 1));
          for (const chunk of [...csvEntry, zip.end()]) controller.enqueue(chunk);
          controller.close();
          return;
        }
        const input = next.value;
        const fileName = name(input.invoice);
        const pdf = await render(input);
        const modified = input.invoice.updatedAt.getTime();
        latest = Math.max(latest, modified);
        const entry = zip.stored(fileName, pdf, modified);
        csv.append(encoder.encode(invoiceCsvRow(input.invoice, fileName)));
        onInvoice?.(input, fileName);
        for (const chunk of entry) controller.enqueue(chunk);
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    // Pull only when the reader asks: no PDF is rendered ahead of the bytes being read.
    { highWaterMark: 0 },
  );
}

async function* toAsync<T>(iterator: Iterator<T>): AsyncGenerator<T> {
  for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
}
