/** Paying online (Stripe embedded Checkout). */
import type { InvoiceDisplayStatusWire } from './billing.js';

/** `POST /api/invoices/:id/checkout`: optional JSON body. */
export interface CheckoutRequest {
  /** Where Stripe sends the client back to (must be on one of the business's origins); default: the portal page. */
  returnUrl?: string;
}

/** What the pay button needs to mount Stripe's form. The amount is computed by the server from the invoice. */
export interface CheckoutResponse {
  sessionId: string;
  /** For Stripe.js `initEmbeddedCheckout({ fetchClientSecret })`. */
  clientSecret: string;
  publishableKey: string;
  /** Load Stripe.js with `{ stripeAccount }` when set: the session lives on that Connect account. */
  connectedAccountId: string | null;
  amount: number;
  currency: string;
}

/** `GET /api/checkout/:sessionId`: asks Stripe how it went, and books the payment if it is paid. */
export interface CheckoutStatusResponse {
  invoiceId: string;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  invoice: { status: 'draft' | 'sent' | 'paid' | 'void'; displayStatus: InvoiceDisplayStatusWire; amountPaid: number; balance: number; version: number };
}

