import { expect, it } from 'vitest';
import { renderStatementPdf } from '../documents/statement-pdf.js';
import { ledgerStrings } from '../documents/ledger-strings.js';
import { normalizeExtracted, pdfToText } from '../documents/pdf-tools.js';
import { formatMoney } from '../money/money.js';
import { recordRefund } from '../payments/refunds.js';
import type { Locale } from '../shared/locales.js';
import { expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import { germanSellerProfile, italianBuyerBilling } from '../testing/lawful-parties.js';

describeEachDatabase('statement of account', (database) => {
  /**
   * Today is 2026-03-10 in Berlin. RE-0001 (1,249.50) was issued last year and
   * 249.50 of it paid then; this year RE-0002 was issued and paid, RE-0003
   * issued and part paid by card (then part refunded), 500.00 more came for
   * RE-0001 just after midnight on 1 February in Berlin (still 31 January in
   * UTC), and RE-0004 was billed in dollars. A draft, a never-issued voided
   * draft and another client's invoice count nowhere.
   */
  async function yearOfBilling() {
    const seeded = await seedBusiness(database(), { invoicePrefix: 'RE-', locale: 'de', ...germanSellerProfile });
    const { scope } = seeded;
    const client = await scope.clients.update(seeded.client.id, { name: 'Globex Italia S.r.l.', ...italianBuyerBilling });
    const issue = async (issueDate: string, dueDate: string, overrides = {}) => scope.invoices.issue((await scope.invoices.create(draftInput(client.id, { issueDate, dueDate, ...overrides }))).id);
    const pay = (invoiceId: string, amount: number, receivedAt: string, more = {}) => scope.payments.record({ invoiceId, amount, receivedAt: new Date(receivedAt), sendReceipt: false, method: 'bank_transfer', ...more });
    const a = await issue('2025-12-01', '2025-12-31');
    await pay(a.id, 24_950, '2025-12-20T10:00:00Z');
    const b = await issue('2026-01-15', '2026-02-14');
    const c = await issue('2026-03-01', '2026-03-31');
    const usd = await issue('2026-02-01', '2026-02-10', { currency: 'USD', lines: [{ description: 'Retainer', quantity: 1, unitPrice: 99_900, taxRate: 0 }] });
    await pay(a.id, 50_000, '2026-01-31T23:30:00Z');
    await pay(b.id, 124_950, '2026-02-01T10:00:00Z');
    await pay(c.id, 20_000, '2026-03-05T09:00:00Z', { method: 'stripe', provider: 'stripe', reference: 'pi_statement' });
    const ctx = { db: database().db, clock: seeded.clock, businessId: seeded.business.id, actor: 'test' };
    expect(await recordRefund(ctx, { provider: 'stripe', reference: 'pi_statement', refundedTotal: 5_000 })).toBe('applied');
    await scope.invoices.create(draftInput(client.id, { issueDate: '2026-02-02' }));
    await scope.invoices.void((await scope.invoices.create(draftInput(client.id, { issueDate: '2026-02-03' }))).id);
    const other = await scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill', email: 'bill@initech.test' }] });
    await scope.invoices.issue((await scope.invoices.create(draftInput(other.id, { issueDate: '2026-02-04', dueDate: '2026-02-05' }))).id);
    return { ...seeded, client, a, b, c, usd };
  }

  it('defaults to this calendar year so far: opening balance, invoices and payments in date order with the running balance, closing balance, aging', async () => {
    const { scope, client, a, b, c, usd } = await yearOfBilling();
    const statement = await scope.statements.forPeriod(client.id);
    expect(statement).toMatchObject({ clientId: client.id, from: '2026-01-01', to: '2026-03-10', asOf: '2026-03-10' });
    expect(statement.currencies.map((figures) => figures.currency)).toEqual(['EUR', 'USD']);
    const [eur, dollars] = statement.currencies;
    expect(eur).toMatchObject({ opening: 100_000, invoiced: 249_900, paid: 189_950, closing: 159_950 });
    expect(eur!.entries).toEqual([
      { kind: 'invoice', date: '2026-01-15', invoiceId: b.id, invoiceNumber: 'RE-0002', dueDate: '2026-02-14', charge: 124_950, balance: 224_950 },
      // Received 23:30 UTC on 31 January: 1 February in Berlin.
      { kind: 'payment', date: '2026-02-01', invoiceId: a.id, invoiceNumber: 'RE-0001', method: 'bank_transfer', payment: 50_000, refunded: 0, balance: 174_950 },
      { kind: 'payment', date: '2026-02-01', invoiceId: b.id, invoiceNumber: 'RE-0002', method: 'bank_transfer', payment: 124_950, refunded: 0, balance: 50_000 },
      { kind: 'invoice', date: '2026-03-01', invoiceId: c.id, invoiceNumber: 'RE-0003', dueDate: '2026-03-31', charge: 124_950, balance: 174_950 },
      { kind: 'payment', date: '2026-03-05', invoiceId: c.id, invoiceNumber: 'RE-0003', method: 'stripe', payment: 15_000, refunded: 5_000, balance: 159_950 },
    ]);
    // RE-0001 owes 500.00, 69 days past due; RE-0003 owes 1,099.50, not yet due.
    expect(eur!.aging).toEqual({ current: 109_950, days1to30: 0, days31to60: 0, days61to90: 50_000, over90: 0 });
    expect(dollars).toMatchObject({ opening: 0, invoiced: 99_900, paid: 0, closing: 99_900, aging: { days1to30: 99_900 } });
    expect(dollars!.entries.map((entry) => entry.invoiceId)).toEqual([usd.id]);
    // Up to today, the aging is the on-screen statement's.
    const onScreen = await scope.statements.get(client.id);
    expect(onScreen.currencies.map((figures) => [figures.currency, figures.outstanding, figures.aging])).toEqual(
      statement.currencies.map((figures) => [figures.currency, figures.closing, figures.aging]),
    );
  });

  it('carries the balance into a past period, closes it on its last day, and ages what was owed then', async () => {
    const { scope, client } = await yearOfBilling();
    const february = await scope.statements.forPeriod(client.id, { from: '2026-02-01', to: '2026-02-28' });
    const eur = february.currencies.find((figures) => figures.currency === 'EUR')!;
    expect(eur).toMatchObject({ opening: 224_950, invoiced: 0, paid: 174_950, closing: 50_000 });
    expect(eur.aging).toEqual({ current: 0, days1to30: 0, days31to60: 50_000, days61to90: 0, over90: 0 });
    const january = await scope.statements.forPeriod(client.id, { from: '2026-01-01', to: '2026-01-31' });
    expect(january.currencies.find((figures) => figures.currency === 'EUR')).toMatchObject({ opening: 100_000, closing: 224_950 });
    // Before anything was billed there is nothing to say.
    expect((await scope.statements.forPeriod(client.id, { from: '2025-01-01', to: '2025-06-30' })).currencies).toEqual([]);
  });

  it('reads a period ending after today as ending today, and refuses a reversed period, a bad date and another business’s client', async () => {
    const { api, scope, client } = await yearOfBilling();
    expect(await scope.statements.forPeriod(client.id, { from: '2026-03-01', to: '2026-12-31' })).toMatchObject({ from: '2026-03-01', to: '2026-03-10' });
    expect((await expectPorticoError(scope.statements.forPeriod(client.id, { from: '2026-03-05', to: '2026-03-01' }), 'invalid_input')).field).toBe('from');
    expect((await expectPorticoError(scope.statements.forPeriod(client.id, { from: '2026-02-30' }), 'invalid_date')).field).toBe('from');
    expect((await expectPorticoError(scope.statements.forPeriod(client.id, { to: 'yesterday' }), 'invalid_date')).field).toBe('to');
    const elsewhere = await api.businesses.create({ name: 'Elsewhere', portalUrl: 'https://elsewhere.test/portal' });
    await expectPorticoError(api.business(elsewhere.id).statements.forPeriod(client.id), 'client_not_found');
  });

  for (const locale of ['en', 'de', 'ja', 'ar'] as const satisfies readonly Locale[]) {
    it(`prints the statement PDF: parties, period, ledger with running balance, closing balance and aging (${locale})`, async () => {
      const { scope, client } = await yearOfBilling();
      const input = await scope.documents.statementForClient(client.id, {}, locale);
      const text = normalizeExtracted(await pdfToText(renderStatementPdf(input)));
      const l = ledgerStrings[locale];
      const squash = (value: string) => (locale === 'ar' ? value.replace(/ /g, '') : value);
      const money = (amount: number, currency = 'EUR') => {
        const formatted = normalizeExtracted(formatMoney({ amount, currency }, locale));
        return locale === 'ar' ? formatted.replace(/[^\d.,]/g, '') : formatted;
      };
      for (const expected of [
        'Harbor & Pine Studio GmbH',
        'DE123456789',
        'Globex Italia S.r.l.',
        'Via Roma 12',
        'IT12345678901',
        'RE-0001',
        'RE-0002',
        'RE-0003',
        'RE-0004',
        l.statementTitle,
        l.openingBalance,
        l.closingBalance,
        l.charges,
        l.payments,
        l.agingCurrent,
        // Right to left, pdftotext gives a range of days backwards (90–61).
        ...(locale === 'ar' ? [] : [l.aging61to90]),
        money(100_000),
        money(224_950),
        money(159_950),
        money(109_950),
        money(15_000),
        money(5_000),
        money(99_900, 'USD'),
      ]) {
        expect(squash(text), expected).toContain(squash(normalizeExtracted(expected)));
      }
      // Nothing of another client's and no draft.
      expect(text).not.toContain('Initech');
    });
  }
});
