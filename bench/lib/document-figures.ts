/**
 * Document figures for the billing bench: ZIPs of 1,000 and 3,000 invoice
 * PDFs and fresh PDF renders per second.
 *
 * Setup: a fresh SQLite file in a temporary folder, one business and two
 * clients made through the API, then issued invoices of one to four lines (a
 * fifth with a partial payment), also through the API: 1,000 for the first
 * client and 3,000 for the second. PORTICO_BENCH_ZIP_INVOICES=N makes N and
 * 3N instead.
 *
 * Measured:
 * - zip_first_byte_ms, zip_total_s: the client's "Download all" as the route
 *   makes it (documents.invoicesForClient paging the list, invoiceZipStream, every
 *   PDF rendered fresh with the cache off by the renderer's default, the
 *   process's PDF rendering thread), read to the end by a consumer that drops
 *   the bytes, from the call to the first chunk and to the last; the first
 *   byte includes starting that thread;
 * - zip_peak_rss_mb: the resident memory of a fresh Node process
 *   (bench/lib/zip-download-process.mjs) that opens the file and serves only
 *   that ZIP, sampled every 20 ms and at every chunk: the highest sample. By
 *   default that process runs as a production server does: `node` alone on
 *   @portico/core's tsc build (packages/core/dist, which this bench builds
 *   first with `npm run build` in packages/core). PORTICO_BENCH_ZIP_RUNTIME=tsx
 *   runs it with the bench's own flags instead (tsx, `--conditions=source`:
 *   the TypeScript sources), as before; zip_runtime says which it was, and
 *   the bench checks which entry of @portico/core that process loaded. The
 *   peak includes the process's own start (Node, under tsx its TypeScript
 *   loader, core and the modules it imports, the database, the SQLite
 *   checkpointer thread: zip_start_rss_mb, read just before the download)
 *   and the PDF rendering thread (under tsx with its own TypeScript loader);
 *   zip_rss_growth_mb is the peak less that start;
 * - zip_mb: the archive's size;
 * - zip_peak_rss_mb_3000: the same for the second client's ZIP of three
 *   times as many invoices (the figure is named by its count), in a process
 *   of its own; zip_rss_growth_mb_per_1000 is how much higher that peak is,
 *   per 1,000 invoices more, to show whether the ZIP's memory stays flat;
 * - pdf_per_s: renderInvoicePdf of one of those invoices, a new version each
 *   time (no cache), after a warm-up.
 */
import {
  createDatabase,
  createPorticoApi,
  renderInvoicePdf,
  type BusinessApi,
  type InvoiceDocumentInput,
} from '@portico/core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from './figures.js';

const ZIP_INVOICES = zipInvoiceCount(process.env.PORTICO_BENCH_ZIP_INVOICES);
/** The second client's ZIP: three times as long, to see whether the memory grows with the length. */
const LONG_ZIP_INVOICES = 3 * ZIP_INVOICES;
const ZIP_RUNTIME = zipRuntime(process.env.PORTICO_BENCH_ZIP_RUNTIME);
const RENDER_WARM_UP = 30;
const RENDERS = 300;

function zipInvoiceCount(value: string | undefined): number {
  if (value === undefined || value === '') return 1_000;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 5_000) throw new Error(`PORTICO_BENCH_ZIP_INVOICES must be a whole number from 1 to 5000 (the long ZIP is three times that), not ${value}.`);
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
    await writeZipInvoices(scope, client.id, ZIP_INVOICES);
    const longClient = await scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill Lumbergh', email: 'bill@initech.test' }] });
    await writeZipInvoices(scope, longClient.id, LONG_ZIP_INVOICES);
    if (ZIP_RUNTIME === 'node') await buildCore();
    // Each ZIP, every PDF rendered fresh, in a process of its own that serves only it.
    const zip = await zipInChildProcess(ZIP_RUNTIME, file, business.id, client.id);
    if (zip.pdfs !== ZIP_INVOICES) throw new Error(`The ZIP held ${zip.pdfs} PDFs, not ${ZIP_INVOICES}.`);
    const longZip = await zipInChildProcess(ZIP_RUNTIME, file, business.id, longClient.id);
    if (longZip.pdfs !== LONG_ZIP_INVOICES) throw new Error(`The long ZIP held ${longZip.pdfs} PDFs, not ${LONG_ZIP_INVOICES}.`);
    print.note('zip_runtime', ZIP_RUNTIME === 'node' ? 'node, packages/core/dist (tsc build)' : 'tsx, packages/core/src');
    print.figure('zip_invoices', ZIP_INVOICES, 'invoices');
    print.figure('zip_first_byte_ms', zip.firstByteMs, 'ms');
    print.figure('zip_total_s', zip.totalS, 's');
    print.figure('zip_start_rss_mb', zip.startRssMb, 'MB');
    print.figure('zip_peak_rss_mb', zip.peakRssMb, 'MB');
    print.figure('zip_rss_growth_mb', zip.peakRssMb - zip.startRssMb, 'MB');
    print.figure('zip_mb', zip.bytes / 1024 / 1024, 'MB');
    print.figure(`zip_peak_rss_mb_${LONG_ZIP_INVOICES}`, longZip.peakRssMb, 'MB');
    print.figure('zip_rss_growth_mb_per_1000', ((longZip.peakRssMb - zip.peakRssMb) * 1000) / (LONG_ZIP_INVOICES - ZIP_INVOICES), 'MB');

    // Fresh renders of one invoice, a new version each time.
    let sample: InvoiceDocumentInput | undefined;
    for await (const input of await api.business(business.id, { actor: 'bench' }).documents.invoicesForClient(client.id, { query: {} })) {
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

/** `count` issued invoices of one to four lines for the client, a fifth of them half paid, made through the API. */
async function writeZipInvoices(scope: BusinessApi, clientId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const draft = await scope.invoices.create({
      clientId,
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
}

/** What the ZIP's process prints (bench/lib/zip-download-process.mjs). */
interface ZipRun {
  coreEntry: string;
  firstByteMs: number;
  totalS: number;
  startRssMb: number;
  peakRssMb: number;
  bytes: number;
  pdfs: number;
}

type ZipRuntime = 'node' | 'tsx';

function zipRuntime(value: string | undefined): ZipRuntime {
  if (value === undefined || value === '' || value === 'node') return 'node';
  if (value === 'tsx') return 'tsx';
  throw new Error(`PORTICO_BENCH_ZIP_RUNTIME must be node (the default: the tsc build under plain node) or tsx (the sources), not ${value}.`);
}

const ZIP_PROCESS = fileURLToPath(new URL('./zip-download-process.mjs', import.meta.url));
const CORE_PACKAGE = fileURLToPath(new URL('../../packages/core/', import.meta.url));

/**
 * Runs the ZIP's process (zip-download-process.mjs) in a fresh Node process, so its memory is the download's alone:
 * `node` on core's tsc build (built first by the caller: buildCore), or the bench's own loader flags (tsx, the sources).
 */
async function zipInChildProcess(runtime: ZipRuntime, file: string, businessId: string, clientId: string): Promise<ZipRun> {
  // Plain node: neither tsx's flags nor any NODE_OPTIONS reach it.
  const plainEnv = { ...process.env };
  delete plainEnv.NODE_OPTIONS;
  const [flags, env] = runtime === 'node' ? [[], plainEnv] : [process.execArgv, process.env];
  const { code, stdout } = await run(process.execPath, [...flags, ZIP_PROCESS, file, businessId, clientId], env, 'inherit');
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`The ZIP process ended with ${code}: ${stdout}`);
  const zip = JSON.parse(line) as ZipRun;
  const expected = runtime === 'node' ? '/packages/core/dist/index.js' : '/packages/core/src/index.ts';
  if (!zip.coreEntry.endsWith(expected)) throw new Error(`The ZIP process (${runtime}) ran @portico/core from ${zip.coreEntry}, not ${expected}.`);
  return zip;
}

/** `npm run build` in packages/core (tsc -p tsconfig.build.json), so dist is the sources as they are now. */
async function buildCore(): Promise<void> {
  const { code, stdout } = await run('npm', ['run', 'build'], process.env, 'pipe', CORE_PACKAGE);
  if (code !== 0) throw new Error(`Building @portico/core for the ZIP process failed (${code}):\n${stdout}`);
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stderr: 'inherit' | 'pipe',
  cwd?: string,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', stderr] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}
