import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { EstimateListItem } from '@portico/wire';
import type { EstimateWidgetStrings } from '../estimates/i18n/index.js';
import { renderEstimateStatus } from '../estimates/estimate-status.js';
import { date, money, renderSelectAllHeader, renderSortHeader } from '../shared/invoice-table.js';
import type { WidgetView } from '../shared/portico-element.js';
import type { EstimateSort } from './estimate-sort.js';

/** What the estimate table reads of the list. */
export interface EstimateRowsView extends WidgetView<EstimateWidgetStrings> {
  items: readonly EstimateListItem[];
  sort: EstimateSort;
  allSelected: boolean;
  someSelected: boolean;
  isSelected: (id: string) => boolean;
  toggleAll: (checked: boolean) => void;
  toggleRow: (id: string, checked: boolean) => void;
  open: (estimate: EstimateListItem) => void;
}

/** The table: "select all", the sortable headers, a row per estimate (cards when narrow, as the invoice list's). */
export function renderEstimateRows(view: EstimateRowsView): TemplateResult {
  const { strings, sort } = view;
  return html`<div class="table-wrap">
    <table part="table" aria-labelledby="heading">
      <thead>
        <tr>
          ${renderSelectAllHeader(strings, view.allSelected, view.someSelected, view.toggleAll)}
          ${renderSortHeader(sort, 'number', strings.columnNumber)} ${renderSortHeader(sort, 'status', strings.columnStatus)}
          ${renderSortHeader(sort, 'issueDate', strings.columnIssueDate)} ${renderSortHeader(sort, 'validUntil', strings.columnValidUntil)}
          ${renderSortHeader(sort, 'total', strings.columnTotal, 'money')}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          sort.sorted(view.items),
          (estimate) => estimate.id,
          (estimate) => renderRow(estimate, view),
        )}
      </tbody>
    </table>
  </div>`;
}

function renderRow(estimate: EstimateListItem, view: EstimateRowsView): TemplateResult {
  const { strings, locale } = view;
  const selected = view.isSelected(estimate.id);
  const onClick = (event: MouseEvent): void => {
    // Controls in the row do their own thing, and a text selection is not a click.
    if ((event.target as HTMLElement).closest('input, button, a, label') || getSelection()?.toString()) return;
    view.open(estimate);
  };
  return html`<tr part=${selected ? 'row row-selected' : 'row'} class=${selected ? 'selected' : ''} data-id=${estimate.id} @click=${onClick}>
    <td class="select">
      <input
        part="checkbox"
        type="checkbox"
        aria-label=${strings.selectEstimate(view.isolate(estimate.number))}
        .checked=${selected}
        @change=${(event: Event) => view.toggleRow(estimate.id, (event.target as HTMLInputElement).checked)}
      />
    </td>
    <th scope="row" class="number">
      <button part="open-button" type="button" class="open" @click=${() => view.open(estimate)}>${estimate.number}</button>
    </th>
    <td class="status-cell">${renderEstimateStatus(estimate.displayStatus, strings)}</td>
    <td class="date issued" data-label=${strings.columnIssueDate}>${date(estimate.issueDate, locale)}</td>
    <td class="date due valid-until" data-label=${strings.columnValidUntil}>${date(estimate.validUntil, locale)}</td>
    <td class="money amount" data-label=${strings.columnTotal}>${money(estimate.total, estimate.currency, locale)}</td>
  </tr>`;
}
