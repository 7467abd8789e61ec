import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { InvoiceListItem } from '@portico/wire';
import type { PorticoClient } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import type { InvoiceQueryController } from '../shared/invoice-query.js';
import { date, invoiceNumber, money, renderSortHeader, renderStatusBadge } from '../shared/invoice-table.js';
import type { PorticoInvoicePaidDetail } from '../pay-button/pay-button.component.js';

/** What the invoice list's table reads of the list. */
export interface InvoiceRowsView {
  strings: Strings;
  locale: string;
  isolate: (text: string) => string;
  query: InvoiceQueryController<InvoiceListItem>;
  /** Every loaded row is selected. */
  allLoaded: boolean;
  /** Some loaded row is. */
  someSelected: boolean;
  isSelected: (id: string) => boolean;
  toggleAll: (checked: boolean) => void;
  toggleRow: (id: string, checked: boolean) => void;
  open: (invoice: InvoiceListItem) => void;
  rowClick: (event: MouseEvent, invoice: InvoiceListItem) => void;
  /** The business's card payments: a Pay column when set. */
  payments: { publishableKey: string } | null;
  /** The API client the pay buttons use. */
  client: PorticoClient;
  /** Invoices paid from this list: their pay button stays to say so. */
  paidHere: ReadonlySet<string>;
  paid: (event: CustomEvent<PorticoInvoicePaidDetail>, invoice: InvoiceListItem) => void;
}

/** The table: "select all", the sortable column headers, a row per loaded invoice. */
export function renderInvoiceRows(view: InvoiceRowsView): TemplateResult {
  const { strings, query, allLoaded } = view;
  return html`<div class="table-wrap">
    <table part="table" aria-labelledby="heading">
      <thead>
        <tr>
          <th scope="col" class="select">
            <label class="select-all">
              <input
                part="checkbox"
                type="checkbox"
                .checked=${allLoaded}
                .indeterminate=${view.someSelected && !allLoaded}
                @change=${(event: Event) => view.toggleAll((event.target as HTMLInputElement).checked)}
              />
              <span class="select-all-text">${strings.selectAll}</span>
            </label>
          </th>
          ${renderSortHeader(query, 'number', strings.columnNumber)} ${renderSortHeader(query, 'status', strings.columnStatus)}
          ${renderSortHeader(query, 'issueDate', strings.columnIssueDate)} ${renderSortHeader(query, 'dueDate', strings.columnDueDate)}
          ${renderSortHeader(query, 'amount', strings.columnAmount, 'money')}
          <th scope="col" class="money">${strings.columnBalance}</th>
          ${view.payments ? html`<th scope="col" class="pay"><span class="visually-hidden">${strings.columnPay}</span></th>` : nothing}
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
  const { strings, locale, payments } = view;
  const selected = view.isSelected(invoice.id);
  const number = invoiceNumber(invoice, strings);
  return html`<tr part=${selected ? 'row row-selected' : 'row'} class=${selected ? 'selected' : ''} data-id=${invoice.id} @click=${(event: MouseEvent) => view.rowClick(event, invoice)}>
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
    ${payments ? html`<td class="pay">${renderPay(invoice, payments, view)}</td>` : nothing}
  </tr>`;
}

/** An open invoice's pay button (Stripe's form opens in a dialog); it stays on a row paid from here. */
function renderPay(invoice: InvoiceListItem, payments: { publishableKey: string }, view: InvoiceRowsView): TemplateResult | typeof nothing {
  const open = invoice.status === 'sent' && invoice.balance > 0;
  if (!open && !view.paidHere.has(invoice.id)) return nothing;
  return html`<portico-pay-button
    part="pay"
    compact
    .client=${view.client}
    .invoice=${invoice}
    .onlinePayments=${payments}
    @portico-invoice-paid=${(event: CustomEvent<PorticoInvoicePaidDetail>) => view.paid(event, invoice)}
  ></portico-pay-button>`;
}
