import type { CheckoutStatusResponse } from '@portico/wire';
import type { PorticoClient } from '../client/portico-client.js';

/** The query parameter Stripe's return URL carries: `?portico_checkout=<Checkout Session id>`. */
export const CHECKOUT_RETURN_PARAM = 'portico_checkout';

/** A return from Stripe being looked into: its session, and the server's answer. */
export interface CheckoutReturn {
  sessionId: string;
  result: Promise<CheckoutStatusResponse>;
  /** Set by whoever told the page of the payment (`portico-invoice-paid`), so it is told once. */
  announced: boolean;
}

let current: CheckoutReturn | null = null;

/**
 * The client came back from a payment that left the page (a bank's page, or
 * Stripe's redirect): `?portico_checkout=<id>` is on the address. The first
 * caller (the portal, or the first pay button) takes it: it removes the
 * parameter from the address bar (so a reload or a shared link does not
 * repeat it) and asks the server once (`GET /api/checkout/:id`). Later
 * callers on the page get the same return, with `claimed` false; the pay
 * button of that invoice shows the outcome.
 */
export function takeCheckoutReturn(client: PorticoClient): { taken: CheckoutReturn; claimed: boolean } | null {
  if (typeof location === 'undefined') return null;
  const url = new URL(location.href);
  const sessionId = url.searchParams.get(CHECKOUT_RETURN_PARAM);
  if (sessionId === null) return current && { taken: current, claimed: false };
  url.searchParams.delete(CHECKOUT_RETURN_PARAM);
  history.replaceState(history.state, '', url.href);
  if (sessionId === '') return null;
  const result = client.checkoutStatus(sessionId);
  result.catch(() => undefined); // handled by whoever shows it; never an unhandled rejection
  current = { sessionId, result, announced: false };
  return { taken: current, claimed: true };
}

/** The page's address without Portico's own parameters and without its fragment: where Stripe should send the client back. */
export function currentPageForReturn(): string {
  const url = new URL(location.href);
  url.searchParams.delete(CHECKOUT_RETURN_PARAM);
  // The server appends `?portico_checkout=…` to the end: a fragment would swallow it.
  url.hash = '';
  return url.href;
}

/** @internal Forgets the last return (tests). */
export function forgetCheckoutReturn(): void {
  current = null;
}
