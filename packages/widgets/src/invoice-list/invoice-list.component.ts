import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { InvoiceListItem } from '@portico/wire';
import type { ZipSelection } from '../client/portico-client.js';
import { emit } from '../shared/events.js';
import { InvoiceQueryController, type InvoiceListView } from '../shared/invoice-query.js';
import { renderFilterBar, renderListFooter, renderListState } from '../shared/invoice-table.js';
import { PorticoElement } from '../shared/portico-element.js';
import type { PorticoInvoicePaidDetail } from '../pay-button/pay-button.component.js';
import { renderInvoiceRows } from './invoice-rows.js';
import { invoiceListStyles } from './invoice-list.styles.js';
import { downloadIcon, renderZipDownload, saveZip, ZipDownload, type ZipListHost } from './zip-download.js';

/** Detail of `portico-invoice-open`. */
export interface PorticoInvoiceOpenDetail {
  id: string;
  invoice: InvoiceListItem;
}

/** Detail of `portico-invoice-view-change`: the filters and sort the person chose. */
export type PorticoInvoiceViewChangeDetail = InvoiceListView;

export type { PorticoDownloadCompleteDetail } from './zip-download.js';

/**
 * The client's invoices as a table: sortable by its column headers (click or
 * keyboard), filtered by status (with counts), issue date range and text,
 * paged with "Load more". Rows can be selected (one by one, every loaded row,
 * or everything matching the filters) and downloaded as one ZIP of PDFs, with
 * a progress bar while it streams. Opening a row emits
 * `portico-invoice-open`; inside `<portico-portal>` that shows the preview.
 * When the business takes card payments, each open invoice has a
 * `<portico-pay-button>` (Stripe's form opens in a dialog); a payment
 * updates its row at once. Narrower than about 46rem the rows become cards.
 *
 * @summary The client's invoices: sort, filter, page, select and download as ZIP.
 *
 * @event portico-invoice-open - A row was opened (click, or Enter on its number). `detail: { id, invoice }`.
 * @event portico-invoice-view-change - The person changed a filter or the sort (inside `<portico-portal>` the page's URL follows). `detail: { status, from, to, q, sort, order }`.
 * @event portico-download-complete - A ZIP finished downloading; cancel it to skip the automatic save. `detail: { blob, filename, bytes, pdfs, url }`.
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 * @event portico-invoice-paid - From a row's pay button: a payment was made. `detail: { invoiceId, invoice }`.
 *
 * @csspart list - The outermost box.
 * @csspart heading - The "Invoices" heading.
 * @csspart filters - The filter bar (status chips, dates, search).
 * @csspart chip - Each status filter chip; the pressed ones also have `chip-selected`.
 * @csspart input - The date and search inputs; the search box also has `search`.
 * @csspart range-shown - The chosen issue dates written out in the page's language (the date inputs speak the browser's).
 * @csspart table - The table (cards when narrow).
 * @csspart sort-button - The button in each sortable column header.
 * @csspart row - Each invoice row; selected ones also have `row-selected`.
 * @csspart open-button - The invoice number, which opens the invoice.
 * @csspart status - Each status badge, with `status-draft`, `status-sent`, `status-partially_paid`, `status-overdue`, `status-paid` or `status-void`.
 * @csspart checkbox - The row and "select all" checkboxes.
 * @csspart selection - The "select all matching" banner.
 * @csspart button - Every button; the download buttons also have `download-button`, "Load more" `load-more`.
 * @csspart download - The download progress box.
 * @csspart progress - The progress bar.
 * @csspart save-link - The "Save invoices.zip" link when the download is ready.
 * @csspart footer - "Showing 25 of 80" and "Load more".
 * @csspart message - Errors and confirmations.
 * @csspart pay - Each open row's `<portico-pay-button>`.
 *
 * @cssproperty --portico-status-draft - Colour of the Draft badge.
 * @cssproperty --portico-status-sent - Colour of the Sent badge.
 * @cssproperty --portico-status-partially-paid - Colour of the Partially paid badge. Default: the Sent colour.
 * @cssproperty --portico-status-overdue - Colour of the Overdue badge.
 * @cssproperty --portico-status-paid - Colour of the Paid badge.
 * @cssproperty --portico-status-void - Colour of the Void badge.
 */
export class PorticoInvoiceList extends PorticoElement {
  static override readonly tag = 'portico-invoice-list';
  static override styles = invoiceListStyles;

  static override properties = {
    pageSize: { type: Number, attribute: 'page-size' },
    searchDelay: { type: Number, attribute: 'search-delay' },
    view: { attribute: false },
    _selected: { state: true },
    _allMatching: { state: true },
    _announcement: { state: true },
  };

  /** Invoices per page (1-100). */
  pageSize: number = 25;
  /** Milliseconds the search waits after the last keystroke. */
  searchDelay: number = 300;
  /**
   * The filters and sort to show (from a bookmarked URL, say); `null` keeps
   * the list's own. Changes the person makes are announced by
   * `portico-invoice-view-change`, not written back here.
   */
  view: InvoiceListView | null = null;

  private _selected: ReadonlySet<string> = new Set();
  private _allMatching: boolean = false;
  private _announcement: string = '';

  readonly #query = new InvoiceQueryController<InvoiceListItem>(this, {
    fetchPage: (query, signal) => this.api.listInvoices(query, { signal }),
    onError: (error) => this.noticeError(error),
    onFiltersChange: () => this.clearSelection(),
    onViewChange: (view) => emit<PorticoInvoiceViewChangeDetail>(this, 'portico-invoice-view-change', view),
  });
  /**
   * The business's online payments, from the session the client already
   * holds (asked once per client): a Pay column when set. A new client
   * also loads the list's first page.
   */
  readonly #payments = this.resource<{ publishableKey: string } | null>({
    load: async () => (await this.api.currentSession())?.business.onlinePayments ?? null,
    keep: () => true,
    onStart: () => void this.#query.reload(),
    // The list's own request reports what went wrong; no Pay column meanwhile.
    onError: () => {},
  });
  /** The ZIP being downloaded, or the last one (zip-download.ts). */
  readonly #zip = new ZipDownload(this);
  /** Invoices paid from this list: their pay button stays to say so. */
  #paidHere = new Set<string>();

  /** The invoice ids selected (when "all matching" is chosen: the loaded ones). */
  get selectedIds(): string[] {
    if (this._allMatching) return this.#query.items.map((item) => item.id);
    return [...this._selected];
  }

  /** Empties the selection. */
  clearSelection(): void {
    this._selected = new Set();
    this._allMatching = false;
  }

  /** Loads the first page again (filters and sort kept). */
  reload(): Promise<void> {
    return this.#query.reload();
  }

  /**
   * Fetches the rows on screen again without a loading state (after a
   * payment, say): pages loaded with "Load more", selection and focus stay.
   * Resolves `true` when something changed.
   */
  async refresh(): Promise<boolean> {
    try {
      return await this.#query.refresh();
    } catch (error) {
      this.noticeError(error);
      return false;
    }
  }

  /** Moves focus to an invoice's row (its number), e.g. when coming back from the preview. */
  async focusInvoice(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] .open`)?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#query.pageSize = Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 25));
    this.#query.searchDelay = this.searchDelay;
    if (changed.has('view') && this.view) this.#query.applyView(this.view);
    if (!this.#payments.sync() && changed.has('pageSize') && this.#payments.active) void this.#query.reload();
  }

  /** A row's pay button took a payment: show the row as it now stands, at once. */
  #onPaid(event: CustomEvent<PorticoInvoicePaidDetail>, invoice: InvoiceListItem): void {
    if (event.detail.invoiceId !== invoice.id) return;
    this.#paidHere.add(invoice.id);
    const current = this.#query.items.find((item) => item.id === invoice.id) ?? invoice;
    this.#query.replace({ ...current, ...event.detail.invoice });
  }

  // ---- selection ----

  #isSelected(id: string): boolean {
    return this._allMatching || this._selected.has(id);
  }

  #toggleRow(id: string, checked: boolean): void {
    const next = new Set(this._allMatching ? this.#query.items.map((item) => item.id) : this._selected);
    if (checked) next.add(id);
    else next.delete(id);
    this._allMatching = false;
    this._selected = next;
  }

  #toggleAll(checked: boolean): void {
    const items = this.#query.items;
    this._allMatching = false;
    this._selected = checked ? new Set(items.map((item) => item.id)) : new Set();
    this._announcement = checked ? this.strings.allLoadedSelected(items.length) : '';
  }

  #selectAllMatching(): void {
    this._allMatching = true;
    this._announcement = this.strings.allMatchingSelected(this.#query.total);
    this.focusAfterUpdate('[part~="selection"] button');
  }

  // ---- download ----

  #downloadZip(kind: 'all' | 'selected'): Promise<void> {
    const query = this.#query;
    const useFilters = kind === 'all' || this._allMatching;
    const { status, from, to, q, sort, order } = query.query;
    const selection: ZipSelection = useFilters ? { status, from, to, q, sort, order } : { ids: [...this._selected] };
    const expected = useFilters ? query.total : this._selected.size;
    return saveZip(
      this.#zipHost,
      this.#zip,
      expected,
      (onProgress, signal) => this.api.downloadZip(selection, onProgress, { signal, locale: this.language }),
      (pdfs) => this.strings.downloadReady(pdfs),
    );
  }

  get #zipHost(): ZipListHost {
    return {
      element: this,
      strings: this.strings,
      focusAfterUpdate: (selector) => this.focusAfterUpdate(selector),
      noticeError: (error) => this.noticeError(error),
      errorText: (error) => this.errorText(error),
      announce: (text) => (this._announcement = text),
    };
  }

  // ---- opening ----

  #open(invoice: InvoiceListItem): void {
    emit<PorticoInvoiceOpenDetail>(this, 'portico-invoice-open', { id: invoice.id, invoice });
  }

  async #loadMore(): Promise<void> {
    const before = this.#query.items.length;
    await this.#query.loadMore();
    const first = this.#query.items[before];
    if (!this.#query.nextCursor && first) {
      // "Load more" is gone: put focus on the first new row rather than losing it.
      this.focusAfterUpdate(`tr[data-id="${CSS.escape(first.id)}"] .open`);
      this.requestUpdate();
    }
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const strings = this.strings;
    const query = this.#query;
    const items = query.items;
    const locale = this.locale;
    const loadedSelected = items.filter((item) => this.#isSelected(item.id)).length;
    const allLoaded = items.length > 0 && loadedSelected === items.length;
    const selectedCount = this._allMatching ? query.total : this._selected.size;
    const running = this.#zip.running;
    const payments = this.#payments.value;
    return html`
      <section part="list" class="root" lang=${this.language} dir=${this.direction} aria-labelledby="heading" aria-busy=${query.loading === 'first' ? 'true' : 'false'}>
        <div class="top">
          <h2 id="heading" part="heading">${strings.invoicesHeading}</h2>
          <div class="downloads">
            ${selectedCount > 0
              ? html`<button part="button download-button" type="button" ?disabled=${running} @click=${() => void this.#downloadZip('selected')}>
                  ${downloadIcon}${strings.downloadSelected(selectedCount)}
                </button>`
              : nothing}
            <button part="button download-button" class="primary" type="button" ?disabled=${running || query.total === 0} @click=${() => void this.#downloadZip('all')}>
              ${downloadIcon}${strings.downloadAll(query.total)}
            </button>
          </div>
        </div>
        ${renderFilterBar(query, strings, { id: 'invoices', locale, hideEmpty: ['draft', 'void'], unpaid: true })} ${renderZipDownload(this.#zip.state, strings, locale, (text) => this.isolate(text))}
        ${allLoaded && query.total > items.length ? this.#renderSelectionBanner(items.length) : nothing}
        ${items.length > 0
          ? renderInvoiceRows({
              ...this.viewContext,
              query,
              allLoaded,
              someSelected: loadedSelected > 0,
              isSelected: (id) => this.#isSelected(id),
              toggleAll: (checked) => this.#toggleAll(checked),
              toggleRow: (id, checked) => this.#toggleRow(id, checked),
              open: (invoice) => this.#open(invoice),
              pay: payments && ((invoice) => this.#renderPay(invoice, payments)),
            })
          : nothing}
        ${renderListState(query, strings, (error) => this.errorText(error))} ${renderListFooter(query, strings, () => void this.#loadMore())}
        <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      </section>
    `;
  }

  /** An open invoice's pay button (Stripe's form opens in a dialog); it stays on a row paid from here. */
  #renderPay(invoice: InvoiceListItem, payments: { publishableKey: string }): TemplateResult | typeof nothing {
    const open = invoice.status === 'sent' && invoice.balance > 0;
    if (!open && !this.#paidHere.has(invoice.id)) return nothing;
    return html`<portico-pay-button
      part="pay"
      compact
      .client=${this.api}
      .invoice=${invoice}
      .onlinePayments=${payments}
      @portico-invoice-paid=${(event: CustomEvent<PorticoInvoicePaidDetail>) => this.#onPaid(event, invoice)}
    ></portico-pay-button>`;
  }

  #renderSelectionBanner(loaded: number): TemplateResult {
    const strings = this.strings;
    const total = this.#query.total;
    return html`<div part="selection" class="selection">
      ${this._allMatching
        ? html`<span>${strings.allMatchingSelected(total)}</span>
            <button part="button" type="button" @click=${() => this.clearSelection()}>${strings.clearSelection}</button>`
        : html`<span>${strings.allLoadedSelected(loaded)}</span>
            <button part="button" type="button" @click=${() => this.#selectAllMatching()}>${strings.selectAllMatching(total)}</button>`}
    </div>`;
  }
}
