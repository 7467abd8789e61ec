/**
 * billing: the client's billing view over real HTTP, for a client with
 * 10,000 invoices in a SQLite file.
 *
 * Setup: a fresh SQLite file in a temporary folder (migrated as the server
 * opens it), one business with the signed-in client's 10,000 invoices (five
 * years of them, EUR and USD, 1-3 lines each, payments, a few drafts and void
 * ones) beside 20 other clients of 500 invoices each, written in bulk as the
 * services store them (bench/lib/billing-book.ts), then ANALYZE. A host app
 * serves Portico at /portal and a trivial Hono route at /trivial on
 * 127.0.0.1, in a child process (bench/lib/bench-server.ts). The client signs
 * in as in the tests: the business sends an invoice, the outbox delivers the
 * email, its link's token is redeemed by POST /portal/auth/sessions/:business
 * for a bearer token.
 *
 * Measured (every request checked for 200 and read to the end):
 * - statement: the portal's first paint of the Invoices tab, GET /api/statement
 *   and GET /api/invoices (first page, default sort) sent together; latency of
 *   the pair one at a time (p50, p99), then pairs per second with CONCURRENCY
 *   pairs in flight;
 * - trivial: GET /trivial (JSON `{ ok: true }`) on the same server, requests per
 *   second with the same concurrency, in alternating rounds with the above.
 *
 * Bounded: fixed request counts, and the whole run gives up after
 * RUN_LIMIT_MS. Loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, createOutboxWorker, createPorticoApi, type OutgoingEmail } from '@portico/core';
import { startBenchServer, type BenchServer } from './lib/bench-server.js';
import { documentFigures } from './lib/document-figures.js';
import { writeBillingBook, type BillingBook } from './lib/billing-book.js';
import { elapsedMs, percentile, type Report } from './lib/figures.js';

const INVOICES = 10_000;
const OTHER_CLIENTS = 20;
const INVOICES_PER_OTHER_CLIENT = 500;
const WARM_UP = 200;
const LATENCY_SAMPLES = 1_500;
const CONCURRENCY = 8;
const ROUNDS = 2;
const PAIRS_PER_ROUND = 1_500;
const TRIVIAL_PER_ROUND = 10_000;
const RUN_LIMIT_MS = 5 * 60_000;

/** What every part of this bench measures against: the book, the running server, a signed-in client. */
interface BillingFixture {
  book: BillingBook;
  server: BenchServer;
  /** `Authorization` for the signed-in client. */
  auth: Record<string, string>;
  /** Throws once the run is over its time limit. */
  checkDeadline(): void;
}

export default async function billing(report: Report): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'portico-bench-billing-'));
  const deadline = Date.now() + RUN_LIMIT_MS;
  let server: BenchServer | undefined;
  try {
    const setupStart = performance.now();
    const file = join(folder, 'portico.sqlite');
    const book = await writeBook(file);
    server = await startBenchServer(file);
    const fixture: BillingFixture = {
      book,
      server,
      auth: await signIn(file, book, server),
      checkDeadline() {
        if (Date.now() > deadline) throw new Error(`bench billing ran over ${RUN_LIMIT_MS / 60_000} minutes; stopped.`);
      },
    };
    report.figure('invoices', book.invoices, 'invoices');
    report.figure('client_invoices', INVOICES, 'invoices');
    report.figure('setup', elapsedMs(setupStart) / 1000, 's');

    await statementFigures(report, fixture);
    await documentFigures(report);
  } finally {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function writeBook(file: string): Promise<BillingBook> {
  const database = await createDatabase({ sqlite: file });
  try {
    return await writeBillingBook(database, {
      invoices: INVOICES,
      otherClients: OTHER_CLIENTS,
      invoicesPerOtherClient: INVOICES_PER_OTHER_CLIENT,
    });
  } finally {
    await database.destroy();
  }
}

/** As a client does: the business sends an invoice, the email's link token is redeemed over HTTP for a bearer token. */
async function signIn(file: string, book: BillingBook, server: BenchServer): Promise<Record<string, string>> {
  const database = await createDatabase({ sqlite: file });
  const delivered: OutgoingEmail[] = [];
  try {
    const scope = createPorticoApi({ db: database.db }).business(book.business.id);
    const [open] = (await scope.invoices.listForClient(book.client.id, { status: ['sent'], limit: 1 })).invoices;
    if (!open) throw new Error('the book has no open invoice to send');
    await scope.invoices.send(open.id);
    const worker = createOutboxWorker({
      db: database.db,
      logger: { info() {}, warn() {}, error() {} },
      transport: { name: 'capture', send: async (email) => (delivered.push(email), { providerMessageId: `bench-${delivered.length}` }) },
    });
    await worker.runOnce();
  } finally {
    await database.destroy();
  }
  const token = delivered.map((email) => /\/auth\/link\/[^/\s]+\/([A-Za-z0-9_-]{43})/.exec(email.text)?.[1]).find(Boolean);
  if (!token) throw new Error('no sign-in link was delivered');
  const response = await fetch(`${server.origin}${server.portalPath}/auth/sessions/${book.business.slug}`, {
    method: 'POST',
    headers: { origin: new URL(book.business.portalUrl).origin, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const { sessionToken } = (await response.json()) as { sessionToken: string };
  return { authorization: `Bearer ${sessionToken}` };
}

async function statementFigures(report: Report, fixture: BillingFixture): Promise<void> {
  const base = `${fixture.server.origin}${fixture.server.portalPath}/api`;
  const trivialUrl = `${fixture.server.origin}/trivial`;

  async function read(url: string, headers: Record<string, string> = {}): Promise<unknown> {
    const response = await fetch(url, { headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body}`);
    return body;
  }
  /** Statement and first page, sent together as the portal does; resolves when both are read. */
  const statementAndFirstPage = () => Promise.all([read(`${base}/statement`, fixture.auth), read(`${base}/invoices`, fixture.auth)]);
  const trivial = () => read(trivialUrl);

  // The answers are what the client should see, before anything is timed.
  const [statement, page] = (await statementAndFirstPage()).map((body) => JSON.parse(body as string)) as [
    { currencies: Array<{ currency: string }> },
    { invoices: unknown[]; total: number; nextCursor: string | null },
  ];
  if (statement.currencies.map((c) => c.currency).join() !== 'EUR,USD') throw new Error('unexpected statement');
  if (page.invoices.length !== 25 || page.total < INVOICES * 0.99 || !page.nextCursor) throw new Error('unexpected first page');

  for (let i = 0; i < WARM_UP; i++) {
    await statementAndFirstPage();
    await trivial();
  }
  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    if (i % 100 === 0) fixture.checkDeadline();
    const start = performance.now();
    await statementAndFirstPage();
    latencies.push(elapsedMs(start));
  }

  const statementRps: number[] = [];
  const trivialRps: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    trivialRps.push(await throughput(TRIVIAL_PER_ROUND, trivial, fixture));
    statementRps.push(await throughput(PAIRS_PER_ROUND, statementAndFirstPage, fixture));
  }

  report.figure('statement_p50', percentile(latencies, 50), 'ms');
  report.figure('statement_p99', percentile(latencies, 99), 'ms');
  const pairs = Math.max(...statementRps);
  const plain = Math.max(...trivialRps);
  report.figure('statement_rps', pairs, 'pairs/s');
  report.figure('trivial_rps', plain, 'req/s');
  report.ratio('statement_vs_trivial_rps', pairs, plain);
}

/** Runs `total` operations with CONCURRENCY in flight; operations per second. */
async function throughput(total: number, operation: () => Promise<unknown>, fixture: BillingFixture): Promise<number> {
  let started = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (started < total) {
        started++;
        if (started % 500 === 0) fixture.checkDeadline();
        await operation();
      }
    }),
  );
  return total / (elapsedMs(start) / 1000);
}
