import type Stripe from 'stripe';
import type { CoreContext } from '../../context.js';
import { PorticoError } from '../../shared/errors.js';
import { findBusinessBySlug } from '../../businesses/businesses.js';
import { recordAudit } from '../../audit/audit-log.js';
import { recordRefund } from '../refunds.js';
import { applyStripePayment } from './apply-stripe-payment.js';
import { paymentReference, type PorticoStripeMetadata } from './checkout.js';
import { createStripeClient, type StripeDependencies } from './stripe-connection.js';
import { requireStripeSecrets } from './stripe-settings.js';

/** Stripe's default: a signature older than five minutes is refused (replays). */
const SIGNATURE_TOLERANCE_SECONDS = 300;

export type WebhookOutcome =
  /** Booked now. */
  | 'applied'
  /** Seen before (same event, or the same payment through another event). */
  | 'duplicate'
  /** Not about a Portico invoice of this business, or a type Portico doesn't act on. */
  | 'ignored'
  /** About us, but the books can't take it as it is: in the audit log for a person. */
  | 'not_applied'
  /** Can't be applied yet (a refund of a payment not yet booked): Stripe should send it again. */
  | 'retry_later';

export interface StripeWebhookRequest {
  /** The business the endpoint URL names. */
  businessSlug: string;
  /** The body exactly as received: the signature covers these bytes. */
  rawBody: string;
  /** The `Stripe-Signature` header. */
  signature: string | undefined;
}

/**
 * Verifies a Stripe webhook on its raw body with the business's signing
 * secret and applies it exactly once. Applying is idempotent by itself
 * (payments are keyed by PaymentIntent, refunds carry running totals), so
 * concurrent or repeated deliveries, in any order, land once; the event log
 * makes a repeat of a finished event a cheap no-op.
 */
export async function handleStripeWebhook(
  ctx: CoreContext,
  deps: StripeDependencies,
  request: StripeWebhookRequest,
): Promise<{ outcome: WebhookOutcome; eventId: string; type: string }> {
  const business = await findBusinessBySlug(ctx, request.businessSlug);
  if (!business) throw new PorticoError('business_not_found', 'No such business.');
  const secrets = await requireStripeSecrets(ctx.db, business.id, deps.secrets);
  const stripe = await createStripeClient(secrets.secretKey, deps.connection, secrets.connectedAccountId);
  let event: Stripe.Event;
  try {
    // The SDK refuses a signature older than the tolerance but not one from the future; a clock
    // that far ahead, or a forged timestamp, is refused the same way.
    const signedAt = Number(/(?:^|,)\s*t=(\d+)/.exec(request.signature ?? '')?.[1] ?? 0);
    if (signedAt * 1000 > ctx.clock.now().getTime() + SIGNATURE_TOLERANCE_SECONDS * 1000) throw new Error('signed in the future');
    event = stripe.webhooks.constructEvent(
      request.rawBody,
      request.signature ?? '',
      secrets.webhookSecret,
      SIGNATURE_TOLERANCE_SECONDS,
      undefined,
      // Milliseconds: the SDK judges the signature's age against our clock.
      ctx.clock.now().getTime(),
    );
  } catch {
    throw new PorticoError('invalid_signature', 'The Stripe-Signature header does not match this body, or it is too old.');
  }

  const seen = await ctx.db
    .selectFrom('webhook_events')
    .select('processed_at')
    .where('provider', '=', 'stripe')
    .where('event_id', '=', event.id)
    .executeTakeFirst();
  if (seen?.processed_at != null) return { outcome: 'duplicate', eventId: event.id, type: event.type };

  const scoped = { ...ctx, businessId: business.id, actor: 'system:stripe' };
  const outcome = await applyEvent(scoped, stripe, event);
  if (outcome !== 'retry_later') {
    const now = ctx.clock.now().getTime();
    await ctx.db
      .insertInto('webhook_events')
      .values({ provider: 'stripe', event_id: event.id, business_id: business.id, type: event.type, received_at: now, processed_at: now })
      .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
      .execute();
  }
  return { outcome, eventId: event.id, type: event.type };
}

async function applyEvent(ctx: CoreContext & { businessId: string; actor: string }, stripe: Stripe, event: Stripe.Event): Promise<WebhookOutcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      // Bank debits complete unpaid and succeed later, in their own event.
      if (session.payment_status !== 'paid') return 'ignored';
      const invoiceId = ourInvoice(ctx.businessId, session.metadata);
      if (!invoiceId) return 'ignored';
      return applyStripePayment(ctx, {
        invoiceId,
        amount: session.amount_total ?? 0,
        currency: session.currency ?? '',
        reference: paymentReference(session),
        receivedAt: new Date(event.created * 1000),
      });
    }
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      const invoiceId = ourInvoice(ctx.businessId, intent.metadata);
      if (!invoiceId) return 'ignored';
      return applyStripePayment(ctx, {
        invoiceId,
        amount: intent.amount_received,
        currency: intent.currency,
        reference: intent.id,
        receivedAt: new Date(event.created * 1000),
      });
    }
    case 'checkout.session.async_payment_failed': {
      const session = event.data.object;
      const invoiceId = ourInvoice(ctx.businessId, session.metadata);
      if (!invoiceId) return 'ignored';
      await recordAudit(ctx.db, ctx, { action: 'stripe.payment_failed', entityType: 'invoice', entityId: invoiceId, details: { session: session.id } });
      return 'applied';
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const intent = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      if (!intent) return 'ignored';
      const outcome = await recordRefund(ctx, { provider: 'stripe', reference: intent, refundedTotal: charge.amount_refunded });
      if (outcome !== 'payment_unknown') return outcome;
      // Not booked: either the payment's own event hasn't arrived yet (Stripe
      // retries this one, and by then it has), or the charge isn't Portico's.
      const paymentIntent = await stripe.paymentIntents.retrieve(intent);
      return ourInvoice(ctx.businessId, paymentIntent.metadata) ? 'retry_later' : 'ignored';
    }
    default:
      return 'ignored';
  }
}

/** The invoice an object's metadata names, if Portico made it for this business. */
function ourInvoice(businessId: string, metadata: Stripe.Metadata | null): string | undefined {
  const ours = (metadata ?? {}) as Partial<PorticoStripeMetadata>;
  return ours.portico_business_id === businessId ? ours.portico_invoice_id : undefined;
}
