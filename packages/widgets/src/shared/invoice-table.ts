import { html, nothing, type TemplateResult } from 'lit';
import type { InvoiceListItem, InvoiceSortField } from '@portico/wire';
import type { Strings } from '../i18n/index.js';
import { formatDate, formatMoney } from './format.js';
import { invoiceStatuses, type InvoiceQueryController, type InvoiceStatus, type InvoiceStatusFilter } from './invoice-query.js';

/**
 * The pieces both invoice tables are made of (the client's
 * `<portico-invoice-list>` and the business's `<portico-admin-invoices>`):
 * status badges, the filter bar, sortable column headers, the footer with
 * "Load more". Styles in `invoice-table.styles.ts`.
 */

/** The words of the one status vocabulary (`invoiceStatusWords` in @portico/wire; a test keeps them equal). */
export function statusLabel(status: InvoiceStatusFilter, strings: Strings): string {
  switch (status) {
    case 'draft':
      return strings.statusDraft;
    case 'sent':
      return strings.statusSent;
    case 'partially_paid':
      return strings.statusPartiallyPaid;
    case 'unpaid':
      return strings.statusUnpaid;
    case 'overdue':
      return strings.statusOverdue;
    case 'paid':
      return strings.statusPaid;
    case 'void':
      return strings.statusVoid;
  }
}

export function renderStatusBadge(status: InvoiceStatus, strings: Strings): TemplateResult {
  return html`<span part="status status-${status}" class="status status-${status}">${statusLabel(status, strings)}</span>`;
}

export function invoiceNumber(invoice: { number: string | null }, strings: Strings): string {
  return invoice.number ?? strings.unnumbered;
}

export interface FilterBarOptions {
  /** Prefix for element ids, unique within the shadow root. */
  id: string;
  /** The page's `Intl` locale, in which the chosen dates are written out. */
  locale: string;
  /** Statuses offered as chips; a status with no invoices and not selected is left out when `hideEmpty` has it. */
  statuses?: readonly InvoiceStatus[];
  hideEmpty?: readonly InvoiceStatus[];
  /** Offer an "Unpaid" chip first (sent, partially paid and overdue together). */
  unpaid?: boolean;
}

/** Status chips with counts, the issue date range and the search box. */
export function renderFilterBar<Item extends InvoiceListItem>(
  query: InvoiceQueryController<Item>,
  strings: Strings,
  options: FilterBarOptions,
): TemplateResult {
  const counts = query.counts;
  const selected = query.filters.status;
  const statuses = (options.statuses ?? invoiceStatuses).filter(
    (status) => !options.hideEmpty?.includes(status) || selected.includes(status) || (counts?.[status] ?? 0) > 0,
  );
  const all = counts ? invoiceStatuses.reduce((sum, status) => sum + counts[status], 0) : null;
  const chip = (label: string, count: number | null, pressed: boolean, onClick: () => void, status: string): TemplateResult => html`
    <button
      type="button"
      part=${pressed ? 'chip chip-selected' : 'chip'}
      class="chip"
      data-status=${status}
      aria-pressed=${pressed ? 'true' : 'false'}
      @click=${onClick}
    >
      <span>${label}</span> ${count === null ? nothing : html`<span class="chip-count">${count}</span>`}
    </button>
  `;
  const { from, to } = query.filters;
  const onDate = (event: Event): void => {
    const bar = (event.target as HTMLElement).closest('.filters')!;
    const value = (name: string): string => bar.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '';
    query.setDateRange(value('from'), value('to'));
  };
  // The date inputs' own text is in the browser's language, which no page can change: the range is also written out in the page's.
  const rangeShown = [from && `${strings.filterFrom} ${formatDate(from, options.locale, 'long')}`, to && `${strings.filterTo} ${formatDate(to, options.locale, 'long')}`]
    .filter(Boolean)
    .join(' · ');
  const rangeId = `${options.id}-range-shown`;
  return html`
    <div part="filters" class="filters">
      <div class="chips" role="group" aria-labelledby="${options.id}-status-label">
        <span id="${options.id}-status-label" class="visually-hidden">${strings.filterStatus}</span>
        ${chip(strings.filterAll, all, selected.length === 0, () => query.toggleStatus(null), 'all')}
        ${options.unpaid
          ? chip(strings.statusUnpaid, counts ? counts.unpaid : null, selected.includes('unpaid'), () => query.toggleStatus('unpaid'), 'unpaid')
          : nothing}
        ${statuses.map((status) =>
          chip(statusLabel(status, strings), counts ? counts[status] : null, selected.includes(status), () => query.toggleStatus(status), status),
        )}
      </div>
      <div class="fields">
        <div class="field">
          <label for="${options.id}-from">${strings.filterFrom}</label>
          <input part="input" id="${options.id}-from" name="from" type="date" .value=${from} max=${to || nothing} aria-describedby=${rangeShown ? rangeId : nothing} @change=${onDate} />
        </div>
        <div class="field">
          <label for="${options.id}-to">${strings.filterTo}</label>
          <input part="input" id="${options.id}-to" name="to" type="date" .value=${to} min=${from || nothing} aria-describedby=${rangeShown ? rangeId : nothing} @change=${onDate} />
        </div>
        <div class="field search">
          <label for="${options.id}-q">${strings.searchLabel}</label>
          <input
            part="input search"
            id="${options.id}-q"
            name="q"
            type="search"
            autocomplete="off"
            spellcheck="false"
            placeholder=${strings.searchPlaceholder}
            .value=${query.searchText}
            @input=${(event: InputEvent) => query.search((event.target as HTMLInputElement).value)}
            @search=${(event: Event) => query.search((event.target as HTMLInputElement).value, true)}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key === 'Enter') query.search((event.target as HTMLInputElement).value, true);
            }}
          />
        </div>
        ${query.hasFilters
          ? html`<button part="button clear-filters" type="button" class="clear" @click=${() => query.clearFilters()}>${strings.clearFilters}</button>`
          : nothing}
      </div>
      ${rangeShown ? html`<p part="range-shown" class="range-shown muted" id=${rangeId}>${rangeShown}</p>` : nothing}
    </div>
  `;
}

const sortIcon = html`<svg class="sort-icon" viewBox="0 0 10 14" width="10" height="14" aria-hidden="true" focusable="false">
  <path class="up" d="M5 1 9 6H1z" /><path class="down" d="M5 13 1 8h8z" />
</svg>`;

/** What a sortable table tells its headers: the column it is sorted by, the order, and how to sort by another. */
export interface SortState<Field extends string> {
  readonly sort: Field;
  readonly order: 'asc' | 'desc';
  sortBy(field: Field): void;
}

/** A column header that sorts: a button inside the `th`, whose `aria-sort` says the order. */
export function renderSortHeader<Field extends string = InvoiceSortField>(query: SortState<Field>, field: Field, label: string, className = ''): TemplateResult {
  const active = query.sort === field;
  const sort = active ? (query.order === 'asc' ? 'ascending' : 'descending') : nothing;
  return html`<th scope="col" class="sortable ${className}" aria-sort=${sort} data-sort=${field} data-order=${active ? query.order : 'none'}>
    <button part="sort-button" type="button" @click=${() => query.sortBy(field)}>
      <span>${label}</span>${sortIcon}
    </button>
  </th>`;
}

/** The "select all" checkbox's header cell: ticked when every row is, half when some are. */
export function renderSelectAllHeader(strings: Strings, all: boolean, some: boolean, toggle: (checked: boolean) => void): TemplateResult {
  return html`<th scope="col" class="select">
    <label class="select-all">
      <input part="checkbox" type="checkbox" .checked=${all} .indeterminate=${some && !all} @change=${(event: Event) => toggle((event.target as HTMLInputElement).checked)} />
      <span class="select-all-text">${strings.selectAll}</span>
    </label>
  </th>`;
}

export function money(amount: number, currency: string, locale: string): string {
  return formatMoney(amount, currency, locale);
}

export function date(value: string, locale: string): TemplateResult {
  return html`<time datetime=${value}>${formatDate(value, locale)}</time>`;
}

/** "Showing 25 of 80 invoices" and "Load more". */
export function renderListFooter<Item extends InvoiceListItem>(query: InvoiceQueryController<Item>, strings: Strings, onLoadMore: () => void): TemplateResult | typeof nothing {
  if (!query.loaded || query.items.length === 0) return nothing;
  const more = query.nextCursor !== null;
  return html`<div part="footer" class="footer">
    <span class="showing">${strings.showingCount(query.items.length, Math.max(query.total, query.items.length))}</span>
    ${more
      ? html`<button part="button load-more" class="load-more" type="button" ?disabled=${query.loading === 'more'} aria-busy=${query.loading === 'more' ? 'true' : 'false'} @click=${onLoadMore}>
          ${query.loading === 'more' ? strings.loadingMore : strings.loadMore}
        </button>`
      : nothing}
  </div>`;
}

/** What shows where there are no rows: loading, an error with "Try again", or why the table is empty. */
export function renderListState<Item extends InvoiceListItem>(
  query: InvoiceQueryController<Item>,
  strings: Strings,
  errorText: (error: unknown) => string,
): TemplateResult | typeof nothing {
  if (query.error) {
    return html`<div part="message" class="message error state" role="alert">
      <span>${errorText(query.error)}</span>
      <button part="button retry" type="button" @click=${() => (query.items.length > 0 && query.nextCursor ? query.loadMore() : query.reload())}>${strings.retry}</button>
    </div>`;
  }
  if (!query.loaded) return html`<p class="state muted" role="status">${strings.invoicesLoading}</p>`;
  if (query.items.length === 0) return html`<p class="state muted" role="status">${query.hasFilters ? strings.noMatches : strings.noInvoices}</p>`;
  return nothing;
}
