import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { InvoiceDetailResponse, SessionResponse } from '@portico/wire';
import { PorticoApiError } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import { isHexColor, readableTextColor } from '../shared/color.js';
import { formatDate, formatMoney } from '../shared/format.js';
import { invoiceNumber, renderStatusBadge } from '../shared/invoice-table.js';
import { Poller } from '../shared/poller.js';
import { PorticoElement } from '../shared/portico-element.js';
import type { ResourceState } from '../shared/resource-controller.js';
import { invoicePreviewStyles } from './invoice-preview.styles.js';
import { emit } from '../shared/events.js';

type Details = typeof import('./invoice-details.js');
let details: Details | undefined;
/** The document's details (invoice-details.ts), fetched once, with the first invoice. */
const loadDetails = async (): Promise<Details> => (details ??= await import('./invoice-details.js'));
import { renderLineItems, renderNotes, renderTotals } from './document-body.js';
import { PdfDownload, renderDocumentActions, renderDocumentHead } from './document-head.js';

/** Nothing asked for yet (no invoice, or nowhere to load it from), else where the invoice's request stands. */
type State = { kind: 'idle' } | ResourceState<InvoiceDetailResponse>;

/** Detail of `portico-invoice-loaded`. */
export interface PorticoInvoiceLoadedDetail {
  invoice: InvoiceDetailResponse;
}

/** Detail of `portico-invoice-changed`: the invoice on screen changed on the server (a payment, a refund, an edit). */
export interface PorticoInvoiceChangedDetail {
  invoice: InvoiceDetailResponse;
  previousVersion: number;
}

/**
 * One invoice, laid out like the document: the business's brand, the seller
 * and the buyer (addresses, VAT IDs, tax numbers), dates, status, line items,
 * totals with the tax summary per VAT rate, tax notes, terms, payments and notes, with a
 * "Download PDF" link and a Print button. It fits its container from a 375 px
 * phone (line items become stacked cards) to a wide monitor (a table, at most
 * `--portico-invoice-max-width` wide), and prints without its buttons.
 *
 * An open invoice says how to pay it: a `<portico-pay-button>` when the
 * business takes card payments (Stripe's form opens in a dialog), the bank
 * account with the invoice number as the reference (each detail with a Copy
 * button) when the business gave one, and otherwise whom to contact. While an
 * open invoice is on screen the preview polls it (`GET /api/invoices/:id`,
 * every `poll-interval` ms at first, slower while nothing changes, paused
 * while the page is hidden, given up after ten minutes without a change),
 * so a payment made elsewhere shows without a reload.
 *
 * @summary One invoice, responsive and printable, with its PDF.
 *
 * @event portico-invoice-loaded - The invoice arrived and is shown. `detail: { invoice }`.
 * @event portico-invoice-changed - Polling found the invoice changed on the server; the new one is shown. `detail: { invoice, previousVersion }`.
 * @event portico-invoice-paid - From the pay button: a payment was made (the preview reloads). `detail: { invoiceId, invoice }`.
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 *
 * @csspart invoice - The document box.
 * @csspart header - The top: brand, title and status.
 * @csspart brand - The business's logo and name.
 * @csspart logo - The business's logo image.
 * @csspart title - The "Invoice INV-0042" heading.
 * @csspart status - The status badge, with `status-draft`, `status-sent`, `status-overdue`, `status-paid` or `status-void`.
 * @csspart actions - The Download PDF link and Print button (hidden in print).
 * @csspart pdf-link - The "Download PDF" link.
 * @csspart button - Every button.
 * @csspart parties - The seller's and the buyer's blocks.
 * @csspart seller - The seller ("From"): name, legal name, address, VAT ID, tax and registration numbers.
 * @csspart buyer - The buyer ("Billed to"): name, address, VAT ID and tax number.
 * @csspart meta - Dates and balance due.
 * @csspart lines - The line items (a table; cards when narrow).
 * @csspart line - Each line item.
 * @csspart totals - Subtotal, discounts, taxes, total, paid and balance.
 * @csspart tax-summary - The tax summary under the totals: one row per VAT category and rate.
 * @csspart how-to-pay - An open invoice's "How to pay": Pay now, bank transfer details, instructions or whom to contact.
 * @csspart pay - The `<portico-pay-button>` under the totals.
 * @csspart bank-transfer - The bank account to transfer to, with the invoice number as the reference.
 * @csspart copy-button - Each bank detail's Copy button.
 * @csspart payment-instructions - The business's own payment instructions.
 * @csspart contact - "Please contact … to pay", when there is neither card payment nor a bank account.
 * @csspart terms - Tax notes (reverse charge, exemption) and payment terms.
 * @csspart payments - The payments received.
 * @csspart receipt-link - Each payment's "Receipt (PDF)" link.
 * @csspart notes - The invoice's notes.
 * @csspart message - Loading, not found and error messages.
 *
 * @cssproperty --portico-status-draft - Colour of the Draft badge.
 * @cssproperty --portico-status-sent - Colour of the Sent badge.
 * @cssproperty --portico-status-partially-paid - Colour of the Partially paid badge. Default: the Sent colour.
 * @cssproperty --portico-status-overdue - Colour of the Overdue badge.
 * @cssproperty --portico-status-paid - Colour of the Paid badge.
 * @cssproperty --portico-status-void - Colour of the Void badge.
 * @cssproperty --portico-invoice-max-width - Widest the document grows (default 56rem).
 */
export class PorticoInvoicePreview extends PorticoElement {
  static override readonly tag = 'portico-invoice-preview';
  static override styles = invoicePreviewStyles;

  static override properties = {
    invoiceId: { type: String, attribute: 'invoice-id' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    _copied: { state: true },
  };

  /** The invoice to show. */
  invoiceId: string | null = null;
  /** Milliseconds between polls of an open invoice at first (slower while nothing changes); 0 turns polling off. */
  pollInterval: number = 5000;
  private _copied: string | null = null;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #invoice = this.resource<InvoiceDetailResponse>({
    key: () => (this.invoiceId ? [this.invoiceId] : null),
    load: (signal) => Promise.all([this.api.invoice(this.invoiceId!, { signal }), loadDetails()]).then(([invoice]) => invoice),
    // The same invoice fetched again stays on screen meanwhile.
    keep: (invoice) => invoice.id === this.invoiceId,
    onStart: () => this.#pdf.reset(),
    onValue: (invoice) =>
      emit<PorticoInvoiceLoadedDetail>(this, 'portico-invoice-loaded', { invoice }),
  });
  readonly #pdf = new PdfDownload(this, {
    mode: () => this.api.mode,
    fetch: () => this.api.downloadPdf(this.invoiceId!, { locale: this.language }),
    root: () => this.renderRoot,
    failed: (error) => (this.noticeError(error), this.errorText(error)),
  });
  /** The business's card payments (the session's `onlinePayments`), shared with the pay button. */
  readonly #payments = this.resource<SessionResponse['business']['onlinePayments']>({
    load: () => this.api.currentSession().then((session) => session?.business.onlinePayments ?? null),
  });
  /** A checkout is open in the pay button: it watches the invoice itself meanwhile. */
  #checkoutOpen = false;

  readonly #poller = new Poller(this, {
    interval: () => this.pollInterval,
    backoff: 1.5,
    maxInterval: 60_000,
    stopAfter: 10 * 60_000,
    poll: (signal) => this.#poll(signal),
  });

  /** The invoice shown, once loaded. */
  get invoice(): InvoiceDetailResponse | null {
    const state = this.#invoice.state;
    return state.kind === 'ready' ? state.value : null;
  }

  /** Loads the invoice again (after a payment, say). */
  reload(): Promise<void> {
    return this.#invoice.reload();
  }

  get #state(): State {
    return this.invoiceId && this.canLoad ? this.#invoice.state : { kind: 'idle' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#invoice.sync();
    this.#payments.sync();
    // Watch an open invoice for payments made elsewhere (see Poller for why polling).
    const state = this.#state;
    const watch = state.kind === 'ready' && state.value.status === 'sent' && !this.#checkoutOpen;
    if (changed.has('pollInterval')) this.#poller.stop();
    if (watch && !this.#poller.active) this.#poller.start();
    else if (!watch && this.#poller.active) this.#poller.stop();
  }

  async #poll(signal: AbortSignal): Promise<boolean> {
    const shown = this.#invoice.state;
    if (shown.kind !== 'ready') return false;
    const invoice = await this.api.invoice(shown.value.id, { signal });
    const now = this.#invoice.state;
    if (now.kind !== 'ready' || now.value.id !== invoice.id || invoice.version === now.value.version) return false;
    this.#invoice.set(invoice);
    emit<PorticoInvoiceChangedDetail>(this, 'portico-invoice-changed', { invoice, previousVersion: now.value.version });
    return true;
  }

  #onCheckoutOpen = (): void => {
    this.#checkoutOpen = true;
    this.requestUpdate();
  };

  #onCheckoutClose = (): void => {
    this.#checkoutOpen = false;
    this.requestUpdate();
  };

  /** Copies a bank detail, shows "Copied" on its button and announces it. */
  async #copy(label: string, value: string): Promise<void> {
    await navigator.clipboard.writeText(value);
    this._copied = label;
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this._copied = null), 4000);
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const state = this.#state;
    const brand = state.kind === 'ready' ? state.value.business.brandColor : null;
    // The tokens on :host were worked out without the brand: set the accent again here, still behind --portico-accent.
    const brandStyle =
      brand && isHexColor(brand)
        ? {
            '--_accent': `var(--portico-accent, ${brand})`,
            '--_on-accent': `var(--portico-on-accent, ${readableTextColor(brand)})`,
            // For the widgets inside (the pay button), as the portal gives its own.
            '--_brand': brand,
            '--_brand-on': readableTextColor(brand),
          }
        : {};
    return html`<div class="root" lang=${this.language} dir=${this.direction} style=${styleMap(brandStyle)} aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
      ${this.#renderState(state, strings)}
    </div>`;
  }

  #renderState(state: State, strings: Strings): TemplateResult | typeof nothing {
    switch (state.kind) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p part="message" class="message-plain muted" role="status">${strings.invoiceLoading}</p>`;
      case 'error':
        if (state.error instanceof PorticoApiError && state.error.status === 404) {
          return html`<p part="message" class="message error" role="alert">${strings.invoiceNotFound}</p>`;
        }
        return html`<div part="message" class="message error with-button" role="alert">
          <span>${this.errorText(state.error)}</span>
          <button part="button" type="button" @click=${() => void this.reload()}>${strings.retry}</button>
        </div>`;
      case 'ready':
        return this.#renderInvoice(state.value, strings);
    }
  }

  #renderInvoice(invoice: InvoiceDetailResponse, strings: Strings): TemplateResult {
    const locale = this.locale;
    const m = (amount: number): string => formatMoney(amount, invoice.currency, locale);
    const title = invoice.number ? strings.invoiceHeading(this.isolate(invoice.number)) : strings.invoiceDraftHeading;
    const overdue = invoice.displayStatus === 'overdue';
    const view = this.viewContext;
    const { renderHowToPay, renderParties, renderPayments, renderTaxSummary, renderTerms } = details!;
    const payments = this.#payments.state;
    const onlinePayments = payments.kind === 'ready' ? payments.value : payments.kind === 'error' ? null : undefined;
    return html`<article part="invoice" class="invoice status-${invoice.displayStatus}" aria-labelledby="invoice-title">
      ${renderDocumentHead(invoice.business, 'invoice-title', title, renderStatusBadge(invoice.displayStatus, strings))}
      ${renderDocumentActions(this.api.invoicePdfUrl(invoice.id, this.language), `${invoiceNumber(invoice, strings)}.pdf`, this.#pdf, strings)}

      ${renderParties(invoice, view)}

      <dl part="meta" class="meta">
        <div>
          <dt>${strings.issueDate}</dt>
          <dd><time datetime=${invoice.issueDate}>${formatDate(invoice.issueDate, locale, 'long')}</time></dd>
        </div>
        <div>
          <dt>${strings.dueDate}</dt>
          <dd class=${overdue ? 'overdue' : ''}><time datetime=${invoice.dueDate}>${formatDate(invoice.dueDate, locale, 'long')}</time></dd>
        </div>
        <div class="balance-due">
          <dt>${strings.balanceDue}</dt>
          <dd class=${overdue ? 'overdue' : ''}>${m(invoice.balance)}</dd>
        </div>
      </dl>

      ${renderLineItems(invoice, view)}

      <div class="bottom">
        ${renderNotes(invoice.notes, view)}
        <div class="side">
          ${renderTotals(
            invoice,
            view,
            html`${invoice.amountPaid !== 0
              ? html`<div>
                  <dt>${strings.amountPaid}</dt>
                  <dd>${m(-invoice.amountPaid)}</dd>
                </div>`
              : nothing}
            <div class="balance ${overdue ? 'overdue' : ''}">
              <dt>${strings.balanceDue}</dt>
              <dd>${m(invoice.balance)}</dd>
            </div>`,
          )}
          ${renderTaxSummary(invoice, view)}
          ${renderHowToPay(
            invoice,
            { ...view, onlinePayments: onlinePayments === undefined ? undefined : onlinePayments !== null, copied: this._copied, copy: (label, value) => void this.#copy(label, value) },
            html`<portico-pay-button
              part="pay"
              class="pay"
              .client=${this.api}
              .invoice=${invoice}
              .onlinePayments=${onlinePayments}
              @portico-checkout-open=${this.#onCheckoutOpen}
              @portico-checkout-close=${this.#onCheckoutClose}
              @portico-invoice-paid=${() => void this.reload()}
            ></portico-pay-button>`,
          )}
        </div>
      </div>

      ${renderTerms(invoice, view)}

      ${renderPayments(invoice, { ...view, receiptUrl: (paymentId) => this.api.receiptPdfUrl(invoice.id, paymentId, this.language), receiptClick: (paymentId) => this.#pdf.clickFor(() => this.api.downloadReceipt(invoice.id, paymentId, { locale: this.language })) })}
    </article>`;
  }
}
