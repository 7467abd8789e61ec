import { sql } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import { recordRefundEvent } from '../events/event-data.js';
import { int } from '../db/row-values.js';
import type { BusinessContext } from '../context.js';
import { recordPaymentTotals, trackInvoiceTotals } from '../invoices/statement-totals.js';

export type RefundOutcome = 'applied' | 'duplicate' | 'payment_unknown';

/**
 * Records that a provider's payment has now been refunded `refundedTotal` in
 * all (providers report the running total, so a repeat changes nothing), and
 * lowers the invoice's amount paid by what is new, reopening it if it was
 * paid. One transaction.
 */
export async function recordRefund(
  ctx: BusinessContext,
  refund: { provider: string; reference: string; refundedTotal: number },
): Promise<RefundOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    // An update that changes nothing, for Postgres's row lock: a concurrent refund of
    // the same payment waits here, and the difference below is from what it wrote.
    const payment = await trx
      .updateTable('payments')
      .set({ refunded_amount: sql`refunded_amount` })
      .where('business_id', '=', ctx.businessId)
      .where('provider', '=', refund.provider)
      .where('provider_reference', '=', refund.reference)
      .returning(['id', 'invoice_id', 'client_id', 'currency', 'amount', 'refunded_amount'])
      .executeTakeFirst();
    if (!payment) return 'payment_unknown';
    const total = Math.min(refund.refundedTotal, int(payment.amount));
    const updated = await trx
      .updateTable('payments')
      .set({ refunded_amount: total })
      .where('id', '=', payment.id)
      .where('refunded_amount', '<', total)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return 'duplicate';
    const delta = total - int(payment.refunded_amount);
    const now = ctx.clock.now().getTime();
    await trackInvoiceTotals(trx, ctx.businessId, payment.invoice_id, () =>
      trx
        .updateTable('invoices')
        .set({
          amount_paid: sql`amount_paid - ${delta}`,
          status: sql`case when status = 'paid' then 'sent' else status end`,
          paid_at: null,
          version: sql`version + 1`,
          updated_at: now,
        })
        .where('business_id', '=', ctx.businessId)
        .where('id', '=', payment.invoice_id)
        .execute(),
    );
    await recordPaymentTotals(trx, ctx.businessId, payment.client_id, payment.currency, { paid: -delta, count: 0 });
    await recordAudit(trx, ctx, {
      action: 'payment.refunded',
      entityType: 'invoice',
      entityId: payment.invoice_id,
      details: { paymentId: payment.id, refunded: delta, refundedTotal: total, provider: refund.provider, reference: refund.reference },
    });
    await recordRefundEvent(trx, ctx, payment.id, delta);
    return 'applied';
  });
}
