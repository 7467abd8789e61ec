import { html, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { CheckoutResponse, CheckoutStatusResponse } from '@portico/wire';
import { emit } from '../shared/events.js';
import { Poller } from '../shared/poller.js';
import { isAbort, PorticoElement } from '../shared/portico-element.js';
import { openCheckoutDialog, openInPlace, type CheckoutSurface } from './checkout-dialog.js';
import { followCheckoutReturn, isPaid, startCheckout } from './checkout-return.js';
import {
  payButtonState,
  type PayableInvoice,
  type PayButtonState,
  type Phase,
  type PorticoCheckoutCloseDetail,
  type PorticoCheckoutOpenDetail,
  type PorticoInvoicePaidDetail,
} from './pay-button-types.js';
import { brandStyle, checkoutTitle, payErrorText, renderPhase, type PayButtonView } from './pay-button-views.js';
import { payButtonStyles } from './pay-button.styles.js';
import { loadStripeWhenPaying, StripeCheckout, type StripeAccount, type StripeLoader } from './stripe-checkout.js';

export type { PayableInvoice, PayButtonState, PorticoCheckoutCloseDetail, PorticoCheckoutOpenDetail, PorticoInvoicePaidDetail } from './pay-button-types.js';
export type { PorticoStripe, StripeLoader } from './stripe-checkout.js';

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
  private _payments: StripeAccount | null | undefined = undefined;
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
  /** Stripe's form: Stripe.js, the form, where it is mounted (stripe-checkout.ts). */
  readonly #checkout = new StripeCheckout();
  #returnChecked = false;

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
    this.focusAfterUpdate('[part~="pay-button"]');
  }

  get #id(): string | null {
    return this.invoice?.id ?? this.invoiceId ?? null;
  }

  get #payments(): StripeAccount | null | undefined {
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
      // `?portico_checkout=` on the address: back from a payment that left the page.
      followCheckoutReturn(this.api, this, {
        invoiceId: () => this.#id,
        outcome: (status, announce) => this.#showOutcome(status, announce),
        paid: (status) => this.#emitPaid(status.invoiceId, status.invoice),
        failed: (error) => {
          this.noticeError(error);
          this._phase = { kind: 'message', tone: 'error', text: `${this.strings.payReturnFailed} ${this.#payErrorText(error)}` };
        },
      });
    }
    const polling = ['open', 'confirming', 'processing'].includes(this._phase.kind);
    if (changed.has('pollInterval')) this.#poller.stop();
    if (polling && !this.#poller.active) this.#poller.start();
    else if (!polling && this.#poller.active) this.#poller.stop();
    this.state = payButtonState(this._phase, this.payable);
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
    // Stripe.js loads while the server opens the session.
    this.#checkout.preload((this.constructor as typeof PorticoPayButton).loadStripe, payments);
    try {
      const checkout = await startCheckout(this.api, invoice.id, this.returnUrl, abort.signal);
      const form = await this.#checkout.create(checkout, () => void this.#completed(checkout, abort), abort.signal);
      if (!form) return;
      const inPlace = !this.dialog && this.getRootNode() === document;
      this._phase = { kind: 'open', checkout, inPlace };
      this._announcement = '';
      await this.updateComplete; // the slot is there to take the form
      this.#checkout.mount(form, this.#openSurface(checkout, inPlace));
      emit<PorticoCheckoutOpenDetail>(this, 'portico-checkout-open', { invoiceId: invoice.id, sessionId: checkout.sessionId });
    } catch (error) {
      if (abort !== this.#payAbort || abort.signal.aborted || isAbort(error)) return;
      this.#teardown('failed');
      this.noticeError(error);
      this._phase = { kind: 'message', tone: 'error', text: this.#payErrorText(error) };
      this._announcement = '';
    }
  }

  #openSurface(checkout: CheckoutResponse, inPlace: boolean): CheckoutSurface {
    if (inPlace) return openInPlace(this);
    return openCheckoutDialog({
      title: checkoutTitle(this.#view, checkout),
      closeLabel: this.strings.payCancel,
      lang: this.language,
      dir: this.direction,
      lookOf: this.renderRoot.querySelector('.root') ?? this,
      onClose: () => this.cancel(),
    });
  }

  /** Takes Stripe's form away, and tells the page why (`null`: quietly). */
  #teardown(reason: PorticoCheckoutCloseDetail['reason'] | null): void {
    const hadForm = this.#checkout.close();
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
    this.focusAfterUpdate('[part~="message"]');
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
    if (isPaid(status)) {
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
    this.focusAfterUpdate(this.matches(':focus-within') || document.activeElement === document.body ? '[part~="paid"]' : null);
    if (announce && invoiceId) this.#emitPaid(invoiceId, invoice);
  }

  #payErrorText(error: unknown): string {
    return payErrorText(error, this.viewContext);
  }

  #emitPaid(invoiceId: string, invoice: CheckoutStatusResponse['invoice']): void {
    const { status, displayStatus, amountPaid, balance, version } = invoice;
    emit<PorticoInvoicePaidDetail>(this, 'portico-invoice-paid', { invoiceId, invoice: { status, displayStatus, amountPaid, balance, version } });
  }

  // ---- rendering ----

  get #view(): PayButtonView {
    return {
      ...this.viewContext,
      invoice: this._invoice,
      payable: this.payable,
      compact: this.compact,
      pay: () => void this.#pay(),
      cancel: () => this.cancel(),
    };
  }

  protected override render(): TemplateResult {
    return html`<div class="root" lang=${this.language} dir=${this.direction} style=${styleMap(brandStyle(this._brand))}>
      ${renderPhase(this._phase, this.#view)}
      <span class="visually-hidden" role="status" aria-live="polite">${this._announcement}</span>
    </div>`;
  }
}
