import { expect, it } from 'vitest';
import type { BusinessApi } from '../api.js';
import { addDays } from '../businesses/business-today.js';
import { expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { recordRefund } from '../payments/refunds.js';

interface Billed {
  amount: number;
  currency?: string;
  issueDate?: string;
  dueDate: string;
}

/** An issued invoice of one untaxed line: its total is `amount`. */
async function billed(scope: BusinessApi, clientId: string, { amount, currency = 'EUR', issueDate, dueDate }: Billed) {
  const draft = await scope.invoices.create({
    clientId,
    currency,
    issueDate: issueDate ?? (dueDate < '2026-03-10' ? dueDate : '2026-03-10'),
    dueDate,
    lines: [{ description: 'Work', quantity: 1, unitPrice: amount }],
  });
  return scope.invoices.issue(draft.id);
}

const noAging = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };

describeEachDatabase('statement', (database) => {
  it('totals per currency: partial payments, paid invoices, overdue; drafts and void invoices count nowhere', async () => {
    const { scope, client } = await seedBusiness(database());
    // Today is 2026-03-10 in Berlin.
    const current = await billed(scope, client.id, { amount: 100_00, dueDate: '2026-04-09' });
    await scope.payments.record({ invoiceId: current.id, amount: 30_00, receivedAt: new Date('2026-03-05T10:00:00Z') });
    await billed(scope, client.id, { amount: 50_00, dueDate: '2026-03-01' });
    const settled = await billed(scope, client.id, { amount: 20_00, dueDate: '2026-03-20' });
    await scope.payments.record({ invoiceId: settled.id, amount: 20_00, receivedAt: new Date('2026-03-08T10:00:00Z') });
    await scope.invoices.create({ clientId: client.id, currency: 'EUR', lines: [{ description: 'Draft', quantity: 1, unitPrice: 999_00 }] });
    await scope.invoices.create({
      clientId: client.id,
      currency: 'EUR',
      sharedWithClient: true,
      lines: [{ description: 'Shared draft', quantity: 1, unitPrice: 888_00 }],
    });
    const voided = await billed(scope, client.id, { amount: 77_00, dueDate: '2026-01-01' });
    await scope.invoices.void(voided.id);
    const dollars = await billed(scope, client.id, { amount: 200_00, currency: 'USD', dueDate: '2026-02-01' });
    await scope.payments.record({ invoiceId: dollars.id, amount: 50_00, receivedAt: new Date('2026-03-01T10:00:00Z') });
    // Only drafts in yen: never billed in yen.
    await scope.invoices.create({ clientId: client.id, currency: 'JPY', lines: [{ description: 'Draft', quantity: 1, unitPrice: 5000 }] });

    const statement = await scope.statements.get(client.id);
    expect(statement.asOf).toBe('2026-03-10');
    expect(statement.currencies).toEqual([
      {
        currency: 'EUR',
        paidToDate: 50_00,
        outstanding: 70_00 + 50_00,
        overdue: 50_00,
        aging: { ...noAging, current: 70_00, days1to30: 50_00 },
        lastPayment: { amount: 20_00, receivedAt: new Date('2026-03-08T10:00:00Z'), invoiceId: settled.id, invoiceNumber: settled.number },
      },
      {
        currency: 'USD',
        paidToDate: 50_00,
        outstanding: 150_00,
        overdue: 150_00,
        aging: { ...noAging, days31to60: 150_00 },
        lastPayment: { amount: 50_00, receivedAt: new Date('2026-03-01T10:00:00Z'), invoiceId: dollars.id, invoiceNumber: dollars.number },
      },
    ]);
  });

  it('turns an invoice overdue once the business’s day passes its due date, in the business’s time zone', async () => {
    const { scope, client, clock } = await seedBusiness(database());
    await billed(scope, client.id, { amount: 40_00, dueDate: '2026-03-12' });
    const figures = async () => {
      const [eur] = (await scope.statements.get(client.id)).currencies;
      return { overdue: eur!.overdue, current: eur!.aging.current, days1to30: eur!.aging.days1to30 };
    };
    expect(await figures()).toEqual({ overdue: 0, current: 40_00, days1to30: 0 });
    clock.advanceDays(2); // 2026-03-12, the due date itself: not yet overdue.
    expect(await figures()).toEqual({ overdue: 0, current: 40_00, days1to30: 0 });
    clock.set('2026-03-12T22:59:00Z'); // 23:59 in Berlin, still the 12th.
    expect(await figures()).toEqual({ overdue: 0, current: 40_00, days1to30: 0 });
    clock.set('2026-03-12T23:01:00Z'); // 00:01 on the 13th in Berlin (still the 12th in UTC).
    expect(await figures()).toEqual({ overdue: 40_00, current: 0, days1to30: 40_00 });
    expect((await scope.statements.get(client.id)).asOf).toBe('2026-03-13');
  });

  it('puts each open invoice in its aging bucket, at the edges of every bucket', async () => {
    const { scope, client } = await seedBusiness(database());
    const today = '2026-03-10';
    // Each amount is one bit, so every bucket's sum says exactly which invoices fell in it.
    const daysPastDue = [0, 1, 30, 31, 60, 61, 90, 91, 400];
    for (const [bit, days] of daysPastDue.entries()) {
      await billed(scope, client.id, { amount: 2 ** bit, dueDate: addDays(today, -days) });
    }
    await billed(scope, client.id, { amount: 2 ** 9, dueDate: addDays(today, 1) });
    const [eur] = (await scope.statements.get(client.id)).currencies;
    expect(eur!.aging).toEqual({
      current: 2 ** 0 + 2 ** 9,
      days1to30: 2 ** 1 + 2 ** 2,
      days31to60: 2 ** 3 + 2 ** 4,
      days61to90: 2 ** 5 + 2 ** 6,
      over90: 2 ** 7 + 2 ** 8,
    });
    expect(eur!.outstanding).toBe(2 ** 10 - 1);
    expect(eur!.overdue).toBe(2 ** 10 - 1 - eur!.aging.current);
    expect(eur!.lastPayment).toBeNull();
    expect(eur!.paidToDate).toBe(0);
  });

  it('counts payments less refunds, and a payment refunded in full is not the last payment', async () => {
    const { scope, client, clock, business } = await seedBusiness(database());
    const invoice = await billed(scope, client.id, { amount: 300_00, dueDate: '2026-04-01' });
    const paid = (amount: number, reference: string, receivedAt: string) =>
      scope.payments.record({ invoiceId: invoice.id, amount, provider: 'stripe', reference, receivedAt: new Date(receivedAt) });
    await paid(100_00, 'pi_first', '2026-03-01T00:00:00Z');
    await paid(50_00, 'pi_second', '2026-03-02T00:00:00Z');
    const ctx = { db: database().db, clock, businessId: business.id, actor: 'test' };
    expect(await recordRefund(ctx, { provider: 'stripe', reference: 'pi_first', refundedTotal: 20_00 })).toBe('applied');
    expect(await recordRefund(ctx, { provider: 'stripe', reference: 'pi_second', refundedTotal: 50_00 })).toBe('applied');
    const [eur] = (await scope.statements.get(client.id)).currencies;
    expect(eur!.paidToDate).toBe(80_00);
    // Refunds reopen what they give back: 300 less the 80 that stays paid.
    expect(eur!.outstanding).toBe(220_00);
    expect(eur!.lastPayment).toMatchObject({ amount: 100_00, invoiceId: invoice.id });
  });

  it('sees only this client of this business, and refuses a client of another business', async () => {
    const { api, scope, client } = await seedBusiness(database());
    const neighbour = await scope.clients.create({ name: 'Initech' });
    await billed(scope, neighbour.id, { amount: 10_00, dueDate: '2026-03-01' });
    const other = await seedBusiness(database());
    await billed(other.scope, other.client.id, { amount: 10_00, dueDate: '2026-03-01' });

    expect((await scope.statements.get(client.id)).currencies).toEqual([]);
    await billed(scope, client.id, { amount: 5_00, dueDate: '2026-03-01' });
    expect((await scope.statements.get(client.id)).currencies.map((c) => c.outstanding)).toEqual([5_00]);
    await expectPorticoError(scope.statements.get(other.client.id), 'client_not_found');
    await expectPorticoError(api.business(other.business.id).statements.get(client.id), 'client_not_found');
  });
});
