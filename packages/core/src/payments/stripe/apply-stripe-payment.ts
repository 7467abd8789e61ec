import { recordAudit } from '../../audit/audit-log.js';
import type { BusinessContext } from '../../context.js';
import { isPorticoError } from '../../shared/errors.js';
import { recordPayment } from '../payments.js';

export type StripePaymentOutcome = 'applied' | 'duplicate' | 'not_applied';

export interface StripePayment {
  invoiceId: string;
  /** Minor units, as Stripe reports them. */
  amount: number;
  /** Stripe's lower-case code. */
  currency: string;
  /** The PaymentIntent id: Checkout's and the PaymentIntent's own events name the same one. */
  reference: string;
  receivedAt: Date;
}

/**
 * Books a Stripe payment once, whichever event (or the return from checkout)
 * reports it first. A payment that doesn't fit the invoice (another currency,
 * more than is owed, an invoice already void) changes nothing and is put in
 * the audit log for a person to look at: money arrived that the books can't
 * take as it is.
 */
export async function applyStripePayment(ctx: BusinessContext, payment: StripePayment): Promise<StripePaymentOutcome> {
  try {
    const recorded = await recordPayment(ctx, {
      invoiceId: payment.invoiceId,
      amount: payment.amount,
      currency: payment.currency.toUpperCase(),
      method: 'stripe',
      provider: 'stripe',
      reference: payment.reference,
      receivedAt: payment.receivedAt,
    });
    return recorded.duplicate ? 'duplicate' : 'applied';
  } catch (error) {
    if (!isPorticoError(error) || error.code === 'invalid_input') throw error;
    if (error.code === 'invoice_not_found') return 'not_applied';
    await recordAudit(ctx.db, ctx, {
      action: 'stripe.payment_not_applied',
      entityType: 'invoice',
      entityId: payment.invoiceId,
      details: { reason: error.code, message: error.message, amount: payment.amount, currency: payment.currency, reference: payment.reference },
    });
    return 'not_applied';
  }
}
