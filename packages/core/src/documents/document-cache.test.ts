import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoicePdfRenderer, directoryDocumentCache, invoicePdfCacheKey, memoryDocumentCache, tieredDocumentCache } from './document-cache.js';
import { renderInvoicePdf, type InvoiceDocumentInput } from './invoice-pdf.js';
import { sampleDocument } from '../testing/test-invoices.js';

function countingRenderer() {
  const calls: InvoiceDocumentInput[] = [];
  return {
    calls,
    render: (input: InvoiceDocumentInput) => {
      calls.push(input);
      return renderInvoicePdf(input);
    },
  };
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('invoice PDF cache', () => {
  it('serves the second request for the same version and locale without rendering', async () => {
    const counter = countingRenderer();
    const renderer = createInvoicePdfRenderer({ render: counter.render });
    const first = await renderer.render(sampleDocument('latin', 'en'));
    const second = await renderer.render(sampleDocument('latin', 'en'));
    expect(counter.calls).toHaveLength(1);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(renderer.stats).toEqual({ renders: 1, hits: 1 });

    await renderer.render(sampleDocument('latin', 'en', { version: 4 }));
    await renderer.render(sampleDocument('latin', 'de'));
    expect(counter.calls).toHaveLength(3);
  });

  it('renders again when what the PDF shows from outside the invoice changes (business or client name)', async () => {
    const counter = countingRenderer();
    const renderer = createInvoicePdfRenderer({ render: counter.render });
    const input = sampleDocument('latin', 'en');
    await renderer.render(input);
    await renderer.render({ ...input, client: { name: 'Globex Holdings' } });
    await renderer.render({ ...input, business: { ...input.business, brandColor: '#10b981' } });
    expect(counter.calls).toHaveLength(3);
    expect(invoicePdfCacheKey(input)).toMatch(/^biz_sample\/inv_sample\/v3\/partially_paid\/en\/[\w-]{12}$/);
  });

  it('renders again when the day makes the same version overdue: the PDF prints the status', async () => {
    const counter = countingRenderer();
    const renderer = createInvoicePdfRenderer({ render: counter.render });
    const input = sampleDocument('latin', 'en');
    await renderer.render(input);
    await renderer.render({ ...input, invoice: { ...input.invoice, displayStatus: 'overdue' } });
    expect(counter.calls).toHaveLength(2);
  });

  it('renders once for requests that arrive while the PDF is being made', async () => {
    let renders = 0;
    const renderer = createInvoicePdfRenderer({
      render: async (input) => {
        renders++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return renderInvoicePdf(input);
      },
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => renderer.render(sampleDocument('latin', 'en'))));
    expect(renders).toBe(1);
    expect(new Set(results.map((bytes) => Buffer.from(bytes).toString('base64'))).size).toBe(1);
  });

  it('with the cache off, renders every time', async () => {
    const counter = countingRenderer();
    const renderer = createInvoicePdfRenderer({ cache: null, render: counter.render });
    await renderer.render(sampleDocument('latin', 'en'));
    await renderer.render(sampleDocument('latin', 'en'));
    expect(counter.calls).toHaveLength(2);
  });

  it('keeps the memory cache within its bounds, dropping the least recently used', async () => {
    const cache = memoryDocumentCache({ maxEntries: 2, maxBytes: 1000 });
    await cache.set('a', new Uint8Array(100));
    await cache.set('b', new Uint8Array(100));
    await cache.get('a');
    await cache.set('c', new Uint8Array(100));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
    await cache.set('d', new Uint8Array(900));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(await cache.get('d')).toBeDefined();
    await cache.set('huge', new Uint8Array(5000));
    expect(await cache.get('huge')).toBeUndefined();
  });

  it('keeps PDFs in a folder across renderer instances (a restart), and fills memory from it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'portico-pdf-cache-'));
    folders.push(folder);
    const counter = countingRenderer();
    const first = createInvoicePdfRenderer({ cache: directoryDocumentCache(join(folder, 'pdfs')), render: counter.render });
    const bytes = await first.render(sampleDocument('japanese', 'ja'));
    expect(readdirSync(join(folder, 'pdfs')).filter((name) => name.endsWith('.pdf'))).toHaveLength(1);

    const memory = memoryDocumentCache();
    const restarted = createInvoicePdfRenderer({
      cache: tieredDocumentCache(memory, directoryDocumentCache(join(folder, 'pdfs'))),
      render: counter.render,
    });
    const again = await restarted.render(sampleDocument('japanese', 'ja'));
    expect(counter.calls).toHaveLength(1);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(memory.size).toBe(1);
  });
});
