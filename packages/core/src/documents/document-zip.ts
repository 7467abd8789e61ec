import { ByteList } from './byte-list.js';
import { createZipWriter } from './zip-writer.js';

/** One CSV field: quoted when it holds a comma, quote or line break (quotes doubled), RFC 4180. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text field a spreadsheet must not take for a formula (`=`, `+`, `-`, `@`
 * at the start): prefixed with an apostrophe, then escaped.
 */
export function csvText(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/**
 * Gives each document a file name in the ZIP from `base` (its number, say):
 * characters a file system might refuse become `_`, and a name already given
 * (or `reserved`, the CSV index's) gets `-2`, `-3`, …
 */
export function createFileNamer<Document>(reserved: string, base: (document: Document) => string, fallback: string): (document: Document) => string {
  const taken = new Set<string>([reserved.toLowerCase()]);
  return (document) => {
    const stem = safeFileName(base(document), fallback);
    let name = `${stem}.pdf`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.pdf`;
    taken.add(name.toLowerCase());
    return name;
  };
}

function safeFileName(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 100);
  return cleaned || fallback;
}

/** What tells one kind of document's ZIP from another's: its CSV index and its file names. */
export interface DocumentZipKind<Input> {
  /** The index's name in the ZIP (`invoices.csv`). */
  csvName: string;
  /** The index's first line, CRLF-terminated. */
  csvHeader: string;
  /** One line of the index, CRLF-terminated. */
  csvRow(input: Input, fileName: string): string;
  /** A namer for one ZIP: each call gives the next document's file name. */
  namer(): (input: Input) => string;
  /** The entry's modification time, in ms. */
  modifiedAt(input: Input): number;
}

export interface DocumentZipOptions<Input> {
  /** The documents, read one at a time as the ZIP is read. */
  documents: AsyncIterable<Input> | Iterable<Input>;
  /** Renders (or fetches from a cache) one document's PDF. Called only when the reader wants more bytes. */
  render: (input: Input) => Promise<Uint8Array> | Uint8Array;
  /** Called with each document as its PDF goes into the ZIP (progress, logs). */
  onDocument?: (input: Input, fileName: string) => void;
}

/**
 * A ZIP of PDFs plus a CSV index, as a byte stream that is made as it is
 * read: each pull takes the next document, renders its PDF, and hands out
 * that entry's bytes. Nothing runs ahead of the reader, so memory holds one
 * PDF at a time, however many documents there are. What stays of each until
 * the end is its CSV line, its record in the ZIP's central directory (both
 * kept as bytes: byte-list.ts, zip-writer.ts) and its file name: about 400
 * bytes, slack included. PDFs are stored, not deflated again: they are
 * compressed already.
 */
export function documentZipStream<Input>(kind: DocumentZipKind<Input>, { documents, render, onDocument }: DocumentZipOptions<Input>): ReadableStream<Uint8Array> {
  const iterator = Symbol.asyncIterator in documents ? documents[Symbol.asyncIterator]() : toAsync(documents[Symbol.iterator]());
  const name = kind.namer();
  const zip = createZipWriter();
  const encoder = new TextEncoder();
  const csv = new ByteList();
  csv.append(encoder.encode(kind.csvHeader));
  let latest = 0;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) {
          const csvEntry = zip.deflated(kind.csvName, csv.bytes(), latest || Date.UTC(2000, 0, 1));
          for (const chunk of [...csvEntry, zip.end()]) controller.enqueue(chunk);
          controller.close();
          return;
        }
        const input = next.value;
        const fileName = name(input);
        const pdf = await render(input);
        const modified = kind.modifiedAt(input);
        latest = Math.max(latest, modified);
        const entry = zip.stored(fileName, pdf, modified);
        csv.append(encoder.encode(kind.csvRow(input, fileName)));
        onDocument?.(input, fileName);
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
