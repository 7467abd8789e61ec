import { html, nothing, type TemplateResult } from 'lit';
import type { InvoiceLineWire } from '@portico/wire';
import { formatMoney, formatNumber, formatPercent } from '../shared/format.js';
import type { WidgetView } from '../shared/portico-element.js';
import { taxesByRate } from './document-parts.js';

/** What an invoice and an estimate both show in figures. */
export interface DocumentFigures {
  currency: string;
  lines: readonly InvoiceLineWire[];
  subtotal: number;
  discountTotal: number;
  total: number;
}

/** The line items: a table, each line a card when narrow (a discount column only when a line has one). */
export function renderLineItems(doc: DocumentFigures, view: WidgetView): TemplateResult {
  const { strings } = view;
  const hasDiscounts = doc.lines.some((line) => line.discountAmount !== 0);
  return html`<table part="lines" class="lines ${hasDiscounts ? 'with-discounts' : ''}">
    <caption class="visually-hidden">${strings.lineItems}</caption>
    <thead>
      <tr>
        <th scope="col" class="desc">${strings.lineDescription}</th>
        <th scope="col" class="num">${strings.lineQuantity}</th>
        <th scope="col" class="num">${strings.lineUnitPrice}</th>
        ${hasDiscounts ? html`<th scope="col" class="num">${strings.lineDiscount}</th>` : nothing}
        <th scope="col" class="num">${strings.lineTax}</th>
        <th scope="col" class="num">${strings.lineAmount}</th>
      </tr>
    </thead>
    <tbody>
      ${doc.lines.map((line) => renderLine(line, doc.currency, hasDiscounts, view))}
    </tbody>
  </table>`;
}

function renderLine(line: InvoiceLineWire, currency: string, hasDiscounts: boolean, { strings, locale }: WidgetView): TemplateResult {
  const m = (amount: number): string => formatMoney(amount, currency, locale);
  return html`<tr part="line" class="line">
    <td class="desc">${line.description}</td>
    <td class="num qty" data-label=${strings.lineQuantity}>${formatNumber(line.quantity, locale)}</td>
    <td class="num unit" data-label=${strings.lineUnitPrice}>${m(line.unitPrice)}</td>
    ${hasDiscounts ? html`<td class="num discount" data-label=${strings.lineDiscount}>${line.discountAmount ? m(-line.discountAmount) : '—'}</td>` : nothing}
    <td class="num tax" data-label=${strings.lineTax}>${formatPercent(line.taxRate, locale)}</td>
    <td class="num amount" data-label=${strings.lineAmount}>${m(line.gross)}</td>
  </tr>`;
}

/** Subtotal, discounts, tax per rate and the total; `after` adds rows below (an invoice's paid and balance). */
export function renderTotals(doc: DocumentFigures, view: WidgetView, after: unknown = nothing): TemplateResult {
  const { strings, locale } = view;
  const m = (amount: number): string => formatMoney(amount, doc.currency, locale);
  return html`<dl part="totals" class="totals">
    <div>
      <dt>${strings.subtotal}</dt>
      <dd>${m(doc.subtotal)}</dd>
    </div>
    ${doc.discountTotal !== 0
      ? html`<div>
          <dt>${strings.discountTotal}</dt>
          <dd>${m(-doc.discountTotal)}</dd>
        </div>`
      : nothing}
    ${taxesByRate(doc.lines).map(
      ({ rate, tax }) => html`<div>
        <dt>${strings.taxAtRate(formatPercent(rate, locale))}</dt>
        <dd>${m(tax)}</dd>
      </div>`,
    )}
    <div class="total">
      <dt>${strings.total}</dt>
      <dd>${m(doc.total)}</dd>
    </div>
    ${after}
  </dl>`;
}

/** Notes under the lines; an empty cell keeps the grid's totals on their side. */
export function renderNotes(notes: string | null, view: WidgetView): TemplateResult {
  return notes
    ? html`<section part="notes" class="notes" aria-labelledby="notes-heading">
        <h3 id="notes-heading">${view.strings.notesHeading}</h3>
        <p>${notes}</p>
      </section>`
    : html`<div></div>`;
}

/** Saves a downloaded file (bearer mode, where a plain link would carry no credentials) through a hidden link in `root`. */
export function saveDownloadedFile(root: ParentNode, file: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
