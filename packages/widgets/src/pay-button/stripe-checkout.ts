import type { Stripe, StripeEmbeddedCheckout } from '@stripe/stripe-js';
import type { CheckoutResponse } from '@portico/wire';
import type { CheckoutSurface } from './checkout-dialog.js';

/** What the pay button needs of Stripe.js: embedded Checkout. */
export type PorticoStripe = Pick<Stripe, 'createEmbeddedCheckoutPage'>;

/** Loads Stripe.js for a publishable key, like `loadStripe` from `@stripe/stripe-js`. */
export type StripeLoader = (publishableKey: string, options?: { stripeAccount?: string }) => Promise<PorticoStripe | null>;

/** A business's card payments (`business.onlinePayments` of the session): the Stripe account its sessions live on. */
export interface StripeAccount {
  publishableKey: string;
  connectedAccountId?: string | null;
}

/**
 * `loadStripe` of `@stripe/stripe-js`'s pure entry, itself fetched only when a
 * payment starts (its own file in the bundle), so that neither it nor
 * Stripe.js from js.stripe.com weighs on a page until someone pays.
 */
export async function loadStripeWhenPaying(publishableKey: string, options?: { stripeAccount?: string }): Promise<Stripe | null> {
  // Its declarations (`export * from '../dist/pure'`, no extension) do not resolve under NodeNext: typed here.
  const { loadStripe } = (await import('@stripe/stripe-js/pure/index.mjs')) as { loadStripe: (key: string, options?: { stripeAccount?: string }) => Promise<Stripe | null> };
  return loadStripe(publishableKey, options);
}

/** Stripe.js could not be loaded, or would not make the form. */
export class StripeUnavailableError extends Error {
  override readonly name = 'StripeUnavailableError';
}

/**
 * Stripe's embedded Checkout for one pay button, one payment at a time:
 * `preload` starts loading Stripe.js (for the business's account) while the
 * server opens the session; `create` makes the form for that session, with
 * the Stripe.js already loading when the session is on the same account (a
 * Connect business's sessions live on its connected account, and Stripe.js
 * must be loaded for it); `mount` puts it on a surface (in place, or a
 * dialog); `close` destroys it and takes the surface away.
 */
export class StripeCheckout {
  #account: StripeAccount | null = null;
  #early: Promise<PorticoStripe | null> | null = null;
  #loader: StripeLoader | null = null;
  #form: StripeEmbeddedCheckout | null = null;
  #surface: CheckoutSurface | null = null;

  /** True while a form is mounted. */
  get mounted(): boolean {
    return this.#surface !== null;
  }

  /** Starts loading Stripe.js for `account` with `loader`; a failure shows only when `create` needs it. */
  preload(loader: StripeLoader, account: StripeAccount): void {
    this.#loader = loader;
    this.#account = account;
    this.#early = load(loader, account);
  }

  /**
   * Makes Stripe's form for a session (`onComplete` when Stripe says it
   * completed). `null` when `signal` aborted meanwhile (a form made by then
   * is destroyed). Rejects with `StripeUnavailableError` when Stripe.js
   * could not be loaded or would not make the form.
   */
  async create(checkout: CheckoutResponse, onComplete: () => void, signal: AbortSignal): Promise<StripeEmbeddedCheckout | null> {
    const account = this.#account;
    const same = account && checkout.publishableKey === account.publishableKey && checkout.connectedAccountId === (account.connectedAccountId ?? null);
    const stripe = await (same ? this.#early : load(this.#loader!, checkout));
    if (!stripe) throw new StripeUnavailableError('Stripe.js is not available here.');
    if (signal.aborted) return null;
    const form = await stripe
      .createEmbeddedCheckoutPage({ fetchClientSecret: () => Promise.resolve(checkout.clientSecret), onComplete })
      .catch((cause: unknown) => {
        throw new StripeUnavailableError('Stripe could not make the form.', { cause });
      });
    if (!signal.aborted) return form;
    form.destroy();
    return null;
  }

  /** Mounts a form `create` made on `surface` (in the page's light DOM: Stripe.js refuses a shadow root). */
  mount(form: StripeEmbeddedCheckout, surface: CheckoutSurface): void {
    this.#form = form;
    this.#surface = surface;
    form.mount(surface.container);
  }

  /** Takes the form away (destroyed: a new payment makes a new one) with its surface; true when one was mounted. */
  close(): boolean {
    const mounted = this.mounted;
    try {
      this.#form?.destroy();
    } catch {
      // already gone
    }
    this.#form = null;
    this.#surface?.remove();
    this.#surface = null;
    return mounted;
  }
}

/** Stripe.js for an account, loading. Started early and maybe never awaited, it never rejects unhandled; awaited, a failure is a `StripeUnavailableError`. */
function load(loader: StripeLoader, { publishableKey, connectedAccountId }: StripeAccount): Promise<PorticoStripe | null> {
  const loading = Promise.resolve()
    .then(() => loader(publishableKey, connectedAccountId ? { stripeAccount: connectedAccountId } : undefined))
    .catch((cause: unknown) => {
      throw new StripeUnavailableError('Stripe.js could not be loaded.', { cause });
    });
  loading.catch(() => undefined);
  return loading;
}
