import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutResponse } from '@portico/wire';
import { PorticoApiError } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import { isHexColor, readableTextColor } from '../shared/color.js';
import { formatMoney } from '../shared/format.js';
import type { WidgetView } from '../shared/portico-element.js';
import { invoiceNumber } from '../shared/invoice-table.js';
import type { PayableInvoice, Phase } from './pay-button-types.js';
import { StripeUnavailableError } from './stripe-checkout.js';

/** What the pay button's views read of it. */
export interface PayButtonView extends WidgetView {
  /** The invoice, once known. */
  invoice: PayableInvoice | null;
  /** It can be paid here now. */
  payable: boolean;
  compact: boolean;
  pay: () => void;
  cancel: () => void;
}

/** The page's --portico-accent first, then the portal's or preview's brand, then the one from the session. */
export function brandStyle(brand: string | null): Record<string, string> {
  return brand && isHexColor(brand)
    ? {
        '--_accent': `var(--portico-accent, var(--_brand, ${brand}))`,
        '--_on-accent': `var(--portico-on-accent, var(--_brand-on, ${readableTextColor(brand)}))`,
      }
    : {};
}

/** What went wrong starting or confirming a payment, in the client's words. */
export function payErrorText(error: unknown, { strings, errorText }: WidgetView): string {
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
      return errorText(error);
  }
}

/** "Pay INV-0042 · €999.40": the heading over Stripe's form, in place or in the dialog. */
export function checkoutTitle(view: PayButtonView, checkout: CheckoutResponse): string {
  const { invoice, strings } = view;
  return strings.payCheckoutTitle(invoice ? view.isolate(invoiceNumber(invoice, strings)) : '', formatMoney(checkout.amount, checkout.currency, view.locale));
}

/** What the button shows for a phase: the button, Stripe's form in place, progress, Paid, or a message. */
export function renderPhase(phase: Phase, view: PayButtonView): TemplateResult | typeof nothing {
  const { strings } = view;
  const button = (busy: boolean): TemplateResult | typeof nothing => (view.invoice && (busy || view.payable) ? renderButton(view, view.invoice, busy) : nothing);
  switch (phase.kind) {
    case 'idle':
      return button(false);
    case 'starting':
      return button(true);
    case 'open':
      // In a dialog: the button waits behind it.
      return phase.inPlace ? renderInPlace(view, phase.checkout) : button(true);
    case 'confirming':
      return html`<p part="message" class="message progress" tabindex="-1">${spinner}${strings.payConfirming}</p>`;
    case 'paid':
      return html`<p part="paid" class="paid" tabindex="-1">${checkIcon}<strong>${strings.payPaid}</strong> <span class="thanks">${strings.payThanks}</span></p>`;
    case 'processing':
      return html`<p part="message" class="message info" tabindex="-1">${strings.payProcessing}</p>`;
    case 'message':
      return html`<div class="with-message">
        <p part="message" class="message ${phase.tone}" role=${phase.tone === 'error' ? 'alert' : nothing} tabindex="-1">${phase.text}</p>
        ${button(false)}
      </div>`;
  }
}

function renderButton(view: PayButtonView, invoice: PayableInvoice, busy: boolean): TemplateResult {
  const { strings } = view;
  const amount = formatMoney(invoice.balance, invoice.currency, view.locale);
  return html`<button
    part="pay-button"
    class="pay primary"
    type="button"
    aria-label=${strings.payNowLabel(amount, view.isolate(invoiceNumber(invoice, strings)))}
    aria-disabled=${busy ? 'true' : 'false'}
    aria-busy=${busy ? 'true' : 'false'}
    @click=${view.pay}
  >
    ${busy ? spinner : cardIcon}<span class="label">${busy ? strings.payStarting : strings.payNow}</span>
    ${busy || view.compact ? nothing : html`<span part="amount" class="amount">${amount}</span>`}
  </button>`;
}

/** Stripe's form in the page itself: a box around the `checkout` slot. */
function renderInPlace(view: PayButtonView, checkout: CheckoutResponse): TemplateResult {
  return html`<section part="checkout" class="checkout" aria-labelledby="checkout-title">
    <div class="checkout-head">
      <h3 id="checkout-title" part="checkout-title">${checkoutTitle(view, checkout)}</h3>
      <button part="button cancel-button" type="button" @click=${view.cancel}>${view.strings.payCancel}</button>
    </div>
    <div class="checkout-body"><slot name="checkout"></slot></div>
  </section>`;
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
