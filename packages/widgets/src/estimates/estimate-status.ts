import { css, html, type TemplateResult } from 'lit';
import type { EstimateDisplayStatusWire } from '@portico/wire';
import type { EstimateWidgetStrings } from './i18n/index.js';

/** An estimate's status in words (a client never sees a draft, but the word is there). */
export function estimateStatusLabel(status: EstimateDisplayStatusWire, strings: EstimateWidgetStrings): string {
  switch (status) {
    case 'draft':
      return strings.statusDraft;
    case 'sent':
      return strings.statusSent;
    case 'expired':
      return strings.estimateStatusExpired;
    case 'accepted':
      return strings.estimateStatusAccepted;
    case 'declined':
      return strings.estimateStatusDeclined;
    case 'converted':
      return strings.estimateStatusConverted;
    case 'void':
      return strings.statusVoid;
  }
}

/** The status chip, drawn like an invoice's (`statusBadgeStyles`), with the colours below. */
export function renderEstimateStatus(status: EstimateDisplayStatusWire, strings: EstimateWidgetStrings): TemplateResult {
  return html`<span part="status status-${status}" class="status status-${status}">${estimateStatusLabel(status, strings)}</span>`;
}

/** The estimate statuses' colours, taken from the invoice badges' tokens: accepted and invoiced as paid, declined as overdue, expired as draft. */
export const estimateStatusStyles = css`
  .status-accepted,
  .status-converted {
    --_s: var(--_status-paid);
  }
  .status-declined {
    --_s: var(--_status-overdue);
  }
  .status-expired {
    --_s: var(--_status-draft);
  }
`;
