import { html, nothing, type TemplateResult } from 'lit';
import type { AdminEstimateListItem, EstimateDisplayStatusWire } from '@portico/wire';
import type { AdminWidgetStrings } from '../admin/i18n/index.js';
import { checkIcon } from '../admin/row-actions.js';
import { date, money } from '../shared/invoice-table.js';
import type { WidgetView } from '../shared/portico-element.js';

/** What a row shows besides the estimate: an action under way, the first step of Void, what the last action answered. */
export type EstimateRowState =
  | { kind: 'busy'; action: 'send' | 'void' | 'convert' }
  | { kind: 'confirm-void' }
  | { kind: 'sent'; emails: number }
  | { kind: 'failed'; message: string };

/** A button of a row: `ask-void` is Void's first step, `confirm-void` its second, `keep` backs out. */
export type EstimateAction = 'send' | 'ask-void' | 'confirm-void' | 'keep' | 'convert';

/** Which estimates can still be voided: a draft, or sent (expired included) and not yet answered. */
const voidable: readonly EstimateDisplayStatusWire[] = ['draft', 'sent', 'expired'];
/** Which can be made an invoice by hand: sent, expired included (the client agreed some other way). */
const convertible: readonly EstimateDisplayStatusWire[] = ['sent', 'expired'];

/** The words of a status badge (`estimateStatusWords` in @portico/wire; a test keeps them equal). */
export function estimateStatusLabel(status: EstimateDisplayStatusWire, strings: AdminWidgetStrings): string {
  switch (status) {
    case 'draft':
      return strings.adminEstimateStatusDraft;
    case 'sent':
      return strings.adminEstimateStatusSent;
    case 'expired':
      return strings.adminEstimateStatusExpired;
    case 'accepted':
      return strings.adminEstimateStatusAccepted;
    case 'declined':
      return strings.adminEstimateStatusDeclined;
    case 'converted':
      return strings.adminEstimateStatusConverted;
    case 'void':
      return strings.adminEstimateStatusVoid;
  }
}

export function renderEstimateStatus(status: EstimateDisplayStatusWire, strings: AdminWidgetStrings): TemplateResult {
  return html`<span part="status status-${status}" class="status status-${status}">${estimateStatusLabel(status, strings)}</span>`;
}

/** One row of `<portico-admin-estimates>`: the estimate, its invoice, its PDF and its buttons. */
export function renderEstimateRow(
  estimate: AdminEstimateListItem,
  row: EstimateRowState | undefined,
  view: WidgetView<AdminWidgetStrings>,
  { pdfUrl, onAction }: { pdfUrl: string; onAction: (action: EstimateAction) => void },
): TemplateResult {
  const { strings, locale } = view;
  const number = view.isolate(estimate.number);
  const invoice = estimate.invoiceId ? (estimate.invoiceNumber ?? strings.draftInvoice) : null;
  return html`<tr part="row" data-id=${estimate.id}>
    <th scope="row" class="number">${estimate.number}</th>
    <td class="client" data-label=${strings.columnClient}>${estimate.clientName}</td>
    <td class="status-cell">${renderEstimateStatus(estimate.displayStatus, strings)}</td>
    <td class="date valid-until" data-label=${strings.columnValidUntil}>${date(estimate.validUntil, locale)}</td>
    <td class="money amount" data-label=${strings.columnTotal}>${money(estimate.total, estimate.currency, locale)}</td>
    <td class="invoice" data-label=${strings.columnInvoice}>${invoice ? html`<span part="invoice">${invoice}</span>` : nothing}</td>
    <td class="action">
      <div class="action-box">
        <a part="button pdf-link" class="button" href=${pdfUrl} download aria-label=${strings.estimatePdfLabel(number)}>${strings.estimatePdf}</a>
        ${renderButtons(estimate, row, strings, number, onAction)}
        ${row?.kind === 'sent' ? html`<span part="send-result" class="sent">${checkIcon}${strings.sentToContacts(row.emails)}</span>` : nothing}
        ${row?.kind === 'failed' ? html`<span part="send-result" class="failed">${row.message}</span>` : nothing}
      </div>
    </td>
  </tr>`;
}

function renderButtons(
  estimate: AdminEstimateListItem,
  row: EstimateRowState | undefined,
  strings: AdminWidgetStrings,
  number: string,
  onAction: (action: EstimateAction) => void,
): TemplateResult | typeof nothing {
  const busy = row?.kind === 'busy' ? row.action : null;
  const button = (action: EstimateAction, parts: string, label: string, text: string, primary = false, focus = false) => html`<button
    part="button ${parts}"
    class=${primary ? 'primary' : ''}
    type="button"
    aria-label=${label}
    aria-disabled=${busy ? 'true' : 'false'}
    ?data-focus-next=${focus}
    @click=${() => {
      if (!busy) onAction(action);
    }}
  >
    ${text}
  </button>`;
  if (row?.kind === 'confirm-void' || busy === 'void') {
    return html`${button('confirm-void', 'confirm-void-button', strings.confirmVoidLabel(number), strings.confirmVoid, false, row?.kind === 'confirm-void')}
    ${button('keep', 'keep-button', strings.keepEstimate, strings.keepEstimate)}`;
  }
  const status = estimate.displayStatus;
  return html`${status === 'draft' ? busy === 'send' ? button('send', 'send-button', strings.sending, strings.sending, true) : button('send', 'send-button', strings.sendInvoiceLabel(number), strings.send, true) : nothing}
  ${convertible.includes(status) ? button('convert', 'convert-button', strings.makeInvoiceLabel(number), strings.makeInvoice) : nothing}
  ${voidable.includes(status) ? button('ask-void', 'void-button', strings.voidEstimateLabel(number), strings.voidEstimate) : nothing}`;
}
