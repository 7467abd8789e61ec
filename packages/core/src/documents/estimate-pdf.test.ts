import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../email/templates/formatting.js';
import { estimateDisplayStatuses } from '../estimates/estimate-status.js';
import { formatMoney } from '../money/money.js';
import { supportedLocales } from '../shared/locales.js';
import { sampleEstimate, sampleEstimateDocument, sampleNames } from '../testing/test-invoices.js';
import { documentStrings } from './document-strings.js';
import { PRINTED_HASH_LENGTH, renderEstimatePdf } from './estimate-pdf.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { normalizeExtracted, pdfToText } from './pdf-tools.js';
import { sampleDocument } from '../testing/test-invoices.js';

const flat = (text: string) => text.replace(/\s+/gu, ' ');
const accepted = {
  status: 'accepted' as const,
  displayStatus: 'accepted' as const,
  acceptance: {
    name: 'Wile E. Coyote',
    at: new Date('2026-03-12T10:30:00Z'),
    ip: '203.0.113.9',
    userAgent: 'Mozilla/5.0',
    versionHash: 'a3f1c09e5b7d2468ace0134579bdf02468ace13579bdf02468ace13579bdf024',
  },
};

describe('estimate PDF', () => {
  it('reads back title, number, dates, lines, totals and notes in English, with no payments and no How to pay', async () => {
    const input = sampleEstimateDocument('latin', 'en');
    const text = flat(await pdfToText(renderEstimatePdf(input)));
    const { estimate } = input;
    for (const expected of [
      sampleNames.latin.business,
      sampleNames.latin.client,
      'Estimate',
      'Estimate no. EST-0007',
      'PREPARED FOR',
      'Valid until',
      'April 9, 2026',
      'March 10, 2026',
      'Brand workshop, two days',
      'Sent',
      'TAX SUMMARY',
      'Thank you for your business.',
      formatMoney({ amount: estimate.total, currency: 'EUR' }, 'en'),
      formatMoney({ amount: estimate.taxTotal, currency: 'EUR' }, 'en'),
      formatMoney({ amount: estimate.subtotal, currency: 'EUR' }, 'en'),
    ]) {
      expect(text).toContain(flat(expected));
    }
    for (const absent of ['Invoice', 'Balance due', 'Paid', 'Due date', 'BANK TRANSFER', 'Accepted by']) expect(text).not.toContain(absent);
  });

  it('prints who accepted it, when, and the accepted version’s hash shortened', async () => {
    const text = flat(await pdfToText(renderEstimatePdf(sampleEstimateDocument('latin', 'en', accepted))));
    expect(text).toContain(`Accepted by Wile E. Coyote on March 12, 2026 (version ${accepted.acceptance.versionHash.slice(0, PRINTED_HASH_LENGTH)})`);
    expect(text).not.toContain(accepted.acceptance.versionHash);
    expect(text).toContain('Accepted');
  });

  it('writes German and Russian labels, dates and amounts', async () => {
    for (const [script, locale] of [['latin', 'de'], ['cyrillic', 'ru']] as const) {
      const input = sampleEstimateDocument(script, locale, accepted);
      const text = flat(await pdfToText(renderEstimatePdf(input)));
      const s = documentStrings[locale];
      expect(text).toContain(s.estimateTitle);
      expect(text).toContain('EST-0007');
      expect(text).toContain(s.validUntil);
      expect(text).toContain(flat(formatCalendarDate('2026-04-09', locale)));
      expect(text).toContain(flat(formatMoney({ amount: input.estimate.total, currency: 'EUR' }, locale)));
      expect(text).toContain(sampleNames[script].client);
      expect(text).toContain('Wile E. Coyote');
    }
  });

  it('writes Japanese names, labels, dates and yen amounts', async () => {
    const input = sampleEstimateDocument('japanese', 'ja', { currency: 'JPY' });
    const text = flat(await pdfToText(renderEstimatePdf(input)));
    expect(text).toContain('見積書');
    expect(text).toContain('見積書番号 EST-0007');
    expect(text).toContain('有効期限');
    expect(text).toContain('2026年4月9日');
    expect(text).toContain(sampleNames.japanese.client);
    expect(text).toContain('ロゴデザイン');
    expect(text).toContain(flat(formatMoney({ amount: input.estimate.total, currency: 'JPY' }, 'ja')));
    expect(text).not.toContain(documentStrings.ja.balance);
  });

  it('shapes Arabic and lays it out right to left, with the number and total as written', async () => {
    const input = sampleEstimateDocument('arabic', 'ar', accepted);
    const raw = await pdfToText(renderEstimatePdf(input));
    expect(raw).toMatch(/[\uFE70-\uFEFF]/);
    const text = normalizeExtracted(raw);
    expect(text).toContain(documentStrings.ar.estimateTitle);
    expect(text).toContain(documentStrings.ar.validUntil);
    expect(text).toContain(sampleNames.arabic.client);
    expect(text).toContain('EST-0007');
    expect(text).toContain('2,396.33');
    expect(text).not.toContain(documentStrings.ar.balance);
  });

  it('has its labels and every status in every portal language', async () => {
    for (const locale of supportedLocales) {
      const s = documentStrings[locale];
      const text = normalizeExtracted(await pdfToText(renderEstimatePdf(sampleEstimateDocument('latin', locale, { status: 'draft' }))));
      for (const label of [s.draftEstimateTitle, s.validUntil, s.total, s.estimateStatus.draft]) {
        expect(text, `${locale}: ${label}`).toContain(normalizeExtracted(label));
      }
      for (const status of estimateDisplayStatuses) expect(s.estimateStatus[status], `${locale} ${status}`).toMatch(/\S/);
    }
  });

  it('prints each display status, expired once the day is past valid-until', async () => {
    const expired = sampleEstimate({ validUntil: '2026-03-01' });
    expect(expired.displayStatus).toBe('expired');
    const text = flat(await pdfToText(renderEstimatePdf({ ...sampleEstimateDocument('latin', 'en'), estimate: expired })));
    expect(text).toContain('Expired');
    expect(text).not.toContain('Sent');
  });

  it('gives the same bytes for the same version and locale, other bytes for another version, and never an invoice’s', () => {
    const first = renderEstimatePdf(sampleEstimateDocument('japanese', 'ja'));
    expect(Buffer.from(renderEstimatePdf(sampleEstimateDocument('japanese', 'ja'))).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(renderEstimatePdf(sampleEstimateDocument('japanese', 'ja', { version: 3 }))).equals(Buffer.from(first))).toBe(false);
    expect(Buffer.from(renderInvoicePdf(sampleDocument('japanese', 'ja'))).equals(Buffer.from(first))).toBe(false);
  });
});
