import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { EstimateDetailResponse } from '@portico/wire';
import { PorticoApiError } from '../client/portico-client.js';
import { PorticoEstimateElement } from '../estimates/estimate-element.js';
import { renderEstimateStatus } from '../estimates/estimate-status.js';
import { renderLineItems, renderNotes, renderTotals } from '../invoice-preview/document-body.js';
import { PdfDownload, renderDocumentActions, renderDocumentHead } from '../invoice-preview/document-head.js';
import { renderParties, renderTaxSummary, renderTerms } from '../invoice-preview/parties-view.js';
import { isHexColor, readableTextColor } from '../shared/color.js';
import { emit } from '../shared/events.js';
import { formatDate, formatMoney } from '../shared/format.js';
import { renderAnswer, type AnswerState } from './estimate-answer.js';
import { estimatePreviewStyles } from './estimate-preview.styles.js';

/** Detail of `portico-estimate-loaded`. */
export interface PorticoEstimateLoadedDetail {
  estimate: EstimateDetailResponse;
}

/** Detail of `portico-estimate-answered`: the client accepted or declined; `estimate` is as it now stands. */
export interface PorticoEstimateAnsweredDetail {
  estimate: EstimateDetailResponse;
  answer: 'accepted' | 'declined';
}

/** Detail of `portico-estimate-invoice-open`: cancel it to show the invoice yourself (the portal does) rather than follow the `?invoice=` link. */
export interface PorticoEstimateInvoiceOpenDetail {
  invoiceId: string;
  estimate: EstimateDetailResponse;
}

const idle: AnswerState = { form: null, busy: false, error: null, invalid: {} };

/**
 * One estimate, laid out like the invoice preview (and drawn by the same
 * parts): the business's brand, seller and buyer, issue date and valid
 * until, line items, totals with the tax summary, notes, with a "Download
 * PDF" link and a Print button. From a 375 px phone to a wide monitor.
 *
 * A sent estimate still valid offers "Accept" (a form asking for the
 * client's typed full name and a confirmation tick) and "Decline" (an
 * optional reason). Both are final: after either, and on any estimate
 * already answered, the preview says what became of it: accepted by whom
 * and when (with the version accepted), declined, expired or invoiced, with
 * a link to the invoice it became.
 *
 * @summary One estimate, responsive and printable, with its PDF, Accept and Decline.
 *
 * @event portico-estimate-loaded - The estimate arrived and is shown. `detail: { estimate }`.
 * @event portico-estimate-answered - The client accepted or declined it. `detail: { estimate, answer }`.
 * @event portico-estimate-invoice-open - The link to the invoice it became was followed; cancel to handle it. `detail: { invoiceId, estimate }`.
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 *
 * @csspart invoice - The document box (named as the invoice preview's, whose styles it shares).
 * @csspart header - The top: brand, title and status.
 * @csspart brand - The business's logo and name.
 * @csspart logo - The business's logo image.
 * @csspart title - The "Estimate EST-0007" heading.
 * @csspart status - The status badge, with `status-sent`, `status-expired`, `status-accepted`, `status-declined`, `status-converted` or `status-void`.
 * @csspart actions - The Download PDF link and Print button (hidden in print).
 * @csspart pdf-link - The "Download PDF" link.
 * @csspart button - Every button; Accept also has `accept-button`, Decline `decline-button`, a form's submit `submit`.
 * @csspart parties - The seller's and the buyer's blocks.
 * @csspart seller - The seller ("From").
 * @csspart buyer - The buyer ("Prepared for").
 * @csspart meta - Issue date, valid until and total.
 * @csspart lines - The line items (a table; cards when narrow).
 * @csspart line - Each line item.
 * @csspart totals - Subtotal, discounts, taxes and total.
 * @csspart tax-summary - The tax summary: one row per VAT category and rate.
 * @csspart terms - Tax notes (reverse charge, exemption).
 * @csspart notes - The estimate's notes.
 * @csspart answer - Accept and Decline, or the open form.
 * @csspart answer-form - The accept or decline form; also `accept-form` or `decline-form`.
 * @csspart input - The name and reason fields.
 * @csspart checkbox - The confirmation tick.
 * @csspart outcome - What became of an answered estimate.
 * @csspart invoice-link - "View the invoice" for the invoice it became.
 * @csspart message - Loading, not found and error messages.
 *
 * @cssproperty --portico-status-sent - Colour of the Sent badge.
 * @cssproperty --portico-status-paid - Colour of the Accepted and Invoiced badges.
 * @cssproperty --portico-status-overdue - Colour of the Declined badge.
 * @cssproperty --portico-status-draft - Colour of the Expired badge.
 * @cssproperty --portico-status-void - Colour of the Void badge.
 * @cssproperty --portico-invoice-max-width - Widest the document grows (default 56rem).
 */
export class PorticoEstimatePreview extends PorticoEstimateElement {
  static override readonly tag = 'portico-estimate-preview';
  static override styles = estimatePreviewStyles;

  static override properties = {
    estimateId: { type: String, attribute: 'estimate-id' },
    _answer: { state: true },
  };

  /** The estimate to show. */
  estimateId: string | null = null;
  private _answer: AnswerState = idle;

  readonly #estimate = this.resource<EstimateDetailResponse>({
    key: () => (this.estimateId ? [this.estimateId] : null),
    load: (signal) => this.api.estimate(this.estimateId!, { signal }),
    keep: (estimate) => estimate.id === this.estimateId,
    onStart: () => {
      this.#pdf.reset();
      if (this.#estimate.value?.id !== this.estimateId) this._answer = idle;
    },
    onValue: (estimate) => emit<PorticoEstimateLoadedDetail>(this, 'portico-estimate-loaded', { estimate }),
  });

  readonly #pdf = new PdfDownload(this, {
    mode: () => this.api.mode,
    fetch: () => this.api.downloadEstimatePdf(this.estimateId!, { locale: this.language }),
    root: () => this.renderRoot,
    failed: (error) => (this.noticeError(error), this.errorText(error)),
  });

  /** The estimate shown, once loaded. */
  get estimate(): EstimateDetailResponse | null {
    const state = this.#estimate.state;
    return state.kind === 'ready' ? state.value : null;
  }

  /** Loads the estimate again. */
  reload(): Promise<void> {
    return this.#estimate.reload();
  }

  #openForm(form: AnswerState['form']): void {
    this._answer = { ...idle, form };
    this.focusAfterUpdate(form === 'accept' ? '#accept-name' : form === 'decline' ? '#decline-reason' : '.accept');
  }

  async #accept(event: SubmitEvent, estimate: EstimateDetailResponse): Promise<void> {
    event.preventDefault();
    if (this._answer.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = form.querySelector<HTMLInputElement>('#accept-name')!.value.trim();
    const confirmed = form.querySelector<HTMLInputElement>('#accept-confirm')!.checked;
    if (!name || !confirmed) {
      this._answer = { ...this._answer, error: null, invalid: { name: !name, confirm: !confirmed } };
      this.focusAfterUpdate(!name ? '#accept-name' : '#accept-confirm');
      return;
    }
    await this.#answer('accepted', () => this.api.acceptEstimate(estimate.id, { name, confirmed }));
  }

  async #decline(event: SubmitEvent, estimate: EstimateDetailResponse): Promise<void> {
    event.preventDefault();
    if (this._answer.busy) return;
    const reason = (event.currentTarget as HTMLFormElement).querySelector<HTMLTextAreaElement>('#decline-reason')!.value.trim();
    await this.#answer('declined', () => this.api.declineEstimate(estimate.id, { reason: reason || null }));
  }

  /** Sends the answer; the estimate as the server now has it replaces the one shown, and focus moves to the outcome. */
  async #answer(answer: PorticoEstimateAnsweredDetail['answer'], send: () => Promise<EstimateDetailResponse>): Promise<void> {
    this._answer = { ...this._answer, busy: true, error: null, invalid: {} };
    try {
      const updated = await send();
      this._answer = idle;
      this.#estimate.set(updated);
      this.focusAfterUpdate('#outcome');
      emit<PorticoEstimateAnsweredDetail>(this, 'portico-estimate-answered', { estimate: updated, answer });
    } catch (error) {
      this.noticeError(error);
      const refused = error instanceof PorticoApiError && (error.code === 'estimate_expired' || error.code === 'estimate_not_acceptable');
      this._answer = { ...this._answer, busy: false, error: this.#answerErrorText(error) };
      // Refused: the estimate changed meanwhile (expired, answered elsewhere); show it as it now is, the reason above it.
      if (refused) await this.#estimate.reload({ quiet: true });
      this.focusAfterUpdate('[part~="message"][role="alert"]');
    }
  }

  #answerErrorText(error: unknown): string {
    const strings = this.strings;
    if (error instanceof PorticoApiError) {
      if (error.code === 'estimate_expired') return strings.errorExpired;
      if (error.code === 'estimate_not_acceptable') return strings.errorAlreadyAnswered;
      if (error.status === 404) return strings.estimateNotFound;
    }
    return this.errorText(error);
  }

  #openInvoice(invoiceId: string, estimate: EstimateDetailResponse): boolean {
    return !emit<PorticoEstimateInvoiceOpenDetail>(this, 'portico-estimate-invoice-open', { invoiceId, estimate }, true);
  }

  protected override render(): TemplateResult {
    const state = this.estimateId && this.canLoad ? this.#estimate.state : null;
    const brand = state?.kind === 'ready' ? state.value.business.brandColor : null;
    const brandStyle =
      brand && isHexColor(brand) ? { '--_accent': `var(--portico-accent, ${brand})`, '--_on-accent': `var(--portico-on-accent, ${readableTextColor(brand)})` } : {};
    const strings = this.strings;
    let body: TemplateResult | typeof nothing = nothing;
    if (state?.kind === 'loading') body = html`<p part="message" class="message-plain muted" role="status">${strings.estimateLoading}</p>`;
    else if (state?.kind === 'error') {
      body =
        state.error instanceof PorticoApiError && state.error.status === 404
          ? html`<p part="message" class="message error" role="alert">${strings.estimateNotFound}</p>`
          : html`<div part="message" class="message error with-button" role="alert">
              <span>${this.errorText(state.error)}</span>
              <button part="button" type="button" @click=${() => void this.reload()}>${strings.retry}</button>
            </div>`;
    } else if (state?.kind === 'ready') body = this.#renderEstimate(state.value);
    return html`<div class="root" lang=${this.language} dir=${this.direction} style=${styleMap(brandStyle)} aria-busy=${state?.kind === 'loading' ? 'true' : 'false'}>
      ${body}
    </div>`;
  }

  #renderEstimate(estimate: EstimateDetailResponse): TemplateResult {
    const strings = this.strings;
    const locale = this.locale;
    const view = this.viewContext;
    const day = (value: string): TemplateResult => html`<time datetime=${value}>${formatDate(value, locale, 'long')}</time>`;
    return html`<article part="invoice" class="invoice estimate status-${estimate.displayStatus}" aria-labelledby="estimate-title">
      ${renderDocumentHead(estimate.business, 'estimate-title', strings.estimateHeading(this.isolate(estimate.number)), renderEstimateStatus(estimate.displayStatus, strings))}
      ${renderDocumentActions(this.api.estimatePdfUrl(estimate.id, this.language), `${estimate.number}.pdf`, this.#pdf, strings)}

      ${renderAnswer(estimate, {
        ...view,
        state: this._answer,
        open: (form) => this.#openForm(form),
        accept: (event) => void this.#accept(event, estimate),
        decline: (event) => void this.#decline(event, estimate),
        openInvoice: (invoiceId) => this.#openInvoice(invoiceId, estimate),
      })}
      ${renderParties(estimate, view, strings.preparedFor)}

      <dl part="meta" class="meta">
        <div>
          <dt>${strings.issueDate}</dt>
          <dd>${day(estimate.issueDate)}</dd>
        </div>
        <div>
          <dt>${strings.validUntil}</dt>
          <dd class=${estimate.displayStatus === 'expired' ? 'overdue' : ''}>${day(estimate.validUntil)}</dd>
        </div>
        <div class="balance-due">
          <dt>${strings.total}</dt>
          <dd>${formatMoney(estimate.total, estimate.currency, locale)}</dd>
        </div>
      </dl>

      ${renderLineItems(estimate, view)}

      <div class="bottom">
        ${renderNotes(estimate.notes, view)}
        <div class="side">${renderTotals(estimate, view)} ${renderTaxSummary(estimate, view)}</div>
      </div>

      ${renderTerms(estimate, view, false)}
    </article>`;
  }
}
