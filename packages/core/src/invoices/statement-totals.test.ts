import { expect, it } from 'vitest';
import { int } from '../db/row-values.js';
import { recordRefund } from '../payments/refunds.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { checkStatementTotals } from './statement-totals.js';

/** mulberry32: the same sequence on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeEachDatabase('statement totals', (database) => {
  it('after a seeded run of sends, payments, refunds, voids and clock moves, equal what the rows add up to', async () => {
    const { scope, client, clock, business } = await seedBusiness(database());
    const other = await scope.clients.create({ name: 'Initech' });
    const ctx = { db: database().db, clock, businessId: business.id, actor: 'test' };
    const random = seeded(16);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    const open: string[] = [];
    const references: string[] = [];
    for (let step = 0; step < 80; step++) {
      const roll = random();
      if (roll < 0.35 || open.length === 0) {
        const draft = await scope.invoices.create({
          clientId: random() < 0.8 ? client.id : other.id,
          currency: random() < 0.7 ? 'EUR' : 'USD',
          sharedWithClient: random() < 0.3,
          lines: [{ description: 'Work', quantity: 1, unitPrice: random() < 0.1 ? 0 : 1_000 + Math.floor(random() * 50_000) }],
        });
        if (random() < 0.85) open.push((await scope.invoices.issue(draft.id)).id);
      } else if (roll < 0.65) {
        const invoiceId = pick(open)!;
        const invoice = await scope.invoices.get(invoiceId);
        if (invoice.status !== 'sent') continue;
        const reference = `pi_${step}`;
        const amount = random() < 0.5 ? invoice.balance : Math.max(1, Math.floor(invoice.balance * random()));
        await scope.payments.record({ invoiceId, amount, provider: 'stripe', reference, receivedAt: clock.now() });
        references.push(reference);
      } else if (roll < 0.8 && references.length > 0) {
        const reference = pick(references)!;
        await recordRefund(ctx, { provider: 'stripe', reference, refundedTotal: Math.floor(random() * 60_000) });
      } else if (roll < 0.9) {
        const invoice = await scope.invoices.get(pick(open)!);
        if ((invoice.status === 'sent' || invoice.status === 'draft') && invoice.amountPaid === 0) await scope.invoices.void(invoice.id);
      } else {
        clock.advanceDays(1 + Math.floor(random() * 20));
      }
    }

    expect(references.length).toBeGreaterThan(5);
    expect(await checkStatementTotals(database().db, business.id)).toEqual([]);
    for (const who of [client.id, other.id]) {
      const payments = await database().db.selectFrom('payments').selectAll().where('business_id', '=', business.id).where('client_id', '=', who).execute();
      const statement = await scope.statements.get(who);
      for (const figures of statement.currencies) {
        const inCurrency = payments.filter((payment) => payment.currency === figures.currency);
        expect(figures.paidToDate).toBe(inCurrency.reduce((sum, payment) => sum + int(payment.amount) - int(payment.refunded_amount), 0));
        const latest = inCurrency
          .filter((payment) => int(payment.amount) > int(payment.refunded_amount))
          .sort((a, b) => int(b.received_at) - int(a.received_at) || (a.id < b.id ? 1 : -1))[0];
        expect(figures.lastPayment?.invoiceId ?? null).toBe(latest?.invoice_id ?? null);
        expect(figures.lastPayment?.amount ?? null).toBe(latest ? int(latest.amount) : null);
      }
      const page = await scope.invoices.listForClient(who);
      const counted = await scope.invoices.listForClient(who, { from: '2000-01-01' });
      expect(page.counts).toEqual(counted.counts);
    }
  });

  it('reports a figure that drifted from its rows', async () => {
    const { scope, client, business } = await seedBusiness(database());
    const draft = await scope.invoices.create({ clientId: client.id, currency: 'EUR', lines: [{ description: 'Work', quantity: 1, unitPrice: 100_00 }] });
    const invoice = await scope.invoices.issue(draft.id);
    await scope.payments.record({ invoiceId: invoice.id, amount: 40_00 });
    await database().db.updateTable('client_statement_totals').set({ paid_to_date: 1 }).where('business_id', '=', business.id).execute();
    const drifts = await checkStatementTotals(database().db, business.id);
    expect(drifts).toHaveLength(1);
    expect(drifts[0]).toMatchObject({ clientId: client.id, currency: 'EUR', kept: { paidToDate: 1 }, computed: { paidToDate: 40_00 } });
  });
});
