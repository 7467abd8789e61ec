import { html, nothing, type TemplateResult } from 'lit';
import type { PdfDownload } from '../invoice-preview/document-head.js';
import { pdfIcon } from '../invoice-preview/document-parts.js';
import type { WidgetView } from '../shared/portico-element.js';

/** What the statement-of-account download shows and does: the period picked, where its PDF is, how the period changes. */
export interface StatementDownloadView extends WidgetView {
  from: string;
  to: string;
  /** The business's today: the latest day a period can end. */
  today: string;
  /** The PDF's address for the period (works with the session cookie; `pdf.click` fetches it in bearer mode). */
  href: string;
  pdf: PdfDownload;
  setFrom: (date: string) => void;
  setTo: (date: string) => void;
}

/** The period as a statement takes it: both days given and in order. */
export function periodIsValid(from: string, to: string): boolean {
  return from !== '' && to !== '' && from <= to;
}

/** Under the statement: pick a period (this calendar year so far to start with) and download its statement of account. */
export function renderStatementDownload(view: StatementDownloadView): TemplateResult {
  const { strings, from, to, today, pdf } = view;
  const valid = periodIsValid(from, to);
  const value = (event: Event) => (event.target as HTMLInputElement).value;
  // A group, not a second region: in some languages its heading is the statement's own.
  return html`<div part="statement-pdf" class="statement-pdf" role="group" aria-labelledby="statement-pdf-heading">
    <h3 id="statement-pdf-heading">${strings.statementPdfHeading}</h3>
    <p class="muted intro">${strings.statementPdfIntro}</p>
    <div class="period">
      <label
        >${strings.statementPdfFrom}
        <input part="input period-from" type="date" name="from" .value=${from} max=${to || today} aria-invalid=${valid ? 'false' : 'true'} @change=${(event: Event) => view.setFrom(value(event))}
      /></label>
      <label
        >${strings.statementPdfTo}
        <input part="input period-to" type="date" name="to" .value=${to} min=${from || nothing} max=${today} aria-invalid=${valid ? 'false' : 'true'} @change=${(event: Event) => view.setTo(value(event))}
      /></label>
      ${valid
        ? html`<a part="statement-pdf-link button" class="button primary" href=${view.href} download="statement-${from}-${to}.pdf" aria-busy=${pdf.busy ? 'true' : 'false'} @click=${pdf.click}
            >${pdfIcon}${strings.statementPdfDownload}</a
          >`
        : html`<button part="statement-pdf-link button" class="primary" type="button" disabled>${pdfIcon}${strings.statementPdfDownload}</button>`}
    </div>
    ${valid ? nothing : html`<p class="error" role="alert">${strings.statementPdfRangeInvalid}</p>`}
    ${pdf.error ? html`<p class="error" role="alert">${pdf.error}</p>` : nothing}
  </div>`;
}
