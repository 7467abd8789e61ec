import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { int } from '../../db/row-values.js';
import { visibleToClient } from '../../invoices/invoice-sql.js';
import type { BusinessContext } from '../../context.js';
import { PorticoError } from '../../shared/errors.js';
import { applyStripePayment, type StripePaymentOutcome } from './apply-stripe-payment.js';
import { createStripeClient, type StripeDependencies } from './stripe-connection.js';
import { requireStripeSecrets } from './stripe-settings.js';

/** The metadata Portico puts on every Checkout Session and PaymentIntent it creates. */
export interface PorticoStripeMetadata {
  portico_business_id: string;
  portico_client_id: string;
  portico_invoice_id: string;
}

export interface StartedCheckout {
  sessionId: string;
  /** For Stripe.js `initEmbeddedCheckout({ clientSecret })`. */
  clientSecret: string;
  publishableKey: string;
  /** The Connect account the session was made on: Stripe.js must be loaded for it. */
  connectedAccountId: string | null;
  /** What is being paid, computed here, never by the browser. */
  amount: number;
  currency: string;
}

/**
 * Opens an embedded Checkout Session for what is still owed on one of the
 * client's invoices. The amount comes from the invoice, the invoice goes in
 * the metadata, and the idempotency key is tied to the invoice's version,
 * balance and return page: pressing "Pay now" twice reuses the session;
 * paying part by other means first gets a new one.
 */
export interface CheckoutRequest {
  /** The signed-in client: only its own invoices can be paid. */
  clientId: string;
  invoiceId: string;
  /** Where Stripe sends the client back (its fragment dropped), with `portico_checkout=<session id>` added. */
  returnUrl: string;
}

export interface SyncCheckoutRequest {
  clientId: string;
  sessionId: string;
}

export async function startCheckout(
  ctx: BusinessContext,
  deps: StripeDependencies,
  request: CheckoutRequest,
): Promise<StartedCheckout> {
  // The client's rule of what it may see (invoice-sql.ts): a draft voided without being issued is not found here either.
  const invoice =
    typeof request.invoiceId === 'string' && typeof request.clientId === 'string'
      ? await ctx.db
          .selectFrom('invoices')
          .selectAll()
          .where('business_id', '=', ctx.businessId)
          .where('client_id', '=', request.clientId)
          .where('id', '=', request.invoiceId)
          .where(visibleToClient)
          .executeTakeFirst()
      : undefined;
  if (!invoice) {
    throw new PorticoError('invoice_not_found', `No invoice with id ${JSON.stringify(request.invoiceId)} for this client.`);
  }
  const balance = int(invoice.total) - int(invoice.amount_paid);
  if (invoice.status !== 'sent' || balance <= 0) {
    throw new PorticoError('invoice_not_payable', `Invoice ${invoice.number ?? invoice.id} is ${invoice.status}: there is nothing to pay.`);
  }
  const secrets = await requireStripeSecrets(ctx.db, ctx.businessId, deps.secrets);
  const stripe = await createStripeClient(secrets.secretKey, deps.connection, secrets.connectedAccountId);
  const metadata: PorticoStripeMetadata = {
    portico_business_id: ctx.businessId,
    portico_client_id: invoice.client_id,
    portico_invoice_id: invoice.id,
  };
  const returnUrl = new URL(request.returnUrl);
  // A fragment would swallow the parameter after it.
  returnUrl.hash = '';
  // Stripe fills in the session id; URLSearchParams would escape its braces.
  const returnTo = `${returnUrl.toString()}${returnUrl.search ? '&' : '?'}portico_checkout={CHECKOUT_SESSION_ID}`;
  const session = await callStripe(() =>
    stripe.checkout.sessions.create(
      {
        ui_mode: 'embedded_page',
        mode: 'payment',
        client_reference_id: invoice.id,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: invoice.currency.toLowerCase(),
              unit_amount: balance,
              product_data: { name: `Invoice ${invoice.number ?? ''}`.trim() },
            },
          },
        ],
        metadata: { ...metadata },
        payment_intent_data: { metadata: { ...metadata } },
        // Cards finish in place (the widget's onComplete); only payment methods
        // that must leave the page (bank redirects) come back by return_url.
        redirect_on_completion: 'if_required',
        return_url: returnTo,
      },
      // Stripe refuses a key reused with other parameters: the return page is one of them.
      { idempotencyKey: `portico-checkout-${invoice.id}-v${int(invoice.version)}-${balance}-${shortHash(returnTo)}` },
    ),
  );
  if (!session.client_secret) throw new PorticoError('payment_provider_error', 'Stripe did not return a client secret for the checkout.');
  return {
    sessionId: session.id,
    clientSecret: session.client_secret,
    publishableKey: secrets.publishableKey,
    connectedAccountId: secrets.connectedAccountId,
    amount: balance,
    currency: invoice.currency,
  };
}

export interface CheckoutState {
  invoiceId: string;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  /** Whether this look at Stripe is what booked the payment. */
  outcome: StripePaymentOutcome | 'pending';
}

/**
 * Asks Stripe how a checkout went, when the client comes back from it, and
 * books the payment if Stripe says it is paid: a late webhook then finds it
 * done. Only the client the session was made for may ask.
 */
export async function syncCheckout(
  ctx: BusinessContext,
  deps: StripeDependencies,
  request: SyncCheckoutRequest,
): Promise<CheckoutState> {
  if (!/^cs_[A-Za-z0-9_]+$/.test(request.sessionId)) throw new PorticoError('not_found', 'No such checkout.');
  const secrets = await requireStripeSecrets(ctx.db, ctx.businessId, deps.secrets);
  const stripe = await createStripeClient(secrets.secretKey, deps.connection, secrets.connectedAccountId);
  const session = await callStripe(() => stripe.checkout.sessions.retrieve(request.sessionId), { notFound: true });
  const metadata = (session.metadata ?? {}) as Partial<PorticoStripeMetadata>;
  if (metadata.portico_business_id !== ctx.businessId || metadata.portico_client_id !== request.clientId || !metadata.portico_invoice_id) {
    throw new PorticoError('not_found', 'No such checkout.');
  }
  const paid = session.payment_status === 'paid';
  const outcome = paid
    ? await applyStripePayment(ctx, {
        invoiceId: metadata.portico_invoice_id,
        amount: session.amount_total ?? 0,
        currency: session.currency ?? '',
        reference: paymentReference(session),
        receivedAt: ctx.clock.now(),
      })
    : 'pending';
  return {
    invoiceId: metadata.portico_invoice_id,
    status: (session.status ?? 'open') as CheckoutState['status'],
    paymentStatus: session.payment_status as CheckoutState['paymentStatus'],
    outcome,
  };
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 12);
}

/** The PaymentIntent behind a Checkout Session: what every event about the payment names. */
export function paymentReference(session: Stripe.Checkout.Session): string {
  const intent = session.payment_intent;
  return typeof intent === 'string' ? intent : (intent?.id ?? session.id);
}

/** Runs a Stripe call, turning its failures into Portico errors without leaking keys. */
async function callStripe<T>(call: () => Promise<T>, options: { notFound?: boolean } = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const stripeError = error as { type?: string; statusCode?: number; message?: string };
    if (options.notFound && stripeError.statusCode === 404) throw new PorticoError('not_found', 'No such checkout.');
    const detail = stripeError.type ? `${stripeError.type}${stripeError.statusCode ? ` ${stripeError.statusCode}` : ''}` : 'no answer';
    throw new PorticoError('payment_provider_error', `Stripe could not be reached or refused the request (${detail}). Try again in a moment.`);
  }
}
