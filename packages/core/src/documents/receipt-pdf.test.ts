import { expect, it } from 'vitest';
import { formatMoney } from '../money/money.js';
import { recordRefund } from '../payments/refunds.js';
import type { Locale } from '../shared/locales.js';
import { expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import { germanSellerProfile, italianBuyerBilling } from '../testing/lawful-parties.js';
import { receiptPdfCacheKey } from './document-cache.js';
import { documentStrings } from './document-strings.js';
import { ledgerStrings } from './ledger-strings.js';
import { normalizeExtracted, pdfToText } from './pdf-tools.js';
import { renderReceiptPdf } from './receipt-pdf.js';

describeEachDatabase('payment receipts', (database) => {
  /** A German business's invoice RE-0001 to an Italian client (1,249.50 EUR), paid in two parts: 249.50 by transfer, then 500.00 by card. */
  async function paidTwice() {
    const seeded = await seedBusiness(database(), { invoicePrefix: 'RE-', locale: 'de', ...germanSellerProfile });
    const client = await seeded.scope.clients.update(seeded.client.id, { name: 'Globex Italia S.r.l.', ...italianBuyerBilling });
    const invoice = await seeded.scope.invoices.issue((await seeded.scope.invoices.create(draftInput(client.id))).id);
    const first = await seeded.scope.payments.record({ invoiceId: invoice.id, amount: 24_950, method: 'bank_transfer', reference: 'SEPA-7781', receivedAt: new Date('2026-03-12T23:30:00Z') });
    seeded.clock.advance(60_000);
    const second = await seeded.scope.payments.record({ invoiceId: invoice.id, amount: 50_000, method: 'stripe', provider: 'stripe', reference: 'pi_3Receipt', receivedAt: new Date('2026-03-20T10:00:00Z') });
    const ctx = { db: database().db, clock: seeded.clock, businessId: seeded.business.id, actor: 'test' };
    return { ...seeded, client, invoice, first: first.payment, second: second.payment, ctx };
  }

  it('numbers each payment after its invoice and works out what was paid before it and the balance after it', async () => {
    const { scope, client, invoice, first, second } = await paidTwice();
    const one = await scope.documents.receiptForClient(client.id, invoice.id, first.id);
    const two = await scope.documents.receiptForClient(client.id, invoice.id, second.id);
    expect(one.receipt).toMatchObject({ number: 'RE-0001-1', amount: 24_950, paidBefore: 0, method: 'bank_transfer', providerReference: 'SEPA-7781' });
    expect(two.receipt).toMatchObject({ number: 'RE-0001-2', amount: 50_000, paidBefore: 24_950, method: 'stripe', providerReference: 'pi_3Receipt' });
    expect(two.receipt.invoice).toMatchObject({ number: 'RE-0001', total: 124_950, currency: 'EUR' });
    // The buyer as the invoice was issued, in the client's language (the business's: German).
    expect(two).toMatchObject({ client: { name: 'Globex Italia S.r.l.' }, locale: 'de' });
    expect(two.parties?.buyer.vatId).toBe('IT12345678901');
  });

  for (const locale of ['en', 'de', 'ja', 'ar'] as const satisfies readonly Locale[]) {
    it(`prints seller, buyer, receipt number, invoice, amount, date, method and balance after (${locale})`, async () => {
      const { scope, client, invoice, second } = await paidTwice();
      const input = await scope.documents.receiptForClient(client.id, invoice.id, second.id, locale);
      const text = normalizeExtracted(await pdfToText(renderReceiptPdf(input)));
      const l = ledgerStrings[locale];
      const money = (amount: number) => {
        const formatted = normalizeExtracted(formatMoney({ amount, currency: 'EUR' }, locale));
        // Right to left, pdftotext may put the currency sign on the other side of the digits.
        return locale === 'ar' ? formatted.replace(/[^\d.,]/g, '') : formatted;
      };
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date('2026-03-20T10:00:00Z'));
      const method = documentStrings[locale].paymentMethods.stripe;
      for (const expected of [
        'Harbor & Pine Studio GmbH',
        'Musterstraße 12',
        'DE123456789',
        'Globex Italia S.r.l.',
        'Via Roma 12',
        'IT12345678901',
        'RE-0001-2',
        'pi_3Receipt',
        l.receiptTitle,
        l.receiptNumber,
        l.receiptStatus.received,
        l.balanceAfter,
        l.paidBefore,
        normalizeExtracted(date),
        method.charAt(0).toLocaleUpperCase(locale) + method.slice(1),
        money(50_000),
        money(24_950),
        money(124_950 - 24_950 - 50_000),
      ]) {
        // pdftotext may drop or add a space where a right-to-left run meets a left-to-right one.
        if (locale === 'ar') expect(text.replace(/ /g, ''), expected).toContain(normalizeExtracted(expected).replace(/ /g, ''));
        else expect(text, expected).toContain(normalizeExtracted(expected));
      }
    });
  }

  it('shows a refund of the payment, and its receipt changes (a new cache key)', async () => {
    const { scope, client, invoice, second, ctx } = await paidTwice();
    const before = await scope.documents.receiptForClient(client.id, invoice.id, second.id, 'en');
    expect(await recordRefund(ctx, { provider: 'stripe', reference: 'pi_3Receipt', refundedTotal: 10_000 })).toBe('applied');
    const after = await scope.documents.receiptForClient(client.id, invoice.id, second.id, 'en');
    expect(after.receipt.refundedAmount).toBe(10_000);
    expect(receiptPdfCacheKey(after)).not.toBe(receiptPdfCacheKey(before));
    const text = normalizeExtracted(await pdfToText(renderReceiptPdf(after)));
    expect(text).toContain('Partly refunded');
    expect(text).toContain('Refunded');
    // Balance after: 1,249.50 − 249.50 − (500.00 − 100.00).
    expect(text).toContain(normalizeExtracted(formatMoney({ amount: 60_000, currency: 'EUR' }, 'en')));
  });

  it('is the same bytes for the same payment, and the business gets the same receipt under its own call', async () => {
    const { scope, client, invoice, first } = await paidTwice();
    const clients = await scope.documents.receiptForClient(client.id, invoice.id, first.id, 'it');
    const business = await scope.documents.receipt(invoice.id, first.id, 'it');
    expect(business).toEqual(clients);
    expect(Buffer.from(renderReceiptPdf(business)).equals(Buffer.from(renderReceiptPdf(clients)))).toBe(true);
  });

  it('answers not found for another client’s invoice, another invoice’s payment, an unknown payment and another business', async () => {
    const { api, scope, client, invoice, first } = await paidTwice();
    const other = await scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill', email: 'bill@initech.test' }] });
    const otherInvoice = await scope.invoices.issue((await scope.invoices.create(draftInput(other.id))).id);
    const otherPayment = await scope.payments.record({ invoiceId: otherInvoice.id, amount: 1_000, sendReceipt: false });
    await expectPorticoError(scope.documents.receiptForClient(other.id, invoice.id, first.id), 'invoice_not_found');
    await expectPorticoError(scope.documents.receiptForClient(client.id, invoice.id, otherPayment.payment.id), 'payment_not_found');
    await expectPorticoError(scope.documents.receiptForClient(client.id, invoice.id, 'pay_unknown'), 'payment_not_found');
    await expectPorticoError(scope.documents.receipt(invoice.id, otherPayment.payment.id), 'payment_not_found');
    const elsewhere = await api.businesses.create({ name: 'Elsewhere', portalUrl: 'https://elsewhere.test/portal' });
    await expectPorticoError(api.business(elsewhere.id).documents.receipt(invoice.id, first.id), 'invoice_not_found');
    const draft = await scope.invoices.create(draftInput(client.id));
    await scope.invoices.void(draft.id);
    await expectPorticoError(scope.documents.receiptForClient(client.id, draft.id, first.id), 'invoice_not_found');
  });
});
