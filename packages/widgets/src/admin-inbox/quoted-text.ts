import { css, html, nothing, type TemplateResult } from 'lit';
import type { AdminWidgetStrings } from '../admin/i18n/index.js';

/**
 * Under a client's email reply (or a held email): what the reply stripper
 * removed (quoted history, signature, "Sent from my iPhone"), folded away
 * behind "Quoted text hidden", so the business can check a cut and nothing
 * is lost. A native <details>: keyboard and screen readers get
 * expanded/collapsed for free.
 */
export function renderQuotedText(quotedText: string | null | undefined, strings: AdminWidgetStrings): TemplateResult | typeof nothing {
  if (!quotedText) return nothing;
  return html`<details part="quoted-text" class="quoted-text">
    <summary part="quoted-text-toggle">
      <span class="when-closed">${strings.quotedTextHidden}</span><span class="when-open">${strings.hideQuotedText}</span>
    </summary>
    <div part="quoted-text-body" class="quoted-text-body" dir="auto">${quotedText}</div>
  </details>`;
}

export const quotedTextStyles = css`
  .quoted-text {
    margin: 0.35rem 0 0;
    font-size: 0.875em;
  }
  .quoted-text summary {
    width: fit-content;
    cursor: pointer;
    color: var(--_muted);
    border-radius: 4px;
  }
  .quoted-text summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .quoted-text[open] .when-closed,
  .quoted-text:not([open]) .when-open {
    display: none;
  }
  .quoted-text-body {
    margin: 0.35rem 0 0;
    padding-inline-start: 0.5rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    color: var(--_muted);
    border-inline-start: 3px solid var(--_border);
  }
`;
