import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { InvoiceListItem } from '@portico/wire';
import type { WidgetView } from '../shared/portico-element.js';
import type { InvoiceQueryController } from '../shared/invoice-query.js';
import { date, invoiceNumber, money, renderSelectAllHeader, renderSortHeader, renderStatusBadge } from '../shared/invoice-table.js';

/** What the invoice list's table reads of the list. */
export interface InvoiceRowsView extends WidgetView {
  query: InvoiceQueryController<InvoiceListItem>;
  /** Every loaded row is selected. */
  allLoaded: boolean;
  /** Some loaded row is. */
  someSelected: boolean;
  isSelected: (id: string) => boolean;
  toggleAll: (checked: boolean) => void;
  toggleRow: (id: string, checked: boolean) => void;
  open: (invoice: InvoiceListItem) => void;
  /** A row's cell in the Pay column (its pay button, or nothing); no Pay column without it. */
  pay: ((invoice: InvoiceListItem) => TemplateResult | typeof nothing) | null;
}

/** The table: "select all", the sortable column headers, a row per loaded invoice. */
export function renderInvoiceRows(view: InvoiceRowsView): TemplateResult {
  const { strings, query, allLoaded } = view;
  return html`<div class="table-wrap">
    <table part="table" aria-labelledby="heading">
      <thead>
        <tr>
          ${renderSelectAllHeader(strings, allLoaded, view.someSelected, view.toggleAll)}
          ${renderSortHeader(query, 'number', strings.columnNumber)} ${renderSortHeader(query, 'status', strings.columnStatus)}
          ${renderSortHeader(query, 'issueDate', strings.columnIssueDate)} ${renderSortHeader(query, 'dueDate', strings.columnDueDate)}
          ${renderSortHeader(query, 'amount', strings.columnAmount, 'money')}
          <th scope="col" class="money">${strings.columnBalance}</th>
          ${view.pay ? html`<th scope="col" class="pay"><span class="visually-hidden">${strings.columnPay}</span></th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          query.items,
          (invoice) => invoice.id,
          (invoice) => renderRow(invoice, view),
        )}
      </tbody>
    </table>
  </div>`;
}

function renderRow(invoice: InvoiceListItem, view: InvoiceRowsView): TemplateResult {
  const { strings, locale, pay } = view;
  const selected = view.isSelected(invoice.id);
  const number = invoiceNumber(invoice, strings);
  return html`<tr part=${selected ? 'row row-selected' : 'row'} class=${selected ? 'selected' : ''} data-id=${invoice.id} @click=${(event: MouseEvent) => onRowClick(event, invoice, view)}>
    <td class="select">
      <input
        part="checkbox"
        type="checkbox"
        aria-label=${strings.selectInvoice(view.isolate(number))}
        .checked=${selected}
        @change=${(event: Event) => view.toggleRow(invoice.id, (event.target as HTMLInputElement).checked)}
      />
    </td>
    <th scope="row" class="number">
      <button part="open-button" type="button" class="open ${invoice.number ? '' : 'unnumbered'}" @click=${() => view.open(invoice)}>${number}</button>
    </th>
    <td class="status-cell">${renderStatusBadge(invoice.displayStatus, strings)}</td>
    <td class="date issued" data-label=${strings.columnIssueDate}>${date(invoice.issueDate, locale)}</td>
    <td class="date due" data-label=${strings.columnDueDate}>${date(invoice.dueDate, locale)}</td>
    <td class="money amount" data-label=${strings.columnAmount}>${money(invoice.total, invoice.currency, locale)}</td>
    <td class="money balance ${invoice.balance > 0 ? 'owing' : ''}" data-label=${strings.columnBalance}>${money(invoice.balance, invoice.currency, locale)}</td>
    ${pay ? html`<td class="pay">${pay(invoice)}</td>` : nothing}
  </tr>`;
}

/** A click on a row opens it; controls in the row do their own thing, and a text selection is not a click. */
function onRowClick(event: MouseEvent, invoice: InvoiceListItem, view: InvoiceRowsView): void {
  if ((event.target as HTMLElement).closest('input, button, a, label, portico-pay-button') || getSelection()?.toString()) return;
  view.open(invoice);
}
