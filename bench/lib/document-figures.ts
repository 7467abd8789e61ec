/**
 * Document figures for the billing bench: a ZIP of 1,000 invoice PDFs and
 * fresh PDF renders per second.
 *
 * Setup: a fresh SQLite file in a temporary folder, one business and client
 * made through the API, then 1,000 issued invoices of one to four lines (a
 * fifth with a partial payment), also through the API. To see that the ZIP's
 * memory does not grow with its size, PORTICO_BENCH_ZIP_INVOICES=3000 (say)
 * makes that many instead.
 *
 * Measured:
 * - zip_first_byte_ms, zip_total_s: the client's "Download all" as the route
 *   makes it (clientInvoiceDocuments paging the list, invoiceZipStream, every
 *   PDF rendered fresh with the cache off by the renderer's default, the
 *   process's PDF rendering thread), read to the end by a consumer that drops
 *   the bytes, from the call to the first chunk and to the last; the first
 *   byte includes starting that thread;
 * - zip_peak_rss_mb: the resident memory of a fresh Node process (same
 *   loader flags as the bench) that opens the file and serves only that ZIP,
 *   sampled every 20 ms and at every chunk: the highest sample. It includes
 *   the process's own start (Node, the TypeScript loader, the database, the
 *   SQLite checkpointer thread: about 160 MB before the first byte under tsx)
 *   and the rendering thread (with, under tsx, its own TypeScript loader);
 *   zip_rss_growth_mb is the peak less the reading just before the download;
 * - zip_mb: the archive's size;
 * - pdf_per_s: renderInvoicePdf of one of those invoices, a new version each
 *   time (no cache), after a warm-up.
 */
import {
  clientInvoiceDocuments,
  createInvoicePdfRenderer,
  createDatabase,
  createPorticoApi,
  invoiceZipStream,
  renderInvoicePdf,
  systemClock,
  type BusinessContext,
  type InvoiceDocumentInput,
} from '@portico/core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from './figures.js';

const ZIP_INVOICES = zipInvoiceCount(process.env.PORTICO_BENCH_ZIP_INVOICES);
const RENDER_WARM_UP = 30;
const RENDERS = 300;

function zipInvoiceCount(value: string | undefined): number {
  if (value === undefined || value === '') return 1_000;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 20_000) throw new Error(`PORTICO_BENCH_ZIP_INVOICES must be a whole number from 1 to 20000, not ${value}.`);
  return count;
}

export async function documentFigures(print: Report): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'portico-bench-documents-'));
  const file = join(folder, 'portico.sqlite');
  const database = await createDatabase({ sqlite: file });
  try {
    const api = createPorticoApi({ db: database.db });
    const business = await api.businesses.create({
      name: 'Bench Studio',
      slug: 'bench-documents',
      portalUrl: 'https://billing.bench.test/portal',
      invoicePrefix: 'BS-',
    });
    const scope = api.business(business.id);
    const client = await scope.clients.create({ name: 'Globex Corporation', contacts: [{ name: 'Ann Ledger', email: 'ann@globex.test' }] });
    for (let i = 0; i < ZIP_INVOICES; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const draft = await scope.invoices.create({
        clientId: client.id,
        currency: i % 3 === 0 ? 'USD' : 'EUR',
        issueDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${day}`,
        dueDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${day}`,
        notes: i % 4 === 0 ? 'Payment by bank transfer within 30 days.' : null,
        lines: Array.from({ length: 1 + (i % 4) }, (_, n) => ({
          description: `${['Design work', 'Hosting', 'Brand workshop', 'Support retainer'][n]} for project ${i}`,
          quantity: 1 + n,
          unitPrice: 10_000 + i * 7,
          taxRate: 19,
        })),
      });
      const invoice = await scope.invoices.issue(draft.id);
      if (i % 5 === 0) await scope.payments.record({ invoiceId: invoice.id, amount: Math.floor(invoice.total / 2) });
    }
    // The ZIP, every PDF rendered fresh, in a process of its own that serves only it.
    const zip = await zipInChildProcess(file, business.id, client.id);
    if (zip.pdfs !== ZIP_INVOICES) throw new Error(`The ZIP held ${zip.pdfs} PDFs, not ${ZIP_INVOICES}.`);
    print.figure('zip_invoices', ZIP_INVOICES, 'invoices');
    print.figure('zip_first_byte_ms', zip.firstByteMs, 'ms');
    print.figure('zip_total_s', zip.totalS, 's');
    print.figure('zip_peak_rss_mb', zip.peakRssMb, 'MB');
    print.figure('zip_rss_growth_mb', zip.peakRssMb - zip.startRssMb, 'MB');
    print.figure('zip_mb', zip.bytes / 1024 / 1024, 'MB');
    const ctx: BusinessContext = { db: database.db, clock: systemClock, businessId: business.id, actor: 'bench' };

    // Fresh renders of one invoice, a new version each time.
    let sample: InvoiceDocumentInput | undefined;
    for await (const input of await clientInvoiceDocuments(ctx, client.id, { query: {} })) {
      sample = input;
      break;
    }
    if (!sample) throw new Error('No invoice to render.');
    const input = sample;
    for (let i = 0; i < RENDER_WARM_UP; i++) renderInvoicePdf({ ...input, invoice: { ...input.invoice, version: -1 - i } });
    const renderStart = performance.now();
    for (let i = 0; i < RENDERS; i++) renderInvoicePdf({ ...input, invoice: { ...input.invoice, version: 1_000_000 + i } });
    print.figure('pdf_per_s', RENDERS / ((performance.now() - renderStart) / 1000), '/s');
  } finally {
    await database.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

interface ZipRun {
  firstByteMs: number;
  totalS: number;
  startRssMb: number;
  peakRssMb: number;
  bytes: number;
  pdfs: number;
}

/** Runs `zipRun` in a fresh Node process (same loader flags) so its memory is the download's alone. */
function zipInChildProcess(file: string, businessId: string, clientId: string): Promise<ZipRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), CHILD_FLAG, file, businessId, clientId], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`The ZIP process ended with ${code}: ${output}`));
      else resolve(JSON.parse(line) as ZipRun);
    });
  });
}

/** In the child: open the file, stream the client's "Download all" to nowhere, sampling resident memory. */
async function zipRun(file: string, businessId: string, clientId: string): Promise<ZipRun> {
  const database = await createDatabase({ sqlite: file });
  try {
    const ctx: BusinessContext = { db: database.db, clock: systemClock, businessId, actor: 'bench' };
    const renderer = createInvoicePdfRenderer({ cache: null });
    const startRss = process.memoryUsage.rss();
    let peakRss = startRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 20);
    const start = performance.now();
    let firstByteMs = 0;
    let bytes = 0;
    let pdfs = 0;
    try {
      const invoices = await clientInvoiceDocuments(ctx, clientId, { query: {} });
      for await (const chunk of invoiceZipStream({ invoices, render: (input) => renderer.render(input), onInvoice: () => pdfs++ })) {
        if (bytes === 0) firstByteMs = performance.now() - start;
        bytes += chunk.byteLength;
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }
    } finally {
      clearInterval(sampler);
    }
    const mb = (value: number) => value / 1024 / 1024;
    return { firstByteMs, totalS: (performance.now() - start) / 1000, startRssMb: mb(startRss), peakRssMb: mb(peakRss), bytes, pdfs };
  } finally {
    await database.destroy();
  }
}

const CHILD_FLAG = '--document-figures-zip';
if (process.argv[2] === CHILD_FLAG) {
  const [file, businessId, clientId] = process.argv.slice(3) as [string, string, string];
  console.log(JSON.stringify(await zipRun(file, businessId, clientId)));
}
