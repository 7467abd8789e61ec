// @ts-check
/**
 * The process the billing bench measures the ZIP's memory in (see
 * document-figures.ts): it opens the SQLite file, streams one client's
 * "Download all" to nowhere and prints one JSON line with what it saw.
 *
 * Plain JavaScript, so that the same file runs both ways the bench compares:
 * under `node` alone, where `@portico/core` resolves to its tsc build
 * (packages/core/dist), as a production server runs it; and under tsx with
 * `--conditions=source`, where it resolves to the TypeScript sources.
 *
 * Usage: node zip-download-process.mjs SQLITE_FILE BUSINESS_ID CLIENT_ID
 */
import { createDatabase, createInvoicePdfRenderer, createPorticoApi, invoiceZipStream } from '@portico/core';

/**
 * @typedef {object} ZipRun
 * @property {string} coreEntry the file `@portico/core` resolved to in this process
 * @property {number} firstByteMs
 * @property {number} totalS
 * @property {number} startRssMb
 * @property {number} peakRssMb
 * @property {number} bytes
 * @property {number} pdfs
 */

/**
 * @param {string} file
 * @param {string} businessId
 * @param {string} clientId
 * @returns {Promise<ZipRun>}
 */
async function zipRun(file, businessId, clientId) {
  const database = await createDatabase({ sqlite: file });
  try {
    const documents = createPorticoApi({ db: database.db }).business(businessId, { actor: 'bench' }).documents;
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
      const invoices = await documents.invoicesForClient(clientId, { query: {} });
      for await (const chunk of invoiceZipStream({ invoices, render: (input) => renderer.render(input), onInvoice: () => pdfs++ })) {
        if (bytes === 0) firstByteMs = performance.now() - start;
        bytes += chunk.byteLength;
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }
    } finally {
      clearInterval(sampler);
    }
    /** @param {number} value */
    const mb = (value) => value / 1024 / 1024;
    return {
      coreEntry: import.meta.resolve('@portico/core'),
      firstByteMs,
      totalS: (performance.now() - start) / 1000,
      startRssMb: mb(startRss),
      peakRssMb: mb(peakRss),
      bytes,
      pdfs,
    };
  } finally {
    await database.destroy();
  }
}

const [file, businessId, clientId] = process.argv.slice(2);
if (!file || !businessId || !clientId) throw new Error('Usage: zip-download-process.mjs SQLITE_FILE BUSINESS_ID CLIENT_ID');
console.log(JSON.stringify(await zipRun(file, businessId, clientId)));
