import type { Stripe, StripeEmbeddedCheckout } from '@stripe/stripe-js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CheckoutResponse, CheckoutStatusResponse, InvoiceListItem } from '@portico/wire';
import { PorticoApiError } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import { isHexColor, readableTextColor } from '../shared/color.js';
import { formatMoney } from '../shared/format.js';
import { invoiceNumber } from '../shared/invoice-table.js';
import { Poller } from '../shared/poller.js';
import { isAbort, PorticoElement } from '../shared/portico-element.js';
import { dialogTokens, openCheckoutDialog, type CheckoutSurface } from './checkout-dialog.js';
import { currentPageForReturn, takeCheckoutReturn } from './checkout-return.js';
import { payButtonStyles } from './pay-button.styles.js';
import { emit } from '../shared/events.js';

/** What the pay button needs of Stripe.js: embedded Checkout. */
export type PorticoStripe = Pick<Stripe, 'createEmbeddedCheckoutPage'>;

/** Loads Stripe.js for a publishable key, like `loadStripe` from `@stripe/stripe-js`. */
export type StripeLoader = (publishableKey: string, options?: { stripeAccount?: string }) => Promise<PorticoStripe | null>;

/** The invoice fields the button reads: a list row or a whole invoice will do. */
export type PayableInvoice = Pick<InvoiceListItem, 'id' | 'number' | 'status' | 'displayStatus' | 'currency' | 'total' | 'amountPaid' | 'balance' | 'version'>;

/** Detail of `portico-invoice-paid`. */
export interface PorticoInvoicePaidDetail {
  invoiceId: string;
  /** The invoice as it now stands (status, display status, amount paid, balance, version). */
  invoice: CheckoutStatusResponse['invoice'];
}

/** Detail of `portico-checkout-open`. */
export interface PorticoCheckoutOpenDetail {
  invoiceId: string;
  sessionId: string;
}

/** Detail of `portico-checkout-close`: why Stripe's form went away. */
export interface PorticoCheckoutCloseDetail {
  invoiceId: string;
  reason: 'cancelled' | 'completed' | 'paid-elsewhere' | 'failed';
}

/** What the button shows; reflected as its `state` attribute. */
export type PayButtonState = 'hidden' | 'ready' | 'starting' | 'open' | 'confirming' | 'paid' | 'processing' | 'message';

type Phase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'open'; checkout: CheckoutResponse; inPlace: boolean }
  | { kind: 'confirming' }
  | { kind: 'paid' }
  | { kind: 'processing' }
  | { kind: 'message'; tone: 'error' | 'info'; text: string };

/**
 * `loadStripe` of `@stripe/stripe-js`'s pure entry, itself fetched only when a
 * payment starts (its own file in the bundle), so that neither it nor
 * Stripe.js from js.stripe.com weighs on a page until someone pays.
 */
async function loadStripeWhenPaying(publishableKey: string, options?: { stripeAccount?: string }): Promise<Stripe | null> {
  // Its declarations (`export * from '../dist/pure'`, no extension) do not resolve under NodeNext: typed here.
  const { loadStripe } = (await import('@stripe/stripe-js/pure/index.mjs')) as { loadStripe: (key: string, options?: { stripeAccount?: string }) => Promise<Stripe | null> };
  return loadStripe(publishableKey, options);
}

/** Stripe.js could not be loaded, or would not make the form. */
class StripeUnavailableError extends Error {
  override readonly name = 'StripeUnavailableError';
}

/**
 * "Pay now" for one invoice, with Stripe's embedded Checkout: pressing it
 * asks the server for a Checkout Session (the server computes the amount
 * from the invoice), loads Stripe.js and mounts the form, in place when the
 * button is in the page itself, or in a dialog when it sits inside another
 * widget (Stripe.js cannot mount inside a shadow root). When Stripe reports
 * the payment complete, the button asks the server how it went (the server
 * asks Stripe and books the payment) and shows "Paid" at once.
 *
 * Shown only for an open invoice (sent, with a balance) of a business that
 * takes card payments (`onlinePayments` in the session); otherwise it takes
 * no room (`state="hidden"`). On its own it loads the invoice and the
 * session; inside the list and the preview they hand both over.
 *
 * Coming back from a payment that left the page (a bank's page), the address
 * carries `?portico_checkout=<session>`: the first pay button on the page
 * removes it from the address bar, asks the server once, and the button of
 * that invoice shows the outcome.
 *
 * While a checkout is open or a payment is processing, the button polls the
 * invoice (`GET /api/invoices/:id`; see `Poller` for why polling), so a
 * payment booked by Stripe's webhook shows even if Stripe's callback never
 * comes.
 *
 * Stripe.js comes from js.stripe.com at run time, through
 * `PorticoPayButton.loadStripe` (`loadStripe` of `@stripe/stripe-js`);
 * tests and unusual hosts may replace it.
 *
 * @summary "Pay now" with Stripe's embedded Checkout, for one invoice.
 *
 * @event portico-invoice-paid - A payment was made on the invoice (here, or found on return from Stripe, or by polling). `detail: { invoiceId, invoice }`.
 * @event portico-checkout-open - Stripe's form is mounted. `detail: { invoiceId, sessionId }`.
 * @event portico-checkout-close - Stripe's form went away. `detail: { invoiceId, reason }`, reason `cancelled`, `completed`, `paid-elsewhere` or `failed`.
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 *
 * @slot checkout - Where Stripe's form is mounted in place (the button adds and removes this element itself).
 *
 * @csspart pay-button - The "Pay now" button.
 * @csspart amount - The amount in the button.
 * @csspart checkout - The box around Stripe's form when it is mounted in place.
 * @csspart checkout-title - Its heading.
 * @csspart cancel-button - Its Cancel button.
 * @csspart paid - The "Paid" confirmation.
 * @csspart message - Progress, outcome and error messages.
 *
 * @cssproperty --portico-status-paid - The Paid confirmation.
 */
export class PorticoPayButton extends PorticoElement {
  static override readonly tag = 'portico-pay-button';
  static override styles = payButtonStyles;

  /**
   * Loads Stripe.js (`loadStripe` from `@stripe/stripe-js`, which adds
   * `https://js.stripe.com/…/stripe.js` to the page the first time). Replace
   * it to load Stripe.js another way, or with a stand-in in tests.
   */
  static loadStripe: StripeLoader = loadStripeWhenPaying;

  static override properties = {
    invoiceId: { type: String, attribute: 'invoice-id' },
    invoice: { attribute: false },
    onlinePayments: { attribute: false },
    returnUrl: { type: String, attribute: 'return-url' },
    dialog: { type: Boolean },
    compact: { type: Boolean, reflect: true },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    state: { type: String, reflect: true },
    _invoice: { state: true },
    _payments: { state: true },
    _brand: { state: true },
    _phase: { state: true },
    _announcement: { state: true },
  };

  /** The invoice to pay (or set `invoice`). */
  invoiceId: string | null = null;
  /** The invoice, when the page already has it (a list row, the preview): then the button does not load it. */
  invoice: PayableInvoice | null = null;
  /**
   * The business's online payments (`business.onlinePayments` of the
   * session), when the page already has them; `null` hides the button.
   * Left `undefined`, the button asks the client's session.
   */
  onlinePayments: { publishableKey: string; connectedAccountId?: string | null } | null | undefined = undefined;
  /**
   * Where Stripe sends the client back after a payment that leaves the page;
   * a page on one of the business's origins. Default: this page.
   */
  returnUrl: string | null = null;
  /** Always show Stripe's form in a dialog, even where it could mount in place. */
  dialog: boolean = false;
  /** A smaller button without the amount on it (it stays in the accessible name): for a table row that shows the balance already. */
  compact: boolean = false;
  /** Milliseconds between polls of the invoice while a checkout is open (slower while nothing changes); 0 turns polling off. */
  pollInterval: number = 4000;
  /** What the button shows (reflected): `hidden`, `ready`, `starting`, `open`, `confirming`, `paid`, `processing` or `message`. Read-only. */
  state: PayButtonState = 'hidden';

  private _invoice: PayableInvoice | null = null;
  private _payments: { publishableKey: string; connectedAccountId?: string | null } | null | undefined = undefined;
  /** The business's brand colour, when the button loaded the session itself. */
  private _brand: string | null = null;
  private _phase: Phase = { kind: 'idle' };
  private _announcement: string = '';

  /** What the button needs to know (the invoice, unless the page handed it over; the business's payments, likewise), fetched again when the invoice or the client changes. */
  readonly #facts = this.resource<void>({
    key: () => [this.#id, this.invoice === null, this.onlinePayments === undefined],
    load: (signal) => this.#load(signal),
  });
  #payAbort: AbortController | undefined;
  #surface: CheckoutSurface | null = null;
  #embedded: StripeEmbeddedCheckout | null = null;
  #returnChecked = false;
  #focusAfterUpdate: string | null = null;

  readonly #poller = new Poller(this, {
    interval: () => this.pollInterval,
    backoff: 1.5,
    maxInterval: 60_000,
    stopAfter: 15 * 60_000,
    poll: (signal) => this.#pollInvoice(signal),
  });

  /** True when the invoice can be paid here now: open, with a balance, and the business takes card payments. */
  get payable(): boolean {
    const invoice = this._invoice;
    return !!this.#payments && !!invoice && invoice.status === 'sent' && invoice.balance > 0;
  }

  /** Closes Stripe's form (as its Cancel button does) and shows the button again. */
  cancel(): void {
    if (this._phase.kind !== 'open' && this._phase.kind !== 'starting') return;
    this.#payAbort?.abort();
    this.#teardown('cancelled');
    this._phase = { kind: 'idle' };
    this.#focusAfterUpdate = '[part~="pay-button"]';
  }

  get #id(): string | null {
    return this.invoice?.id ?? this.invoiceId ?? null;
  }

  get #payments(): { publishableKey: string; connectedAccountId?: string | null } | null | undefined {
    return this.onlinePayments !== undefined ? this.onlinePayments : this._payments;
  }

  // ---- loading ----

  protected override willUpdate(changed: PropertyValues<this>): void {
    const id = this.#id;
    if (this._invoice && this._invoice.id !== id) {
      // Pointed at another invoice (a list row reused): start over.
      this.#payAbort?.abort();
      this.#teardown(null);
      this._invoice = null;
      this._phase = { kind: 'idle' };
      this._announcement = '';
    }
    if (changed.has('invoice') && this.invoice) this.#takeInvoice(this.invoice);
    this.#facts.sync();
    if (this.canLoad && !this.#returnChecked) {
      this.#returnChecked = true;
      this.#checkReturn();
    }
    const polling = ['open', 'confirming', 'processing'].includes(this._phase.kind);
    if (changed.has('pollInterval')) this.#poller.stop();
    if (polling && !this.#poller.active) this.#poller.start();
    else if (!polling && this.#poller.active) this.#poller.stop();
    this.state = this.#computeState();
  }

  protected override updated(): void {
    if (this.#focusAfterUpdate) {
      const selector = this.#focusAfterUpdate;
      this.#focusAfterUpdate = null;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#payAbort?.abort();
    this.#teardown(null);
    if (this._phase.kind === 'open' || this._phase.kind === 'starting') this._phase = { kind: 'idle' };
  }

  /** Nothing to pay that we know of when this fails: the button stays hidden (a 401 tells the page). */
  async #load(signal: AbortSignal): Promise<void> {
    const id = this.#id;
    const tasks: Array<Promise<void>> = [];
    if (this.onlinePayments === undefined) {
      tasks.push(
        this.api.currentSession().then((session) => {
          if (signal.aborted) return;
          this._payments = session?.business.onlinePayments ?? null;
          this._brand = session?.business.brandColor ?? null;
        }),
      );
    }
    if (!this.invoice && id) {
      tasks.push(
        this.api.invoice(id, { signal }).then((invoice) => {
          if (!signal.aborted) this.#takeInvoice(invoice);
        }),
      );
    }
    await Promise.all(tasks);
  }

  /** Takes a newer look at the invoice (from the page, the server, a poll or a checkout). */
  #takeInvoice(invoice: PayableInvoice): void {
    const current = this._invoice;
    if (current && current.id === invoice.id && current.version > invoice.version) return;
    this._invoice = invoice;
    const phase = this._phase.kind;
    if (invoice.status === 'paid' && (phase === 'open' || phase === 'processing' || phase === 'starting')) {
      // Booked meanwhile (Stripe's webhook, another tab): done here too.
      this.#payAbort?.abort();
      this.#teardown('paid-elsewhere');
      this.#showPaid(invoice);
    }
  }

  async #pollInvoice(signal: AbortSignal): Promise<boolean> {
    const id = this.#id;
    if (!id) return false;
    const before = this._invoice?.version;
    const invoice = await this.api.invoice(id, { signal });
    if (id !== this.#id) return false;
    this.#takeInvoice(invoice);
    return invoice.version !== before;
  }

  // ---- paying ----

  async #pay(): Promise<void> {
    const invoice = this._invoice;
    const payments = this.#payments;
    const phase = this._phase.kind;
    if (!invoice || !payments || !this.payable || phase === 'starting' || phase === 'open' || phase === 'confirming') return;
    const abort = (this.#payAbort = new AbortController());
    this._phase = { kind: 'starting' };
    this._announcement = this.strings.payStarting;
    const loader = (this.constructor as typeof PorticoPayButton).loadStripe;
    // Stripe.js loads while the server opens the session.
    // A Connect business's sessions live on its connected account: Stripe.js must be loaded for it.
    const load = (key: string, account: string | null | undefined) =>
      settle(Promise.resolve().then(() => loader(key, account ? { stripeAccount: account } : undefined)));
    const early = load(payments.publishableKey, payments.connectedAccountId);
    try {
      const checkout = await this.#startCheckout(invoice.id, abort.signal);
      const sameStripe = checkout.publishableKey === payments.publishableKey && checkout.connectedAccountId === (payments.connectedAccountId ?? null);
      const stripe = await (sameStripe ? early : load(checkout.publishableKey, checkout.connectedAccountId)).then(unsettle);
      if (!stripe) throw new StripeUnavailableError('Stripe.js is not available here.');
      if (abort.signal.aborted) return;
      const embedded = await stripe
        .createEmbeddedCheckoutPage({
          fetchClientSecret: () => Promise.resolve(checkout.clientSecret),
          onComplete: () => void this.#completed(checkout, abort),
        })
        .catch((cause: unknown) => {
          throw new StripeUnavailableError('Stripe could not make the form.', { cause });
        });
      if (abort.signal.aborted) {
        embedded.destroy();
        return;
      }
      const inPlace = !this.dialog && this.getRootNode() === document;
      this._phase = { kind: 'open', checkout, inPlace };
      this._announcement = '';
      await this.updateComplete; // the slot is there to take the form
      this.#surface = this.#openSurface(invoice, checkout, inPlace);
      this.#embedded = embedded;
      embedded.mount(this.#surface.container);
      emit<PorticoCheckoutOpenDetail>(this, 'portico-checkout-open', { invoiceId: invoice.id, sessionId: checkout.sessionId });
    } catch (error) {
      if (abort !== this.#payAbort || abort.signal.aborted || isAbort(error)) return;
      this.#teardown('failed');
      this.noticeError(error);
      const text = this.#payErrorText(error);
      this._phase = { kind: 'message', tone: 'error', text };
      this._announcement = '';
    }
  }

  /** `POST …/checkout` with the return address; a page the server will not send clients back to falls back to its default (the portal). */
  async #startCheckout(invoiceId: string, signal: AbortSignal): Promise<CheckoutResponse> {
    const returnUrl = this.returnUrl || currentPageForReturn();
    try {
      return await this.api.startCheckout(invoiceId, { returnUrl, signal });
    } catch (error) {
      if (error instanceof PorticoApiError && error.field === 'returnUrl') {
        console.warn(`portico-pay-button: the server will not return clients to ${returnUrl} (${error.message}); using its default page.`);
        return this.api.startCheckout(invoiceId, { signal });
      }
      throw error;
    }
  }

  #openSurface(invoice: PayableInvoice, checkout: CheckoutResponse, inPlace: boolean): CheckoutSurface {
    if (inPlace) {
      // In the page's own DOM: in place, through the `checkout` slot.
      const container = document.createElement('div');
      container.slot = 'checkout';
      container.setAttribute('data-portico-checkout', '');
      container.style.display = 'block';
      this.append(container);
      return { container, remove: () => container.remove() };
    }
    const style = getComputedStyle(this.renderRoot.querySelector('.root') ?? this);
    return openCheckoutDialog({
      title: this.strings.payCheckoutTitle(this.isolate(invoiceNumber(invoice, this.strings)), formatMoney(checkout.amount, checkout.currency, this.locale)),
      closeLabel: this.strings.payCancel,
      lang: this.language,
      dir: this.direction,
      tokens: Object.fromEntries(dialogTokens.map((name) => [name, style.getPropertyValue(name).trim()])),
      colorScheme: style.colorScheme,
      onClose: () => this.cancel(),
    });
  }

  /** Takes Stripe's form away (destroyed: a new payment makes a new one). */
  #teardown(reason: PorticoCheckoutCloseDetail['reason'] | null): void {
    const hadForm = this.#surface !== null;
    try {
      this.#embedded?.destroy();
    } catch {
      // already gone
    }
    this.#embedded = null;
    this.#surface?.remove();
    this.#surface = null;
    const invoiceId = this.#id;
    if (hadForm && reason && invoiceId) {
      emit<PorticoCheckoutCloseDetail>(this, 'portico-checkout-close', { invoiceId, reason });
    }
  }

  /** Stripe says the session completed: ask the server (which asks Stripe and books it), and show the outcome. */
  async #completed(checkout: CheckoutResponse, abort: AbortController): Promise<void> {
    if (abort !== this.#payAbort || this._phase.kind !== 'open') return;
    this.#teardown('completed');
    this._phase = { kind: 'confirming' };
    this._announcement = this.strings.payConfirming;
    this.#focusAfterUpdate = '[part~="message"]';
    try {
      const status = await this.api.checkoutStatus(checkout.sessionId);
      if (abort !== this.#payAbort) return;
      this.#showOutcome(status, true);
    } catch (error) {
      if (abort !== this.#payAbort) return;
      this.noticeError(error);
      // Stripe took the payment; our server did not answer. The webhook will book it: keep watching the invoice.
      this._phase = { kind: 'processing' };
      this._announcement = this.strings.payProcessing;
    }
  }

  #showOutcome(status: CheckoutStatusResponse, announce: boolean): void {
    const current = this._invoice;
    if (current && current.id === status.invoiceId) this._invoice = { ...current, ...status.invoice };
    if (status.paymentStatus === 'paid' || status.invoice.status === 'paid') {
      this.#showPaid(status.invoice, announce);
    } else if (status.status === 'complete') {
      this._phase = { kind: 'processing' };
      this._announcement = this.strings.payProcessing;
    } else {
      this._phase = { kind: 'message', tone: 'info', text: this.strings.payNotCompleted };
      this._announcement = this.strings.payNotCompleted;
    }
  }

  #showPaid(invoice: CheckoutStatusResponse['invoice'], announce = true): void {
    const invoiceId = this.#id;
    this._phase = { kind: 'paid' };
    this._announcement = this.strings.payThanks;
    this.#focusAfterUpdate = this.matches(':focus-within') || document.activeElement === document.body ? '[part~="paid"]' : null;
    if (announce && invoiceId) this.#emitPaid(invoiceId, invoice);
  }

  #emitPaid(invoiceId: string, invoice: CheckoutStatusResponse['invoice']): void {
    const { status, displayStatus, amountPaid, balance, version } = invoice;
    emit<PorticoInvoicePaidDetail>(this, 'portico-invoice-paid', { invoiceId, invoice: { status, displayStatus, amountPaid, balance, version } });
  }

  /** `?portico_checkout=` on the address: back from a payment that left the page. */
  #checkReturn(): void {
    const found = takeCheckoutReturn(this.api);
    if (!found) return;
    const { taken, claimed } = found;
    taken.result.then(
      (status) => {
        if (!this.isConnected) return;
        const paid = status.paymentStatus === 'paid' || status.invoice.status === 'paid';
        if (status.invoiceId === this.#id) {
          // The page learns of the payment once: from the button of that invoice, if there is one.
          const announce = paid && !taken.announced;
          if (announce) taken.announced = true;
          this.#showOutcome(status, announce);
        } else if (paid && claimed) {
          // Else from the button that asked, once the others have had their turn.
          setTimeout(() => {
            if (taken.announced || !this.isConnected) return;
            taken.announced = true;
            this.#emitPaid(status.invoiceId, status.invoice);
          }, 0);
        }
      },
      (error: unknown) => {
        if (!claimed || !this.isConnected) return;
        this.noticeError(error);
        this._phase = { kind: 'message', tone: 'error', text: `${this.strings.payReturnFailed} ${this.#payErrorText(error)}` };
      },
    );
  }

  #payErrorText(error: unknown): string {
    const strings = this.strings;
    if (error instanceof StripeUnavailableError) return strings.payStripeUnavailable;
    if (!(error instanceof PorticoApiError)) return strings.unknownError;
    switch (error.code) {
      case 'stripe_not_configured':
        return strings.payNotConfigured;
      case 'invoice_not_payable':
        return strings.payNotPayable;
      case 'payment_provider_error':
        return strings.payProviderError;
      default:
        return this.errorText(error);
    }
  }

  // ---- rendering ----

  #computeState(): PayButtonState {
    const phase = this._phase;
    if (phase.kind === 'idle') return this.payable ? 'ready' : 'hidden';
    return phase.kind;
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const brand = this._brand;
    // The page's --portico-accent first, then the portal's or preview's brand, then the one from the session.
    const brandStyle =
      brand && isHexColor(brand)
        ? {
            '--_accent': `var(--portico-accent, var(--_brand, ${brand}))`,
            '--_on-accent': `var(--portico-on-accent, var(--_brand-on, ${readableTextColor(brand)}))`,
          }
        : {};
    return html`<div class="root" lang=${this.language} dir=${this.direction} style=${styleMap(brandStyle)}>
      ${this.#renderPhase(strings)}
      <span class="visually-hidden" role="status" aria-live="polite">${this._announcement}</span>
    </div>`;
  }

  #renderPhase(strings: Strings): TemplateResult | typeof nothing {
    const phase = this._phase;
    const invoice = this._invoice;
    switch (phase.kind) {
      case 'idle':
        return this.payable && invoice ? this.#renderButton(invoice, strings, false) : nothing;
      case 'starting':
        return invoice ? this.#renderButton(invoice, strings, true) : nothing;
      case 'open':
        if (phase.inPlace) return this.#renderInPlace(phase.checkout, strings);
        // In a dialog: the button waits behind it.
        return invoice ? this.#renderButton(invoice, strings, true) : nothing;
      case 'confirming':
        return html`<p part="message" class="message progress" tabindex="-1">${spinner}${strings.payConfirming}</p>`;
      case 'paid':
        return html`<p part="paid" class="paid" tabindex="-1">${checkIcon}<strong>${strings.payPaid}</strong> <span class="thanks">${strings.payThanks}</span></p>`;
      case 'processing':
        return html`<p part="message" class="message info" tabindex="-1">${strings.payProcessing}</p>`;
      case 'message':
        return html`<div class="with-message">
          <p part="message" class="message ${phase.tone}" role=${phase.tone === 'error' ? 'alert' : nothing} tabindex="-1">${phase.text}</p>
          ${this.payable && invoice ? this.#renderButton(invoice, strings, false) : nothing}
        </div>`;
    }
  }

  #renderButton(invoice: PayableInvoice, strings: Strings, busy: boolean): TemplateResult {
    const amount = formatMoney(invoice.balance, invoice.currency, this.locale);
    return html`<button
      part="pay-button"
      class="pay primary"
      type="button"
      aria-label=${strings.payNowLabel(amount, this.isolate(invoiceNumber(invoice, strings)))}
      aria-disabled=${busy ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${() => void this.#pay()}
    >
      ${busy ? spinner : cardIcon}<span class="label">${busy ? strings.payStarting : strings.payNow}</span>
      ${busy || this.compact ? nothing : html`<span part="amount" class="amount">${amount}</span>`}
    </button>`;
  }

  #renderInPlace(checkout: CheckoutResponse, strings: Strings): TemplateResult {
    const invoice = this._invoice;
    const title = strings.payCheckoutTitle(invoice ? this.isolate(invoiceNumber(invoice, strings)) : '', formatMoney(checkout.amount, checkout.currency, this.locale));
    return html`<section part="checkout" class="checkout" aria-labelledby="checkout-title">
      <div class="checkout-head">
        <h3 id="checkout-title" part="checkout-title">${title}</h3>
        <button part="button cancel-button" type="button" @click=${() => this.cancel()}>${strings.payCancel}</button>
      </div>
      <div class="checkout-body"><slot name="checkout"></slot></div>
    </section>`;
  }
}

/** A promise that never rejects (so one started early and never awaited raises nothing), and back. */
function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function unsettle<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (result.ok) return result.value;
  throw new StripeUnavailableError('Stripe.js could not be loaded.', { cause: result.error });
}

const cardIcon = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <rect x="1.5" y="3.5" width="13" height="9" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4" />
  <path d="M1.5 6.5h13" stroke="currentColor" stroke-width="1.8" />
</svg>`;

const checkIcon = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <path d="m3 8.5 3 3 7-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

const spinner = html`<svg class="icon spinner" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="28 10" stroke-linecap="round" />
</svg>`;
