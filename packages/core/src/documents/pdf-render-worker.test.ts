import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../shared/locales.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { createPdfRenderWorker, type PdfRenderWorker } from './pdf-render-worker.js';
import { sampleDocument, type sampleNames } from '../testing/test-invoices.js';

const workers: PdfRenderWorker[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.close();
});

function worker(options?: Parameters<typeof createPdfRenderWorker>[0]): PdfRenderWorker {
  const created = createPdfRenderWorker(options);
  workers.push(created);
  return created;
}

const scripts: Array<[keyof typeof sampleNames, Locale]> = [
  ['latin', 'en'],
  ['cyrillic', 'ru'],
  ['japanese', 'ja'],
  ['arabic', 'ar'],
];

describe('PDF rendering thread', () => {
  it('gives the same bytes as rendering on the main thread, in every script, within its heap limit', async () => {
    const thread = worker();
    for (const [script, locale] of scripts) {
      const input = sampleDocument(script, locale, { id: `inv_${locale}`, number: `T-${locale}` });
      expect(Buffer.from(await thread.render(input)).equals(Buffer.from(renderInvoicePdf(input)))).toBe(true);
    }
    expect(thread.threadsStarted).toBe(1);
  }, 60_000);

  it('answers requests sent together each with its own PDF, on one thread', async () => {
    const thread = worker();
    const inputs = Array.from({ length: 12 }, (_, i) => sampleDocument('latin', 'en', { id: `inv_${i}`, number: `P-${i}`, version: i }));
    const pdfs = await Promise.all(inputs.map((input) => thread.render(input)));
    pdfs.forEach((pdf, i) => expect(Buffer.from(pdf).equals(Buffer.from(renderInvoicePdf(inputs[i]!)))).toBe(true));
    expect(thread.threadsStarted).toBe(1);
  }, 60_000);

  it('fails a render that throws without losing the thread', async () => {
    const thread = worker();
    const broken = sampleDocument('latin', 'en', { id: 'inv_x', number: 'X-1' });
    await expect(thread.render({ ...broken, locale: 'xx' as Locale })).rejects.toThrow(/Rendering the PDF failed/);
    const pdf = await thread.render(broken);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(thread.threadsStarted).toBe(1);
  }, 60_000);

  it('refuses an input that cannot be sent to the thread, and goes on rendering', async () => {
    const thread = worker();
    const input = sampleDocument('latin', 'en', { id: 'inv_u', number: 'U-1' });
    const uncloneable = { ...input, client: { name: 'Globex', toString: () => 'Globex' } };
    await expect(thread.render(uncloneable)).rejects.toThrow(/could not be cloned/);
    expect(Buffer.from((await thread.render(input)).subarray(0, 5)).toString()).toBe('%PDF-');
  }, 60_000);

  it('ends the thread after it has been idle, and starts another for the next render', async () => {
    const thread = worker({ idleMs: 50 });
    const input = sampleDocument('latin', 'en', { id: 'inv_i', number: 'I-1' });
    await thread.render(input);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await thread.render(input);
    expect(thread.threadsStarted).toBe(2);
  }, 60_000);

  it('a render sent while an idle thread is ending goes to a new thread and is not failed by the old one’s exit', async () => {
    const thread = worker({ idleMs: 1 });
    // Each render starts a thread (jsPDF and the fonts loaded anew): three are enough to see one replaced, and stay quick on a loaded machine.
    const inputs = Array.from({ length: 3 }, (_, i) => sampleDocument('latin', 'en', { id: `inv_r${i}`, number: `R-${i}`, version: i }));
    for (const input of inputs) {
      expect(Buffer.from(await thread.render(input)).equals(Buffer.from(renderInvoicePdf(input)))).toBe(true);
      // Just long enough for the idle timer to start ending the thread, not for it to be gone.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    expect(thread.threadsStarted).toBeGreaterThan(1);
  }, 120_000);

  it('fails the renders waiting on a thread that is closed, and renders again afterwards', async () => {
    const thread = worker();
    const input = sampleDocument('latin', 'en', { id: 'inv_c', number: 'C-1' });
    const waiting = Promise.allSettled(Array.from({ length: 5 }, () => thread.render(input)));
    await thread.close();
    const outcomes = await waiting;
    expect(outcomes.some((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(Buffer.from((await thread.render(input)).subarray(0, 5)).toString()).toBe('%PDF-');
  }, 60_000);
});
