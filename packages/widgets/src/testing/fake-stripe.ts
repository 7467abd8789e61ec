import type { StripeEmbeddedCheckout, StripeEmbeddedCheckoutOptions } from '@stripe/stripe-js';
import { PorticoPayButton, type PorticoStripe, type StripeLoader } from '../pay-button/pay-button.component.js';

/** One embedded Checkout the widget asked the stand-in for. */
export interface FakeCheckout {
  /** The key `loadStripe` was called with for this Stripe instance. */
  publishableKey: string;
  /** What the widget's `fetchClientSecret` resolved to. */
  clientSecret: string;
  /** Where it was mounted (null until then). */
  container: HTMLElement | null;
  destroyed: boolean;
  /** The form the stand-in drew into the container. */
  form: HTMLFormElement | null;
  /** Plays Stripe saying the payment went through: calls the widget's `onComplete`. */
  complete(): void;
}

/**
 * A stand-in for Stripe.js, which cannot be loaded here (it comes from
 * js.stripe.com). Installed as `PorticoPayButton.loadStripe`, it records the
 * publishable keys it is asked for and every embedded Checkout made, with the
 * client secret the widget fetched; `mount` draws a small form (card
 * fields and a Pay button that completes the checkout) into the container,
 * and refuses a container inside a shadow root, as Stripe.js does.
 */
export class FakeStripeJs {
  /** Publishable keys passed to `loadStripe`, in order. */
  readonly loads: string[] = [];
  readonly checkouts: FakeCheckout[] = [];
  /** Make the next loads fail: `reject` as a blocked script does, `null` as on a server. */
  failLoad: 'reject' | 'null' | null = null;
  /** Milliseconds `loadStripe` takes. */
  loadDelay = 0;
  #original: StripeLoader | undefined;

  readonly loader: StripeLoader = async (publishableKey) => {
    this.loads.push(publishableKey);
    if (this.loadDelay > 0) await new Promise((resolve) => setTimeout(resolve, this.loadDelay));
    if (this.failLoad === 'reject') throw new Error('Failed to load Stripe.js');
    if (this.failLoad === 'null') return null;
    return this.#stripe(publishableKey);
  };

  install(): this {
    this.#original = PorticoPayButton.loadStripe;
    PorticoPayButton.loadStripe = this.loader;
    return this;
  }

  restore(): void {
    if (this.#original) PorticoPayButton.loadStripe = this.#original;
  }

  /** The checkout mounted now (not destroyed), if any. */
  get mounted(): FakeCheckout | undefined {
    return this.checkouts.find((checkout) => checkout.container !== null && !checkout.destroyed);
  }

  #stripe(publishableKey: string): PorticoStripe {
    return {
      createEmbeddedCheckoutPage: async (options: StripeEmbeddedCheckoutOptions): Promise<StripeEmbeddedCheckout> => {
        const clientSecret = options.clientSecret ?? (await options.fetchClientSecret?.());
        if (!clientSecret) throw new Error('IntegrationError: clientSecret or fetchClientSecret is required.');
        const record: FakeCheckout = {
          publishableKey,
          clientSecret,
          container: null,
          destroyed: false,
          form: null,
          complete: () => options.onComplete?.(),
        };
        this.checkouts.push(record);
        return {
          mount(location) {
            const container = typeof location === 'string' ? document.querySelector<HTMLElement>(location) : location;
            if (!container) throw new Error('IntegrationError: the mount container was not found.');
            if (container.getRootNode() instanceof ShadowRoot) throw new Error('IntegrationError: Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.');
            record.container = container;
            record.form = drawForm(container, () => record.complete());
          },
          unmount() {
            record.form?.remove();
          },
          destroy() {
            record.form?.remove();
            record.destroyed = true;
          },
        };
      },
    };
  }
}

/** Something that looks enough like Stripe's form to see in a screenshot, and to press Pay. */
function drawForm(container: HTMLElement, onPay: () => void): HTMLFormElement {
  const form = document.createElement('form');
  form.setAttribute('data-fake-stripe', '');
  form.style.cssText = 'display:grid;gap:12px;max-width:26rem;margin:0 auto;padding:8px 0;font:15px/1.4 system-ui,sans-serif;color:#30313d';
  const field = (label: string, value: string, name: string): HTMLLabelElement => {
    const wrap = document.createElement('label');
    wrap.style.cssText = 'display:grid;gap:4px;font-size:13px;font-weight:600;color:#30313d';
    wrap.textContent = label;
    const input = document.createElement('input');
    input.name = name;
    input.value = value;
    input.style.cssText = 'font:15px system-ui,sans-serif;padding:10px 12px;border:1px solid #d5d9e0;border-radius:6px;box-shadow:0 1px 2px rgb(0 0 0 / .06);color:#30313d;background:#fff';
    wrap.append(input);
    return wrap;
  };
  const note = document.createElement('p');
  note.textContent = 'Stripe.js stand-in (test mode)';
  note.style.cssText = 'margin:0;font-size:12px;color:#6a7383';
  const pay = document.createElement('button');
  pay.type = 'submit';
  pay.textContent = 'Pay';
  pay.style.cssText = 'padding:12px;font:600 15px system-ui,sans-serif;color:#fff;background:#0570de;border:0;border-radius:6px;cursor:pointer';
  form.append(note, field('Email', 'ann@globex.test', 'email'), field('Card number', '4242 4242 4242 4242', 'card'), field('Expiry', '12 / 34', 'expiry'), pay);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onPay();
  });
  container.append(form);
  return form;
}
