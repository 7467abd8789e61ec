import { describe, expect, it } from 'vitest';
import type { BusinessApi } from '../api.js';
import type { PaymentInput } from './payments.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';

/** A business with one sent invoice of total 124950 EUR. */
async function sentInvoice(database: Parameters<typeof seedBusiness>[0]) {
  const seeded = await seedBusiness(database);
  const draft = await seeded.scope.invoices.create(draftInput(seeded.client.id));
  const invoice = await seeded.scope.invoices.issue(draft.id);
  return { ...seeded, invoice };
}

const paymentTables = ['invoices', 'payments', 'audit_log'] as const;

/** Runs `calls` at once and sorts the outcomes into values and PorticoError codes. */
async function settle<T>(calls: Array<Promise<T>>) {
  const results = await Promise.allSettled(calls);
  return {
    values: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    codes: results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code ?? String(r.reason)] : [])),
  };
}

async function paymentRows(scope: BusinessApi, invoiceId: string) {
  return scope.payments.list({ invoiceId });
}

describeEachDatabase('payments', (database) => {
  it('takes partial payments until the invoice is paid', async () => {
    const { scope, invoice, clock, client } = await sentInvoice(database());

    clock.advanceDays(3);
    const first = await scope.payments.record({ invoiceId: invoice.id, amount: 50_000, method: 'bank_transfer', reference: 'SEPA-1' });
    expect(first.duplicate).toBe(false);
    expect(first.payment).toMatchObject({ invoiceId: invoice.id, clientId: client.id, amount: 50_000, currency: 'EUR', method: 'bank_transfer', provider: 'manual', providerReference: 'SEPA-1', refundedAmount: 0 });
    expect(first.payment.receivedAt).toEqual(clock.now());
    expect(first.invoice).toMatchObject({ status: 'sent', amountPaid: 50_000, balance: 74_950, paidAt: null });

    clock.advanceDays(2);
    const second = await scope.payments.record({ invoiceId: invoice.id, amount: 74_950, currency: 'EUR' });
    expect(second.invoice).toMatchObject({ status: 'paid', displayStatus: 'paid', amountPaid: 124_950, balance: 0 });
    expect(second.invoice.paidAt).toEqual(clock.now());

    const listed = await paymentRows(scope, invoice.id);
    expect(listed.map((p) => p.amount)).toEqual([74_950, 50_000]); // most recent first
    expect(await scope.payments.list({ clientId: client.id })).toHaveLength(2);
  });

  it('refuses a provider reference already recorded on another invoice, and changes nothing', async () => {
    const { scope, invoice, client } = await sentInvoice(database());
    const other = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id);
    await scope.payments.record({ invoiceId: invoice.id, amount: 1_000, provider: 'stripe', reference: 'pi_123' });
    const refused = await expectPorticoError(scope.payments.record({ invoiceId: other.id, amount: 1_000, provider: 'stripe', reference: 'pi_123' }), 'duplicate');
    expect(refused.message).toMatch(/another invoice/);
    expect((await scope.invoices.get(other.id)).amountPaid).toBe(0);
    expect(await paymentRows(scope, other.id)).toHaveLength(0);
  });

  it('keeps the receivedAt the caller gives', async () => {
    const { scope, invoice } = await sentInvoice(database());
    const receivedAt = new Date('2026-03-09T16:30:00Z');
    const { payment } = await scope.payments.record({ invoiceId: invoice.id, amount: 100, receivedAt });
    expect(payment.receivedAt).toEqual(receivedAt);
  });

  describe('refusals change nothing', () => {
    async function expectRefused(scope: BusinessApi, invoiceId: string, input: PaymentInput, code: Parameters<typeof expectPorticoError>[1]) {
      const before = { invoice: await scope.invoices.get(invoiceId), rows: await countRows(database().db, paymentTables) };
      const error = await expectPorticoError(scope.payments.record(input), code);
      expect(await scope.invoices.get(invoiceId)).toEqual(before.invoice);
      expect(await countRows(database().db, paymentTables)).toEqual(before.rows);
      return error;
    }

    it('refuses an overpayment', async () => {
      const { scope, invoice } = await sentInvoice(database());
      const error = await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: 124_951 }, 'overpayment');
      expect(error.field).toBe('amount');
      expect(error.message).toContain('124950');
    });

    it('refuses an overpayment after a partial payment', async () => {
      const { scope, invoice } = await sentInvoice(database());
      await scope.payments.record({ invoiceId: invoice.id, amount: 100_000 });
      await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: 24_951 }, 'overpayment');
    });

    it('refuses a payment in another currency', async () => {
      const { scope, invoice } = await sentInvoice(database());
      const error = await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: 100, currency: 'USD' }, 'currency_mismatch');
      expect(error.message).toContain('EUR');
      await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: 100, currency: 'EURO' }, 'unknown_currency');
    });

    it('refuses to pay a draft', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));
      const error = await expectRefused(scope, draft.id, { invoiceId: draft.id, amount: 100 }, 'invoice_not_payable');
      expect(error.status).toBe(409);
      expect(error.message).toContain('draft');
    });

    it('refuses to pay a void invoice', async () => {
      const { scope, invoice } = await sentInvoice(database());
      await scope.invoices.void(invoice.id);
      await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: 100 }, 'invoice_not_payable');
    });

    it('refuses to pay a paid invoice', async () => {
      const { scope, invoice } = await sentInvoice(database());
      await scope.payments.record({ invoiceId: invoice.id, amount: invoice.total });
      const error = await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: 1 }, 'invoice_not_payable');
      expect(error.message).toContain('paid');
    });

    it.each([
      ['zero', 0],
      ['negative', -100],
      ['fractional', 10.5],
      ['text', '100'],
    ])('refuses a %s amount', async (_, amount) => {
      const { scope, invoice } = await sentInvoice(database());
      await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: amount as number }, 'invalid_amount');
    });

    it('refuses an amount past Number.MAX_SAFE_INTEGER', async () => {
      const { scope, invoice } = await sentInvoice(database());
      await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: Number.MAX_SAFE_INTEGER + 2 }, 'amount_overflow');
    });

    it('refuses an unknown method and an unknown invoice', async () => {
      const { scope, invoice } = await sentInvoice(database());
      await expectRefused(scope, invoice.id, { invoiceId: invoice.id, amount: 100, method: 'bitcoin' as never }, 'invalid_input');
      await expectRefused(scope, invoice.id, { invoiceId: 'inv_missing', amount: 100 }, 'invoice_not_found');
    });
  });

  describe('the same provider reference records once', () => {
    it('when it arrives twice in a row', async () => {
      const { scope, invoice } = await sentInvoice(database());
      const input = { invoiceId: invoice.id, amount: 20_000, provider: 'stripe', reference: 'pi_123', method: 'stripe' as const };
      const first = await scope.payments.record(input);
      const again = await scope.payments.record(input);
      expect([first.duplicate, again.duplicate]).toEqual([false, true]);
      expect(again.payment).toEqual(first.payment);
      expect(again.invoice.amountPaid).toBe(20_000);
      expect(await paymentRows(scope, invoice.id)).toHaveLength(1);
    });

    it('when it arrives ten times at once', async () => {
      const { scope, invoice } = await sentInvoice(database());
      const input = { invoiceId: invoice.id, amount: 20_000, provider: 'stripe', reference: 'pi_parallel' };
      const { values, codes } = await settle(Array.from({ length: 10 }, () => scope.payments.record(input)));
      expect(codes).toEqual([]);
      expect(values.filter((v) => !v.duplicate)).toHaveLength(1);
      expect(new Set(values.map((v) => v.payment.id)).size).toBe(1);
      expect((await scope.invoices.get(invoice.id)).amountPaid).toBe(20_000);
      expect(await paymentRows(scope, invoice.id)).toHaveLength(1);
    });

    it('when a payment of the whole balance arrives ten times at once', async () => {
      const { scope, invoice } = await sentInvoice(database());
      const input = { invoiceId: invoice.id, amount: invoice.total, provider: 'stripe', reference: 'pi_full' };
      const { values, codes } = await settle(Array.from({ length: 10 }, () => scope.payments.record(input)));
      expect(codes).toEqual([]);
      expect(values.filter((v) => !v.duplicate)).toHaveLength(1);
      expect(values.every((v) => v.invoice.status === 'paid')).toBe(true);
      expect((await scope.invoices.get(invoice.id)).amountPaid).toBe(invoice.total);
      expect(await paymentRows(scope, invoice.id)).toHaveLength(1);
    });

    it('but a reference from another provider is another payment', async () => {
      const { scope, invoice } = await sentInvoice(database());
      await scope.payments.record({ invoiceId: invoice.id, amount: 1_000, provider: 'stripe', reference: 'ref-1' });
      const other = await scope.payments.record({ invoiceId: invoice.id, amount: 1_000, provider: 'bank', reference: 'ref-1' });
      expect(other.duplicate).toBe(false);
      expect(other.invoice.amountPaid).toBe(2_000);
    });

    it('but payments without a reference are each recorded', async () => {
      const { scope, invoice } = await sentInvoice(database());
      await scope.payments.record({ invoiceId: invoice.id, amount: 1_000 });
      const second = await scope.payments.record({ invoiceId: invoice.id, amount: 1_000 });
      expect(second.duplicate).toBe(false);
      expect(second.invoice.amountPaid).toBe(2_000);
    });
  });

  describe('concurrent payments', () => {
    it('can never push the amount paid past the total', async () => {
      const { scope, invoice } = await sentInvoice(database()); // total 124950
      const { values, codes } = await settle(Array.from({ length: 10 }, () => scope.payments.record({ invoiceId: invoice.id, amount: 30_000 })));
      expect(values).toHaveLength(4);
      expect(codes).toHaveLength(6);
      expect(new Set(codes)).toEqual(new Set(['overpayment']));
      const final = await scope.invoices.get(invoice.id);
      expect(final).toMatchObject({ amountPaid: 120_000, balance: 4_950, status: 'sent' });
      const rows = await paymentRows(scope, invoice.id);
      expect(rows.reduce((sum, p) => sum + p.amount, 0)).toBe(final.amountPaid);
    });

    it('stop at paid when they cover the total exactly', async () => {
      const { scope, invoice } = await sentInvoice(database());
      const { values, codes } = await settle(Array.from({ length: 10 }, () => scope.payments.record({ invoiceId: invoice.id, amount: 41_650 })));
      expect(values).toHaveLength(3);
      expect(new Set(codes)).toEqual(new Set(['invoice_not_payable']));
      expect(await scope.invoices.get(invoice.id)).toMatchObject({ amountPaid: 124_950, balance: 0, status: 'paid' });
      expect(await paymentRows(scope, invoice.id)).toHaveLength(3);
    });
  });

  describe('currencies with other decimals', () => {
    it('pays a JPY invoice in whole yen', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id, { currency: 'JPY', lines: [{ description: 'Ticket', quantity: 1.5, unitPrice: 333, taxRate: 8 }] }));
      const invoice = await scope.invoices.issue(draft.id);
      expect(invoice.total).toBe(540);
      const { invoice: paid, payment } = await scope.payments.record({ invoiceId: invoice.id, amount: 540 });
      expect(payment.currency).toBe('JPY');
      expect(paid.status).toBe('paid');
    });

    it('pays a KWD invoice in fils', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id, { currency: 'KWD', lines: [{ description: 'Service', quantity: 3, unitPrice: 1_250, taxRate: 5 }] }));
      const invoice = await scope.invoices.issue(draft.id);
      await scope.payments.record({ invoiceId: invoice.id, amount: 3_937, currency: 'KWD' });
      expect(await scope.invoices.get(invoice.id)).toMatchObject({ total: 3_938, balance: 1, status: 'sent' });
    });
  });
});
