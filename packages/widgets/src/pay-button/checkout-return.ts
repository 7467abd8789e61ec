import type { CheckoutResponse, CheckoutStatusResponse } from '@portico/wire';
import { PorticoApiError, type PorticoClient } from '../client/portico-client.js';

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

/** Stripe took the payment, or the invoice is paid by now. */
export function isPaid(status: CheckoutStatusResponse): boolean {
  return status.paymentStatus === 'paid' || status.invoice.status === 'paid';
}

/** What a pay button does with a return from Stripe (`followCheckoutReturn`). */
export interface CheckoutReturnHandlers {
  /** The button's invoice now. */
  invoiceId: () => string | null;
  /** The return is about the button's invoice: show how it went; `announce`, tell the page it was paid. */
  outcome: (status: CheckoutStatusResponse, announce: boolean) => void;
  /** Another invoice was paid and no button of that invoice told the page: this one tells it. */
  paid: (status: CheckoutStatusResponse) => void;
  /** The server could not be asked (told by the button that asked). */
  failed: (error: unknown) => void;
}

/**
 * A pay button's part in a return from Stripe (`takeCheckoutReturn`): the
 * button of the invoice paid shows the outcome and tells the page of the
 * payment; else the button that took the return tells it, once the others
 * have had their turn. The page is told once. Nothing happens once `button`
 * has left the page.
 */
export function followCheckoutReturn(client: PorticoClient, button: Element, handlers: CheckoutReturnHandlers): void {
  const found = takeCheckoutReturn(client);
  if (!found) return;
  const { taken, claimed } = found;
  taken.result.then(
    (status) => {
      if (!button.isConnected) return;
      const paid = isPaid(status);
      if (status.invoiceId === handlers.invoiceId()) {
        const announce = paid && !taken.announced;
        if (announce) taken.announced = true;
        handlers.outcome(status, announce);
      } else if (paid && claimed) {
        setTimeout(() => {
          if (taken.announced || !button.isConnected) return;
          taken.announced = true;
          handlers.paid(status);
        }, 0);
      }
    },
    (error: unknown) => {
      if (claimed && button.isConnected) handlers.failed(error);
    },
  );
}

/** The page's address without Portico's own parameters and without its fragment: where Stripe should send the client back. */
export function currentPageForReturn(): string {
  const url = new URL(location.href);
  url.searchParams.delete(CHECKOUT_RETURN_PARAM);
  // The server appends `?portico_checkout=…` to the end: a fragment would swallow it.
  url.hash = '';
  return url.href;
}

/**
 * `POST …/checkout` for an invoice, with Stripe sending the client back to
 * `returnUrl` (default: this page); a page the server will not send clients
 * back to falls back to its default (the portal).
 */
export async function startCheckout(client: PorticoClient, invoiceId: string, returnUrl: string | null, signal: AbortSignal): Promise<CheckoutResponse> {
  const url = returnUrl || currentPageForReturn();
  try {
    return await client.startCheckout(invoiceId, { returnUrl: url, signal });
  } catch (error) {
    if (error instanceof PorticoApiError && error.field === 'returnUrl') {
      console.warn(`portico-pay-button: the server will not return clients to ${url} (${error.message}); using its default page.`);
      return client.startCheckout(invoiceId, { signal });
    }
    throw error;
  }
}

/** @internal Forgets the last return (tests). */
export function forgetCheckoutReturn(): void {
  current = null;
}
