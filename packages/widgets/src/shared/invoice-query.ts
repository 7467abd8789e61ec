import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InvoiceDisplayStatusWire, InvoiceListItem, InvoiceListQuery, InvoiceSortField, InvoiceStatusFilterWire } from '@portico/wire';
import { isAbort } from './portico-element.js';

export type InvoiceStatus = InvoiceDisplayStatusWire;
/** What the chips filter by: a display status, or `unpaid` (sent, partially paid and overdue together). */
export type InvoiceStatusFilter = InvoiceStatusFilterWire;

/** Every display status, in the order the server sorts them. */
export const invoiceStatuses: readonly InvoiceStatus[] = ['draft', 'sent', 'partially_paid', 'overdue', 'paid', 'void'];
/** Every status filter, in the order the query string carries them. */
export const invoiceStatusFilters: readonly InvoiceStatusFilter[] = ['unpaid', ...invoiceStatuses];

export type SortOrder = 'asc' | 'desc';

/** One page as the client list and the admin list both answer it. */
export interface InvoicePage<Item> {
  invoices: Item[];
  nextCursor: string | null;
  counts: Record<InvoiceStatusFilter, number>;
  total: number;
}

export interface InvoiceFilters {
  status: InvoiceStatusFilter[];
  /** Issue date range, `YYYY-MM-DD`, inclusive; '' for open-ended. */
  from: string;
  to: string;
  q: string;
}

/** What an invoice table shows, as a page's URL can carry it: the filters and the sort. */
export interface InvoiceListView extends InvoiceFilters {
  sort: InvoiceSortField;
  order: SortOrder;
}

export interface InvoiceQueryOptions<Item> {
  /** Loads one page. */
  fetchPage: (query: InvoiceListQuery, signal: AbortSignal) => Promise<InvoicePage<Item>>;
  /** A request failed (not cancelled). */
  onError?: (error: unknown) => void;
  /** The filters changed (not the sort): the set of matching invoices is another one. */
  onFiltersChange?: () => void;
  /** The person changed the filters or the sort (not `applyView`). */
  onViewChange?: (view: InvoiceListView) => void;
}

/** The order a column sorts in on its first click: newest and largest first, statuses and numbers in their order. */
export const firstOrder: Record<InvoiceSortField, SortOrder> = {
  issueDate: 'desc',
  dueDate: 'desc',
  amount: 'desc',
  status: 'asc',
  number: 'asc',
};

/**
 * The state behind an invoice table, shared by `<portico-invoice-list>` and
 * `<portico-admin-invoices>`: filters, sort, the rows loaded so far, cursor
 * paging, per-status counts, a debounced text search. Stale answers (a
 * request overtaken by a newer one) are dropped; "load more" appends without
 * duplicates.
 */
export class InvoiceQueryController<Item extends InvoiceListItem> implements ReactiveController {
  filters: InvoiceFilters = { status: [], from: '', to: '', q: '' };
  sort: InvoiceSortField = 'issueDate';
  order: SortOrder = 'desc';
  pageSize = 25;
  /** Milliseconds the search waits after the last keystroke. */
  searchDelay = 300;

  items: Item[] = [];
  counts: Record<InvoiceStatusFilter, number> | null = null;
  /** How many invoices match every filter. */
  total = 0;
  nextCursor: string | null = null;
  loading: 'idle' | 'first' | 'more' = 'idle';
  error: unknown = null;
  /** A first page has arrived at least once. */
  loaded = false;
  /** What the search box holds (the query follows it after `searchDelay`). */
  searchText = '';

  readonly #host: ReactiveControllerHost;
  readonly #options: InvoiceQueryOptions<Item>;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;
  #refreshing: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: InvoiceQueryOptions<Item>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#refreshing?.abort();
    clearTimeout(this.#timer);
    if (this.loading !== 'idle') {
      // Reconnected later, the host reloads.
      this.loading = 'idle';
      this.loaded = false;
    }
  }

  /** The query of the first page (no cursor). */
  get query(): InvoiceListQuery {
    const { status, from, to, q } = this.filters;
    const query: InvoiceListQuery = { sort: this.sort, order: this.order, limit: this.pageSize };
    if (status.length > 0) query.status = [...status];
    if (from) query.from = from;
    if (to) query.to = to;
    if (q.trim()) query.q = q.trim();
    return query;
  }

  /** The filters and sort now in force. */
  get view(): InvoiceListView {
    return { ...this.filters, status: [...this.filters.status], sort: this.sort, order: this.order };
  }

  /**
   * Shows a view given from outside (a bookmarked URL, Back): filters, search
   * box and sort. Reloads when it differs and a first page was already asked
   * for; before that, the host's first load takes it.
   */
  applyView(view: InvoiceListView): void {
    if (sameView(view, this.view)) return;
    clearTimeout(this.#timer);
    this.filters = { status: invoiceStatusFilters.filter((s) => view.status.includes(s)), from: view.from, to: view.to, q: view.q };
    this.searchText = view.q;
    this.sort = view.sort;
    this.order = view.order;
    this.#options.onFiltersChange?.();
    if (this.loaded || this.loading !== 'idle') void this.reload();
    else this.#host.requestUpdate();
  }

  get hasFilters(): boolean {
    const { status, from, to, q } = this.filters;
    return status.length > 0 || from !== '' || to !== '' || q.trim() !== '';
  }

  /** Loads the first page again, replacing the rows. */
  async reload(): Promise<void> {
    this.#abort?.abort();
    this.#refreshing?.abort();
    const abort = (this.#abort = new AbortController());
    const generation = ++this.#generation;
    this.loading = 'first';
    this.error = null;
    this.#host.requestUpdate();
    try {
      const page = await this.#options.fetchPage(this.query, abort.signal);
      if (generation !== this.#generation) return;
      this.items = dedupe(page.invoices);
      this.#takePage(page);
    } catch (error) {
      this.#failed(error, generation);
    }
  }

  /** Appends the next page (rows already shown are not repeated). */
  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loading !== 'idle') return;
    const abort = (this.#abort = new AbortController());
    const generation = ++this.#generation;
    this.loading = 'more';
    this.error = null;
    this.#host.requestUpdate();
    try {
      const page = await this.#options.fetchPage({ ...this.query, cursor: this.nextCursor }, abort.signal);
      if (generation !== this.#generation) return;
      const seen = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...dedupe(page.invoices).filter((item) => !seen.has(item.id))];
      this.#takePage(page);
    } catch (error) {
      this.#failed(error, generation);
    }
  }

  #takePage(page: InvoicePage<Item>): void {
    this.nextCursor = page.nextCursor;
    this.counts = page.counts;
    this.total = page.total;
    this.loading = 'idle';
    this.loaded = true;
    this.#host.requestUpdate();
  }

  #failed(error: unknown, generation: number): void {
    if (generation !== this.#generation) return;
    this.loading = 'idle';
    if (isAbort(error)) return;
    this.error = error;
    this.#host.requestUpdate();
    this.#options.onError?.(error);
  }

  /** Sorts by a column: again on the same column flips the order. */
  sortBy(field: InvoiceSortField): void {
    if (this.sort === field) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = field;
      this.order = firstOrder[field];
    }
    this.#options.onViewChange?.(this.view);
    void this.reload();
  }

  /** Adds or removes a status from the filter; `null` shows every status. */
  toggleStatus(status: InvoiceStatusFilter | null): void {
    const current = this.filters.status;
    const next = status === null ? [] : current.includes(status) ? current.filter((s) => s !== status) : [...current, status];
    // Keep the server's order, so the query string is stable.
    this.#setFilters({ status: invoiceStatusFilters.filter((s) => next.includes(s)) });
  }

  setDateRange(from: string, to: string): void {
    if (from === this.filters.from && to === this.filters.to) return;
    this.#setFilters({ from, to });
  }

  /** Follows the search box: waits `searchDelay` after the last keystroke, or searches now. */
  search(text: string, now = false): void {
    this.searchText = text;
    clearTimeout(this.#timer);
    const apply = (): void => {
      if (text.trim() !== this.filters.q.trim()) this.#setFilters({ q: text });
    };
    if (now || this.searchDelay <= 0) apply();
    else this.#timer = setTimeout(apply, this.searchDelay);
    this.#host.requestUpdate();
  }

  clearFilters(): void {
    clearTimeout(this.#timer);
    this.searchText = '';
    this.#setFilters({ status: [], from: '', to: '', q: '' });
  }

  #setFilters(change: Partial<InvoiceFilters>): void {
    this.filters = { ...this.filters, ...change };
    this.#options.onFiltersChange?.();
    this.#options.onViewChange?.(this.view);
    void this.reload();
  }

  /**
   * Fetches the rows on screen again, quietly (no loading state, nothing
   * cleared on failure): for polling, and after a payment. When one request
   * covers every loaded row (up to 100) the rows are replaced as the server
   * now has them; beyond that the rows it returns are updated in place.
   * Skipped while another request runs. Resolves `true` when a row, a count
   * or the total changed; rejects when the request fails (not cancelled).
   */
  async refresh(): Promise<boolean> {
    if (this.loading !== 'idle' || !this.loaded || this.#refreshing) return false;
    const generation = this.#generation;
    const loaded = this.items.length;
    const limit = Math.min(100, Math.max(loaded, this.pageSize, 1));
    const abort = (this.#refreshing = new AbortController());
    try {
      const page = await this.#options.fetchPage({ ...this.query, limit }, abort.signal);
      // A reload, "load more" or a filter change since then has the last word.
      if (generation !== this.#generation || this.loading !== 'idle') return false;
      const fresh = dedupe(page.invoices);
      const before = this.items;
      let items: Item[];
      if (loaded <= limit) {
        items = fresh;
        this.nextCursor = page.nextCursor;
      } else {
        const byId = new Map(fresh.map((item) => [item.id, item]));
        items = before.map((item) => byId.get(item.id) ?? item);
      }
      const changed =
        this.total !== page.total ||
        !sameCounts(this.counts, page.counts) ||
        items.length !== before.length ||
        items.some((item, i) => item.id !== before[i]!.id || item.version !== before[i]!.version || item.displayStatus !== before[i]!.displayStatus);
      if (changed) {
        this.items = items;
        this.counts = page.counts;
        this.total = page.total;
        this.#host.requestUpdate();
      }
      return changed;
    } catch (error) {
      if (isAbort(error)) return false;
      throw error;
    } finally {
      if (this.#refreshing === abort) this.#refreshing = undefined;
    }
  }

  /** Puts a changed invoice in place (after an action), moving it between the status counts. */
  replace(item: Item): void {
    const index = this.items.findIndex((candidate) => candidate.id === item.id);
    if (index < 0) return;
    const before = this.items[index]!;
    if (this.counts && before.displayStatus !== item.displayStatus) {
      const owed = (entry: Item): number => (entry.status === 'sent' && entry.balance > 0 ? 1 : 0);
      this.counts = {
        ...this.counts,
        [before.displayStatus]: Math.max(0, this.counts[before.displayStatus] - 1),
        [item.displayStatus]: this.counts[item.displayStatus] + 1,
        unpaid: Math.max(0, this.counts.unpaid - owed(before) + owed(item)),
      };
    }
    this.items = this.items.map((candidate, i) => (i === index ? item : candidate));
    this.#host.requestUpdate();
  }
}

function sameCounts(a: Record<InvoiceStatusFilter, number> | null, b: Record<InvoiceStatusFilter, number>): boolean {
  return a !== null && invoiceStatusFilters.every((status) => a[status] === b[status]);
}

function dedupe<Item extends { id: string }>(items: Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

/** Whether two views show the same invoices in the same order. */
export function sameView(a: InvoiceListView, b: InvoiceListView): boolean {
  return (
    a.sort === b.sort &&
    a.order === b.order &&
    a.from === b.from &&
    a.to === b.to &&
    a.q.trim() === b.q.trim() &&
    a.status.length === b.status.length &&
    a.status.every((status) => b.status.includes(status))
  );
}
