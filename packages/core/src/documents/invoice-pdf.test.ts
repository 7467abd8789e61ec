import { describe, expect, it } from 'vitest';
import { invoiceStatusWords } from '@portico/wire';
import { invoiceDisplayStatuses } from '../invoices/invoice-status.js';
import { formatMoney } from '../money/money.js';
import { supportedLocales } from '../shared/locales.js';
import { documentStrings } from './document-strings.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { normalizeExtracted, pdfFonts, pdfToText } from './pdf-tools.js';
import { sampleDocument, sampleInvoice, sampleNames } from '../testing/test-invoices.js';

/** pdftotext's text with whitespace (NBSP and narrow NBSP included) collapsed, as `formatMoney` output is compared. */
const flat = (text: string) => text.replace(/\s+/gu, ' ');

describe('invoice PDF', () => {
  it('embeds every font it uses (no Helvetica) and only a subset of each', async () => {
    const pdf = renderInvoicePdf(sampleDocument('arabic', 'en'));
    const fonts = (await pdfFonts(pdf)).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+\w+\s+yes/);
      expect(line).not.toMatch(/Helvetica/);
    }
    // Three sample lines in three scripts: the whole file stays small because only drawn glyphs go in.
    expect(pdf.byteLength).toBeLessThan(80_000);
  });

  it('writes Latin text and amounts that pdftotext reads back', async () => {
    const input = sampleDocument('latin', 'en');
    const text = flat(await pdfToText(renderInvoicePdf(input)));
    const { invoice } = input;
    for (const expected of [
      sampleNames.latin.business,
      sampleNames.latin.client,
      'Invoice',
      'HP-0001',
      'March 10, 2026',
      'April 9, 2026',
      'Brand workshop, two days',
      'Partially paid',
      'Thank you for your business.',
      formatMoney({ amount: invoice.total, currency: 'EUR' }, 'en'),
      formatMoney({ amount: invoice.balance, currency: 'EUR' }, 'en'),
      formatMoney({ amount: invoice.amountPaid, currency: 'EUR' }, 'en'),
      formatMoney({ amount: invoice.taxTotal, currency: 'EUR' }, 'en'),
      formatMoney({ amount: invoice.lines[0]!.unitPrice, currency: 'EUR' }, 'en'),
    ]) {
      expect(text).toContain(flat(expected));
    }
  });

  it('writes Cyrillic names, labels and Russian-formatted amounts', async () => {
    const input = sampleDocument('cyrillic', 'ru', { currency: 'RUB' });
    const text = flat(await pdfToText(renderInvoicePdf(input)));
    expect(text).toContain(sampleNames.cyrillic.business);
    expect(text).toContain(sampleNames.cyrillic.client);
    expect(text).toContain('Семинар по бренду, два дня');
    expect(text).toContain('Счёт');
    expect(text).toContain(documentStrings.ru.balance);
    expect(text).toContain(flat(formatMoney({ amount: input.invoice.total, currency: 'RUB' }, 'ru')));
    expect(text).toContain(flat(formatMoney({ amount: input.invoice.balance, currency: 'RUB' }, 'ru')));
  });

  it('writes Japanese names, labels, dates and yen amounts', async () => {
    const input = sampleDocument('japanese', 'ja', { currency: 'JPY' });
    const text = flat(await pdfToText(renderInvoicePdf(input)));
    expect(text).toContain(sampleNames.japanese.business);
    expect(text).toContain(sampleNames.japanese.client);
    expect(text).toContain('請求書');
    expect(text).toContain('2026年3月10日');
    expect(text).toContain('ロゴデザイン');
    expect(text).toContain(flat(formatMoney({ amount: input.invoice.total, currency: 'JPY' }, 'ja')));
    expect(text).toContain(flat(formatMoney({ amount: input.invoice.balance, currency: 'JPY' }, 'ja')));
  });

  it('shapes Arabic and lays it out right to left: pdftotext gives the names back in logical order', async () => {
    const input = sampleDocument('arabic', 'ar');
    const raw = await pdfToText(renderInvoicePdf(input));
    // Shaped: the file holds presentation forms (initial, medial, final), not the bare letters.
    expect(raw).toMatch(/[\uFE70-\uFEFF]/);
    const text = normalizeExtracted(raw);
    expect(text).toContain(sampleNames.arabic.business);
    expect(text).toContain(sampleNames.arabic.client);
    expect(text).toContain(documentStrings.ar.balance);
    expect(text).toContain('تصميم الشعار');
    // Digits are left to right inside the right-to-left line: the amounts read as written.
    expect(text).toContain('1,896.33');
    expect(text).toContain('2,396.33');
    expect(text).toContain('HP-0001');
  });

  it('puts the start of an Arabic line at the right edge of the page', async () => {
    const pdf = renderInvoicePdf(sampleDocument('arabic', 'ar'));
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { withTempFile } = await import('./pdf-tools.js');
    const html = await withTempFile('doc.pdf', pdf, async (path) => (await promisify(execFile)('pdftotext', ['-bbox', path, '-'])).stdout);
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      xMax: Number(m[2]),
      // -bbox gives each word's glyphs in visual order: right to left for Arabic.
      text: [...m[3]!.normalize('NFKC')].reverse().join(''),
    }));
    const clientWord = words.find((word) => word.text === 'النخيل')!;
    expect(clientWord).toBeDefined();
    // The client's name sits on the right half; the totals on the left.
    expect(clientWord.xMin).toBeGreaterThan(595 / 2);
    const balance = words.find((word) => [...word.text].reverse().join('').includes('1,896.33'))!;
    expect(balance.xMax).toBeLessThan(595 / 2);
  });

  it('writes an Arabic client name inside an English invoice', async () => {
    const input = sampleDocument('latin', 'en');
    const text = normalizeExtracted(await pdfToText(renderInvoicePdf({ ...input, client: { name: sampleNames.arabic.client } })));
    expect(text).toContain(sampleNames.arabic.client);
    expect(text).toContain('Billed to'.toUpperCase());
  });

  it('has every label in every portal language', async () => {
    for (const locale of supportedLocales) {
      const strings = documentStrings[locale];
      const text = normalizeExtracted(await pdfToText(renderInvoicePdf(sampleDocument('latin', locale, { status: 'draft', number: null }))));
      for (const label of [strings.draftTitle, strings.total, strings.balance, strings.description, strings.paymentStatus.draft]) {
        expect(text, `${locale}: ${label}`).toContain(normalizeExtracted(label));
      }
    }
  });

  it('gives the same bytes for the same invoice version and locale, and different bytes for a new version', () => {
    const first = renderInvoicePdf(sampleDocument('japanese', 'ja'));
    const again = renderInvoicePdf(sampleDocument('japanese', 'ja'));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const next = renderInvoicePdf(sampleDocument('japanese', 'ja', { version: 4 }));
    expect(Buffer.from(next).equals(Buffer.from(first))).toBe(false);
    const otherLocale = renderInvoicePdf(sampleDocument('japanese', 'en'));
    expect(Buffer.from(otherLocale).equals(Buffer.from(first))).toBe(false);
  });

  it('prints the display status, in the words of the list, for every status', async () => {
    for (const displayStatus of invoiceDisplayStatuses) {
      const status = displayStatus === 'overdue' || displayStatus === 'partially_paid' ? 'sent' : displayStatus;
      const input = sampleDocument('latin', 'en', { status, displayStatus, number: status === 'draft' ? null : 'HP-0001' });
      const text = flat(await pdfToText(renderInvoicePdf(input)));
      expect(text).toContain(invoiceStatusWords.en[displayStatus]);
      for (const other of invoiceDisplayStatuses) {
        // 'Paid' is part of 'Partially paid' and of the 'Paid' amount label.
        if (other !== displayStatus && other !== 'paid') expect(text).not.toContain(invoiceStatusWords.en[other]);
      }
    }
  });

  it('runs long invoices over several pages, repeating the table header', async () => {
    const base = sampleInvoice();
    const lines = Array.from({ length: 70 }, (_, i) => ({ ...base.lines[0]!, id: `l${i}`, position: i + 1, description: `Item ${i + 1}: ${'consulting '.repeat(i % 7)}` }));
    const pdf = renderInvoicePdf({ ...sampleDocument('latin', 'en'), invoice: { ...base, lines, notes: 'Long\n'.repeat(5) } });
    const text = flat(await pdfToText(pdf));
    expect(text).toContain('Item 1:');
    expect(text).toContain('Item 70:');
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.split('Description').length - 1).toBe(pages);
  });

  it('draws text no font has as a replacement character instead of dropping the rest of the line', async () => {
    const input = sampleDocument('latin', 'en');
    const pdf = renderInvoicePdf({ ...input, client: { name: 'Emoji 🚀 Corp\u0007 Ltd' } });
    const text = flat(await pdfToText(pdf));
    expect(text).toContain('Emoji');
    expect(text).toContain('Corp Ltd');
  });
});
