import { html, nothing, type TemplateResult } from 'lit';
import type { EstimateDetailResponse } from '@portico/wire';
import type { EstimateWidgetStrings } from '../estimates/i18n/index.js';
import { formatDate, formatMoney } from '../shared/format.js';
import type { WidgetView } from '../shared/portico-element.js';

/** Which form is open under a sent estimate, and what was wrong with it. */
export interface AnswerState {
  form: 'accept' | 'decline' | null;
  busy: boolean;
  /** The server's refusal (expired, answered already), in the client's language. */
  error: string | null;
  /** The fields the client left wrong when submitting. */
  invalid: { name?: boolean; confirm?: boolean };
}

export interface AnswerView extends WidgetView<EstimateWidgetStrings> {
  state: AnswerState;
  open: (form: 'accept' | 'decline' | null) => void;
  accept: (event: SubmitEvent) => void;
  decline: (event: SubmitEvent) => void;
  /** The converted invoice's link was followed; `true` when the page handled it (the portal switches tabs). */
  openInvoice: (invoiceId: string) => boolean;
}

/**
 * The estimate's answer: on a sent, unexpired one "Accept" and "Decline"
 * (each opening its form in place); else what became of it (who accepted
 * it and when, the decline and its reason, the invoice it became, expiry).
 */
export function renderAnswer(estimate: EstimateDetailResponse, view: AnswerView): TemplateResult {
  const { state } = view;
  const error = state.error ? html`<p part="message" class="message error" role="alert">${state.error}</p>` : nothing;
  if (estimate.canRespond) {
    const body =
      state.form === 'accept' ? renderAcceptForm(estimate, view) : state.form === 'decline' ? renderDeclineForm(view) : renderAnswerButtons(estimate, view);
    return html`<section part="answer" class="answer" aria-labelledby="answer-heading">${error}${body}</section>`;
  }
  return html`<section part="outcome" class="answer outcome outcome-${estimate.displayStatus}" id="outcome" tabindex="-1" aria-labelledby="outcome-text">
    ${error}
    <div id="outcome-text">${outcomeLines(estimate, view)}</div>
    ${estimate.invoiceId ? renderInvoiceLink(estimate.invoiceId, view) : nothing}
  </section>`;
}

function renderAnswerButtons(estimate: EstimateDetailResponse, view: AnswerView): TemplateResult {
  const { strings, locale } = view;
  return html`<h3 id="answer-heading" class="visually-hidden">${strings.acceptHeading}</h3>
    <p class="prompt">${strings.respondPrompt(formatDate(estimate.validUntil, locale, 'long'))}</p>
    <div class="buttons">
      <button part="button accept-button" class="primary accept" type="button" @click=${() => view.open('accept')}>${strings.accept}</button>
      <button part="button decline-button" class="decline" type="button" @click=${() => view.open('decline')}>${strings.decline}</button>
    </div>`;
}

function renderAcceptForm(estimate: EstimateDetailResponse, view: AnswerView): TemplateResult {
  const { strings, state, isolate, locale } = view;
  const total = formatMoney(estimate.total, estimate.currency, locale);
  const nameWrong = state.invalid.name === true;
  const confirmWrong = state.invalid.confirm === true;
  return html`<form part="answer-form accept-form" class="answer-form" novalidate @submit=${view.accept}>
    <h3 id="answer-heading">${strings.acceptHeading}</h3>
    <p class="final muted">${strings.answerIsFinal}</p>
    <div class="field">
      <label for="accept-name">${strings.acceptNameLabel}</label>
      <input
        part="input"
        id="accept-name"
        name="name"
        type="text"
        autocomplete="name"
        maxlength="200"
        required
        aria-invalid=${nameWrong ? 'true' : 'false'}
        aria-describedby=${nameWrong ? 'accept-name-hint accept-name-error' : 'accept-name-hint'}
        ?disabled=${state.busy}
      />
      <span id="accept-name-hint" class="hint muted">${strings.acceptNameHint}</span>
      ${nameWrong ? html`<span id="accept-name-error" class="field-error">${strings.nameRequired}</span>` : nothing}
    </div>
    <div class="field check">
      <input
        part="checkbox"
        id="accept-confirm"
        name="confirmed"
        type="checkbox"
        required
        aria-invalid=${confirmWrong ? 'true' : 'false'}
        aria-describedby=${confirmWrong ? 'accept-confirm-error' : nothing}
        ?disabled=${state.busy}
      />
      <label for="accept-confirm">${strings.acceptConfirm(isolate(estimate.number), isolate(total))}</label>
      ${confirmWrong ? html`<span id="accept-confirm-error" class="field-error">${strings.confirmRequired}</span>` : nothing}
    </div>
    <div class="buttons">
      <button part="button submit" class="primary" type="submit" ?disabled=${state.busy} aria-busy=${state.busy ? 'true' : 'false'}>
        ${state.busy ? strings.accepting : strings.acceptSubmit}
      </button>
      <button part="button" type="button" ?disabled=${state.busy} @click=${() => view.open(null)}>${strings.cancel}</button>
    </div>
  </form>`;
}

function renderDeclineForm(view: AnswerView): TemplateResult {
  const { strings, state } = view;
  return html`<form part="answer-form decline-form" class="answer-form" novalidate @submit=${view.decline}>
    <h3 id="answer-heading">${strings.declineHeading}</h3>
    <p class="final muted">${strings.answerIsFinal}</p>
    <div class="field">
      <label for="decline-reason">${strings.declineReasonLabel}</label>
      <textarea part="input" id="decline-reason" name="reason" rows="3" maxlength="1000" ?disabled=${state.busy}></textarea>
    </div>
    <div class="buttons">
      <button part="button submit" class="primary" type="submit" ?disabled=${state.busy} aria-busy=${state.busy ? 'true' : 'false'}>
        ${state.busy ? strings.declining : strings.declineSubmit}
      </button>
      <button part="button" type="button" ?disabled=${state.busy} @click=${() => view.open(null)}>${strings.cancel}</button>
    </div>
  </form>`;
}

function outcomeLines(estimate: EstimateDetailResponse, view: AnswerView): TemplateResult[] {
  const { strings, locale, isolate } = view;
  const day = (value: string): string => formatDate(value, locale, 'long');
  const { acceptance } = estimate;
  switch (estimate.displayStatus) {
    case 'accepted':
      return acceptance
        ? [
            html`<p class="outcome-main">${strings.acceptedBy(isolate(acceptance.name), day(acceptance.acceptedAt))}</p>`,
            html`<p class="version muted">${strings.acceptedVersion(acceptance.versionHash)}</p>`,
          ]
        : [html`<p class="outcome-main">${strings.estimateStatusAccepted}</p>`];
    case 'declined':
      return [
        html`<p class="outcome-main">${estimate.declinedAt ? strings.declinedOn(day(estimate.declinedAt)) : strings.estimateStatusDeclined}</p>`,
        ...(estimate.declineReason ? [html`<p class="reason">${strings.declineReason(estimate.declineReason)}</p>`] : []),
      ];
    case 'converted':
      return [html`<p class="outcome-main">${strings.convertedNote}</p>`];
    case 'expired':
      return [html`<p class="outcome-main">${strings.expiredNote(day(estimate.validUntil))}</p>`];
    default:
      return [html`<p class="outcome-main">${strings.voidNote}</p>`];
  }
}

function renderInvoiceLink(invoiceId: string, view: AnswerView): TemplateResult {
  const href = `?invoice=${encodeURIComponent(invoiceId)}`;
  const onClick = (event: MouseEvent): void => {
    if (view.openInvoice(invoiceId)) event.preventDefault();
  };
  return html`<a part="invoice-link button" class="button invoice-link" href=${href} @click=${onClick}>${view.strings.viewInvoice}</a>`;
}
