import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EstimateDocumentInput } from './estimate-pdf.js';
import type { InvoiceDocumentInput } from './invoice-pdf.js';
import type { PdfDocumentInput } from './pdf-document-input.js';
import type { ReceiptDocumentInput } from './receipt-pdf.js';
import { statementDigest, type StatementDocumentInput } from './statement-pdf.js';
import { sharedPdfRenderWorker } from './pdf-render-worker.js';

/**
 * Where rendered documents are kept, by key. A miss is `undefined`; a cache
 * may drop anything at any time. Keys are the ones `invoicePdfCacheKey` and
 * `estimatePdfCacheKey` make (they never collide: the ids differ).
 */
export interface DocumentCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

/**
 * The cache key of an invoice's PDF: business, invoice id, version, display status and locale,
 * plus a short digest of what the PDF shows from outside the invoice (the
 * business's name and colour, the client's name, a draft's seller and buyer details), which can change without
 * the invoice's version changing.
 */
export function invoicePdfCacheKey(input: InvoiceDocumentInput): string {
  const { business, invoice, locale } = input;
  // The status depends on the day as well as the version (a sent invoice becomes overdue).
  return `${business.id}/${invoice.id}/v${invoice.version}/${invoice.displayStatus}/${locale}/${outsideDigest(input)}`;
}

/** The cache key of an estimate's PDF: as an invoice's, the display status included (a sent estimate expires as the days pass). */
export function estimatePdfCacheKey(input: EstimateDocumentInput): string {
  const { business, estimate, locale } = input;
  return `${business.id}/${estimate.id}/v${estimate.version}/${estimate.displayStatus}/${locale}/${outsideDigest(input)}`;
}

/** The cache key of a payment's receipt: the payment, its invoice's version (a later refund of an earlier payment changes its balance) and its own refund. */
export function receiptPdfCacheKey(input: ReceiptDocumentInput): string {
  const { business, receipt, locale } = input;
  return `${business.id}/${receipt.paymentId}/v${receipt.invoice.version}/r${receipt.refundedAmount}/${locale}/${outsideDigest(input)}`;
}

/** The cache key of a statement of account: client, period, and a digest of every figure and name it shows (any payment changes it). */
export function statementPdfCacheKey(input: StatementDocumentInput): string {
  const { business, statement, locale } = input;
  return `${business.id}/statement/${statement.clientId}/${statement.from}/${statement.to}/${locale}/${statementDigest(input)}`;
}

/** A short digest of what a PDF shows from outside its document: the business's name, colour, logo and the zone its dates are in, the client's name, seller and buyer details. */
function outsideDigest({ business, client, parties }: PdfDocumentInput): string {
  return createHash('sha256')
    .update(JSON.stringify([business.name, business.brandColor, business.logoUrl ?? null, business.timeZone ?? null, client.name, parties ?? null]))
    .digest('base64url')
    .slice(0, 12);
}

export interface MemoryCacheOptions {
  /** Most documents kept (default 256). */
  maxEntries?: number;
  /** Most bytes kept in all (default 32 MiB). */
  maxBytes?: number;
}

/** A bounded least-recently-used cache in the process's memory. */
export function memoryDocumentCache({ maxEntries = 256, maxBytes = 32 * 1024 * 1024 }: MemoryCacheOptions = {}): DocumentCache & {
  readonly size: number;
  readonly bytes: number;
} {
  const entries = new Map<string, Uint8Array>();
  let bytes = 0;
  return {
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    async get(key) {
      const hit = entries.get(key);
      if (hit) {
        // Map keeps insertion order: re-inserting makes this the most recently used.
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    async set(key, value) {
      if (value.byteLength > maxBytes) return;
      const previous = entries.get(key);
      if (previous) {
        entries.delete(key);
        bytes -= previous.byteLength;
      }
      entries.set(key, value);
      bytes += value.byteLength;
      for (const [oldest, oldValue] of entries) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        entries.delete(oldest);
        bytes -= oldValue.byteLength;
      }
    },
  };
}

/**
 * Documents as files in a folder (one per key, named by the key's hash),
 * shared by processes on one machine and kept across restarts. Writes go to a
 * temporary file first and are renamed into place, so a reader never sees
 * half a file. Nothing is ever deleted: point it at a folder you prune.
 */
export function directoryDocumentCache(directory: string): DocumentCache {
  let ready: Promise<unknown> | undefined;
  const pathOf = (key: string) => join(directory, `${createHash('sha256').update(key).digest('hex')}.pdf`);
  return {
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async set(key, value) {
      ready ??= mkdir(directory, { recursive: true });
      await ready;
      const path = pathOf(key);
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, value);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

/** Looks in each cache in turn (memory first, say, then a folder) and fills the faster ones on a hit further down. */
export function tieredDocumentCache(...caches: DocumentCache[]): DocumentCache {
  return {
    async get(key) {
      for (let i = 0; i < caches.length; i++) {
        const hit = await caches[i]!.get(key);
        if (hit) {
          await Promise.all(caches.slice(0, i).map((cache) => cache.set(key, hit)));
          return hit;
        }
      }
      return undefined;
    },
    async set(key, value) {
      await Promise.all(caches.map((cache) => cache.set(key, value)));
    },
  };
}

export interface PdfRendererOptions<Input extends PdfDocumentInput> {
  /** Where PDFs are kept between requests; null renders every time. Default: a small in-memory LRU. */
  cache?: DocumentCache | null;
  /**
   * The renderer behind the cache; tests count calls through it. Default: the
   * process's PDF rendering thread (pdf-render-worker.ts), so jsPDF's garbage
   * stays in a heap of bounded size and off the main thread.
   */
  render?: (input: Input) => Uint8Array | Promise<Uint8Array>;
}

export interface PdfRenderer<Input extends PdfDocumentInput> {
  /** The PDF of this document version in this locale, from the cache when it is there. */
  render(input: Input): Promise<Uint8Array>;
  readonly stats: { renders: number; hits: number };
}

export type InvoicePdfRendererOptions = PdfRendererOptions<InvoiceDocumentInput>;
export type InvoicePdfRenderer = PdfRenderer<InvoiceDocumentInput>;
export type EstimatePdfRenderer = PdfRenderer<EstimateDocumentInput>;
export type ReceiptPdfRenderer = PdfRenderer<ReceiptDocumentInput>;
export type StatementPdfRenderer = PdfRenderer<StatementDocumentInput>;

const defaultRender = (input: PdfDocumentInput) => sharedPdfRenderWorker().render(input);

/**
 * Renders invoice PDFs through a cache: the same business, invoice, version
 * and locale render once. Requests for a PDF being rendered wait for it
 * instead of rendering it again.
 */
export function createInvoicePdfRenderer(options: InvoicePdfRendererOptions = {}): InvoicePdfRenderer {
  return createPdfRenderer(options, invoicePdfCacheKey);
}

/** Renders estimate PDFs through a cache, as `createInvoicePdfRenderer` does invoices'. */
export function createEstimatePdfRenderer(options: PdfRendererOptions<EstimateDocumentInput> = {}): EstimatePdfRenderer {
  return createPdfRenderer(options, estimatePdfCacheKey);
}

/** Renders payment receipts through a cache, as `createInvoicePdfRenderer` does invoices. */
export function createReceiptPdfRenderer(options: PdfRendererOptions<ReceiptDocumentInput> = {}): ReceiptPdfRenderer {
  return createPdfRenderer(options, receiptPdfCacheKey);
}

/** Renders statements of account through a cache keyed on their content. */
export function createStatementPdfRenderer(options: PdfRendererOptions<StatementDocumentInput> = {}): StatementPdfRenderer {
  return createPdfRenderer(options, statementPdfCacheKey);
}

function createPdfRenderer<Input extends PdfDocumentInput>(
  { cache = memoryDocumentCache(), render = defaultRender }: PdfRendererOptions<Input>,
  cacheKey: (input: Input) => string,
): PdfRenderer<Input> {
  const stats = { renders: 0, hits: 0 };
  const inFlight = new Map<string, Promise<Uint8Array>>();
  return {
    stats,
    async render(input) {
      if (!cache) {
        stats.renders++;
        return render(input);
      }
      const key = cacheKey(input);
      const cached = await cache.get(key);
      if (cached) {
        stats.hits++;
        return cached;
      }
      const pending = inFlight.get(key);
      if (pending) {
        stats.hits++;
        return pending;
      }
      const rendering = (async () => {
        stats.renders++;
        const bytes = await render(input);
        await cache.set(key, bytes);
        return bytes;
      })();
      inFlight.set(key, rendering);
      try {
        return await rendering;
      } finally {
        inFlight.delete(key);
      }
    },
  };
}
