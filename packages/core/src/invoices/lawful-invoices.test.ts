import { describe, expect, it } from 'vitest';
import { clientInvoiceDocument, clientInvoiceDocuments } from '../documents/client-documents.js';
import { documentStrings } from '../documents/document-strings.js';
import { renderInvoicePdf } from '../documents/invoice-pdf.js';
import { normalizeExtracted, pdfToText } from '../documents/pdf-tools.js';
import { partyStrings } from '../documents/party-strings.js';
import { formatMoney } from '../money/money.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import { germanSellerProfile, italianBuyerBilling } from '../testing/lawful-parties.js';
import { taxSummary } from './tax-summary.js';
import type { Locale } from '../shared/locales.js';

describeEachDatabase('lawful invoice content', (database) => {
  async function germanBillsItalian() {
    const seeded = await seedBusiness(database(), { invoicePrefix: 'RE-', locale: 'de', ...germanSellerProfile });
    const client = await seeded.scope.clients.update(seeded.client.id, { name: 'Globex Italia S.r.l.', ...italianBuyerBilling });
    return { ...seeded, client, ctx: { db: database().db, clock: seeded.clock, businessId: seeded.business.id, actor: 'test' } };
  }

  it('keeps the business profile and client billing details, normalised', async () => {
    const { business, client, api, scope } = await germanBillsItalian();
    expect(business).toMatchObject({
      legalName: 'Harbor & Pine Studio GmbH',
      address: { lines: ['Musterstraße 12'], postalCode: '10115', city: 'Berlin', region: null, countryCode: 'DE' },
      vatId: 'DE123456789',
      bankAccount: { accountHolder: 'Harbor & Pine Studio GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', accountNumber: null, routingNumber: null },
      paymentTermsDays: 14,
    });
    expect(client).toMatchObject({ vatId: 'IT12345678901', billingAddress: { city: 'Milano', countryCode: 'IT', lines: ['Via Roma 12', 'Scala B'] } });
    const updated = await api.businesses.update(business.id, { vatId: 'de 123.456.789', address: { ...germanSellerProfile.address, countryCode: 'de' }, contactPhone: null });
    expect(updated).toMatchObject({ vatId: 'DE123456789', contactPhone: null, address: { countryCode: 'DE' } });
    // A local account (no IBAN) is a bank account too.
    const us = await api.businesses.update(business.id, { bankAccount: { accountHolder: 'Harbor & Pine Inc.', accountNumber: '000123456789', routingNumber: '026009593' } });
    expect(us.bankAccount).toMatchObject({ iban: null, accountNumber: '000123456789', routingNumber: '026009593' });
    // New invoices fall due after the business's terms.
    const draft = await scope.invoices.create({ ...draftInput(client.id), issueDate: '2026-03-10', dueDate: undefined });
    expect(draft.dueDate).toBe('2026-03-24');
  });

  it('refuses a bad IBAN, country, VAT ID or tax rate with a clear error, and changes nothing', async () => {
    const { business, client, api, scope } = await germanBillsItalian();
    const before = { business: await api.businesses.get(business.id), client: await scope.clients.get(client.id), rows: await countRows(database().db, ['invoices', 'invoice_lines']) };
    const account = germanSellerProfile.bankAccount;
    const cases = [
      [() => api.businesses.update(business.id, { legalName: 'Changed', bankAccount: { ...account, iban: 'DE89 3704 0044 0532 0130 01' } }), 'invalid_iban', 'bankAccount.iban', /check digits/],
      [() => api.businesses.update(business.id, { legalName: 'Changed', bankAccount: { ...account, iban: 'DE89 3704 0044 0532 0130' } }), 'invalid_iban', 'bankAccount.iban', /length/],
      [() => api.businesses.update(business.id, { bankAccount: { ...account, bic: 'NOTABIC' } }), 'invalid_bic', 'bankAccount.bic', /BIC/],
      [() => api.businesses.update(business.id, { legalName: 'Changed', address: { ...germanSellerProfile.address, countryCode: 'XX' } }), 'invalid_country', 'address.countryCode', /ISO 3166/],
      [() => api.businesses.update(business.id, { address: { ...germanSellerProfile.address, countryCode: 'Germany' } }), 'invalid_country', 'address.countryCode', /alpha-2/],
      [() => api.businesses.update(business.id, { vatId: 'DE12345' }), 'invalid_vat_id', 'vatId', /DE VAT identifier/],
      [() => api.businesses.update(business.id, { vatId: '123456789' }), 'invalid_vat_id', 'vatId', /country prefix/],
      [() => scope.clients.update(client.id, { name: 'Changed', vatId: 'IT1234' }), 'invalid_vat_id', 'vatId', /IT VAT/],
      [() => scope.clients.update(client.id, { billingAddress: { lines: [], city: 'Milano', countryCode: 'IT' } as never }), 'invalid_input', 'billingAddress.lines', /street/],
      [() => scope.invoices.create(draftInput(client.id, { lines: [{ description: 'Work', quantity: 1, unitPrice: 1000, taxRate: -19 }] })), 'invalid_tax_rate', 'lines.0.taxRate', /0 to 100/],
      [() => scope.invoices.create(draftInput(client.id, { lines: [{ description: 'Work', quantity: 1, unitPrice: 1000, taxRate: 19, taxCategory: 'reverse_charge' }] })), 'invalid_tax_category', 'lines.0.taxRate', /must be 0/],
      [() => scope.invoices.create(draftInput(client.id, { lines: [{ description: 'Work', quantity: 1, unitPrice: 1000, taxCategory: 'luxury' as never }] })), 'invalid_tax_category', 'lines.0.taxCategory', /standard, zero, exempt, reverse_charge/],
    ] as const;
    for (const [call, code, field, message] of cases) {
      const error = await expectPorticoError(call(), code);
      expect(error.field).toBe(field);
      expect(error.status).toBe(400);
      expect(error.message).toMatch(message);
    }
    expect(await api.businesses.get(business.id)).toEqual(before.business);
    expect(await scope.clients.get(client.id)).toEqual(before.client);
    expect(await countRows(database().db, ['invoices', 'invoice_lines'])).toEqual(before.rows);
  });

  it('works out tax once per rate, and the lines still add up to it', async () => {
    const { client, scope } = await germanBillsItalian();
    // Three lines of 0.02 at 19%: 0.0038 each rounds to 0, but 0.06 at 19% is 0.0114, which is 0.01.
    const invoice = await scope.invoices.create(
      draftInput(client.id, {
        lines: [
          { description: 'A', quantity: 1, unitPrice: 2, taxRate: 19 },
          { description: 'B', quantity: 1, unitPrice: 2, taxRate: 19 },
          { description: 'C', quantity: 1, unitPrice: 2, taxRate: 19 },
          { description: 'Book', quantity: 1, unitPrice: 1999, taxRate: 7 },
          { description: 'Export', quantity: 1, unitPrice: 500, taxCategory: 'exempt' },
        ],
      }),
    );
    expect(taxSummary(invoice.lines)).toEqual([
      { category: 'standard', rate: 19, taxableAmount: 6, taxAmount: 1 },
      { category: 'standard', rate: 7, taxableAmount: 1999, taxAmount: 140 },
      { category: 'exempt', rate: 0, taxableAmount: 500, taxAmount: 0 },
    ]);
    expect(invoice.taxTotal).toBe(141);
    expect(invoice.lines.reduce((sum, line) => sum + line.tax, 0)).toBe(141);
    expect(invoice.total).toBe(6 + 1999 + 500 + 141);
  });

  it('freezes seller and buyer when the invoice is issued; a draft shows them as they are now', async () => {
    const { business, client, api, scope, ctx } = await germanBillsItalian();
    const issued = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id);
    const draft = await scope.invoices.create(draftInput(client.id, { sharedWithClient: true }));
    await api.businesses.update(business.id, { address: { lines: ['Neue Straße 1'], postalCode: '20095', city: 'Hamburg', countryCode: 'DE' } });
    await scope.clients.update(client.id, { name: 'Globex Renamed', vatId: 'IT98765432109' });
    const frozen = await scope.invoices.getForClient(client.id, issued.id);
    expect(frozen.parties.seller.address?.city).toBe('Berlin');
    expect(frozen.parties.buyer).toMatchObject({ name: 'Globex Italia S.r.l.', vatId: 'IT12345678901' });
    expect(frozen.clientName).toBe('Globex Italia S.r.l.');
    expect((await clientInvoiceDocument(ctx, client.id, issued.id)).client.name).toBe('Globex Italia S.r.l.');
    const live = await scope.invoices.getForClient(client.id, draft.id);
    expect(live.parties.seller.address?.city).toBe('Hamburg');
    expect(live.parties.buyer).toMatchObject({ name: 'Globex Renamed', vatId: 'IT98765432109' });
  });

  describe('the PDF of a German business billing an Italian client', () => {
    async function pdfText(locale: Locale, lines = draftInput('').lines) {
      const h = await germanBillsItalian();
      const issued = await h.scope.invoices.issue((await h.scope.invoices.create(draftInput(h.client.id, { lines }))).id);
      const document = await clientInvoiceDocument(h.ctx, h.client.id, issued.id, locale);
      return { text: normalizeExtracted(await pdfToText(renderInvoicePdf(document))), invoice: issued };
    }
    // In a right-to-left line pdftotext gives the amount's digits as written but may put the currency sign on the other side.
    const money = (amount: number, locale: Locale) => {
      const formatted = normalizeExtracted(formatMoney({ amount, currency: 'EUR' }, locale));
      return locale === 'ar' ? formatted.replace(/[^\d.,]/g, '') : formatted;
    };
    const common = ['Harbor & Pine Studio GmbH', 'Musterstraße 12', '10115 Berlin', 'DE123456789', 'Globex Italia S.r.l.', 'Via Roma 12', 'Scala B', '20121 Milano', 'IT12345678901', 'DE89 3704 0044 0532 0130 00', 'COBADEFFXXX', 'Net 14 days, no deduction.', 'RE-0001'];

    for (const locale of ['en', 'de', 'ja', 'ar'] as const) {
      it(`shows both addresses, both VAT IDs, the tax summary, terms and the IBAN (${locale})`, async () => {
        const strings = partyStrings[locale];
        const { text, invoice } = await pdfText(locale, [
          { description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19 },
          { description: 'Book', quantity: 2, unitPrice: 2_550, taxRate: 7 },
        ]);
        for (const expected of [
          ...common,
          strings.vatId,
          strings.taxSummary.toLocaleUpperCase(locale),
          strings.taxableAmount,
          strings.taxCategory.standard,
          strings.paymentTerms.toLocaleUpperCase(locale),
          strings.bankTransfer.toLocaleUpperCase(locale),
          strings.reference,
          money(100_000, locale), // taxable at 19%
          money(19_000, locale), // its tax
          money(5_100, locale), // taxable at 7%
          money(357, locale), // its tax
          money(invoice.total, locale),
          new Intl.DisplayNames([locale], { type: 'region' }).of('IT')!,
        ]) {
          expect(text, `${locale}: ${expected}`).toContain(normalizeExtracted(expected));
        }
      });
    }

    it('prints the reverse-charge note when a line is reverse-charged, and the business’s own note when it set one', async () => {
      const lines = [{ description: 'Consulting (B2B service)', quantity: 8, unitPrice: 12_000, taxCategory: 'reverse_charge' as const }];
      const { text } = await pdfText('en', lines);
      expect(text).toContain('Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).');
      expect(text).toContain(`Reverse charge ${normalizeExtracted(new Intl.NumberFormat('en', { style: 'percent' }).format(0))}`);
      const ja = await pdfText('ja', lines);
      expect(ja.text).toContain(normalizeExtracted(partyStrings.ja.reverseChargeNote));
    });

    for (const locale of ['en', 'de', 'ja', 'ar'] as const) {
      it(`lists the invoice's payments, dated where the business is, on the PDF and in the ZIP alike (${locale})`, async () => {
        const h = await germanBillsItalian();
        const issued = await h.scope.invoices.issue((await h.scope.invoices.create(draftInput(h.client.id))).id);
        // 23:30 UTC on the 12th is already the 13th in Berlin.
        await h.scope.payments.record({ invoiceId: issued.id, amount: 50_000, method: 'bank_transfer', receivedAt: new Date('2026-03-12T23:30:00Z'), sendReceipt: false });
        await h.scope.payments.record({ invoiceId: issued.id, amount: 20_000, method: 'cash', receivedAt: new Date('2026-03-20T10:00:00Z'), sendReceipt: false });
        const strings = documentStrings[locale];
        const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(iso));
        const single = normalizeExtracted(await pdfToText(renderInvoicePdf(await clientInvoiceDocument(h.ctx, h.client.id, issued.id, locale))));
        let zipped = '';
        for await (const input of await clientInvoiceDocuments(h.ctx, h.client.id, { ids: [issued.id] }, locale)) zipped = normalizeExtracted(await pdfToText(renderInvoicePdf(input)));
        // pdftotext reorders a right-to-left line's parts: in Arabic, look for each part.
        const row = (iso: string, method: 'bank_transfer' | 'cash') =>
          locale === 'ar'
            ? [strings.paymentMethods[method], strings.paymentRow({ date: '', method: '' }).replace(/[()\s]+$/, '')]
            : [strings.paymentRow({ date: date(iso), method: strings.paymentMethods[method] })];
        for (const text of [single, zipped]) {
          for (const part of [...row('2026-03-12T23:30:00Z', 'bank_transfer'), ...row('2026-03-20T10:00:00Z', 'cash')]) expect(text).toContain(normalizeExtracted(part));
          expect(text).toContain(money(50_000, locale));
          expect(text).toContain(money(20_000, locale));
        }
        expect(date('2026-03-12T23:30:00Z')).toContain('13');
      });
    }
  });
});
