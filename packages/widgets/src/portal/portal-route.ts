import { firstOrder, invoiceStatusFilters, sameView, type InvoiceListView } from '../shared/invoice-query.js';

/**
 * Where the client is in the portal, as the page's URL carries it: the tab,
 * the item open in it (an invoice, an estimate, a ticket, `new` for the
 * new-ticket form) and the invoice list's filters and sort.
 */
export interface PortalRoute {
  tab: string | null;
  item: string | null;
  list: InvoiceListView;
}

/** Where the route lives: the query string (the default), the fragment, or nowhere. */
export type PortalHistoryMode = 'query' | 'hash' | 'none';

/** The list as it first shows: every status, newest first. */
export const defaultListView: InvoiceListView = { status: [], from: '', to: '', q: '', sort: 'issueDate', order: 'desc' };

/**
 * What the server's sign-in redirect and older emails put in the URL for
 * the item an email was about. Read once on arrival, then replaced by the
 * portal's own parameters.
 */
const entryParams = { invoice: 'invoices', estimate: 'estimates', ticket: 'support' } as const;

const ITEM_ID = /^[A-Za-z0-9_-]{1,100}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SEARCH = 200;

/**
 * Reads and writes the portal's route in the host page's URL, under one
 * parameter name the host chooses (`portico` by default, with `portico-status`,
 * `-sort`, `-order`, `-from`, `-to`, `-q` beside it), leaving the path and
 * every other parameter alone. In `hash` mode the same parameters live in
 * the fragment (other `key=value` pairs there are kept), for pages whose
 * server cannot take unknown query parameters.
 */
export class PortalHistory {
  readonly mode: PortalHistoryMode;
  readonly param: string;

  constructor(mode: PortalHistoryMode, param: string) {
    this.mode = mode;
    this.param = param || 'portico';
  }

  get enabled(): boolean {
    return this.mode !== 'none';
  }

  /** The route in the URL now; unknown tabs, odd ids, statuses, sorts and dates are dropped. */
  read(tabs: readonly string[]): PortalRoute {
    const params = this.#params(location.href);
    const [tab = '', item = ''] = (params.get(this.param) ?? '').split('/', 2);
    const key = (name: string): string => params.get(`${this.param}-${name}`) ?? '';
    const sort = key('sort');
    const order = key('order');
    const list: InvoiceListView = {
      status: invoiceStatusFilters.filter((status) => key('status').split(',').includes(status)),
      from: DATE.test(key('from')) ? key('from') : '',
      to: DATE.test(key('to')) ? key('to') : '',
      q: key('q').slice(0, MAX_SEARCH),
      sort: sort in firstOrder ? (sort as InvoiceListView['sort']) : defaultListView.sort,
      order: order === 'asc' || order === 'desc' ? order : defaultListView.order,
    };
    const known = tabs.includes(tab);
    return { tab: known ? tab : null, item: known && ITEM_ID.test(item) ? item : null, list };
  }

  /**
   * The item a sign-in redirect or an older email named (`?invoice=`,
   * `?estimate=`, `?ticket=`), with its tab; `null` when there is none.
   */
  entry(): { tab: string; item: string } | null {
    const params = new URL(location.href).searchParams;
    for (const [name, tab] of Object.entries(entryParams)) {
      const item = params.get(name);
      if (item && ITEM_ID.test(item)) return { tab, item };
    }
    return null;
  }

  /** Writes the route: a new history entry (`push`), or in place of the current one. */
  write(route: PortalRoute, push: boolean): void {
    if (!this.enabled) return;
    const url = new URL(location.href);
    for (const name of Object.keys(entryParams)) url.searchParams.delete(name);
    const params = this.#params(url.href);
    for (const name of [...params.keys()]) if (name === this.param || name.startsWith(`${this.param}-`)) params.delete(name);
    if (route.tab) params.set(this.param, route.item ? `${route.tab}/${route.item}` : route.tab);
    const { list } = route;
    if (list.status.length > 0) params.set(`${this.param}-status`, list.status.join(','));
    if (list.from) params.set(`${this.param}-from`, list.from);
    if (list.to) params.set(`${this.param}-to`, list.to);
    if (list.q.trim()) params.set(`${this.param}-q`, list.q.trim());
    if (list.sort !== defaultListView.sort || list.order !== defaultListView.order) {
      params.set(`${this.param}-sort`, list.sort);
      params.set(`${this.param}-order`, list.order);
    }
    // Ids and tab names are [A-Za-z0-9_-]: only the slash between them would be escaped, and it need not be.
    const written = params.toString().replace(new RegExp(`(^|&)(${escapeRegExp(this.param)}=[\\w-]+)%2F`), '$1$2/');
    if (this.mode === 'hash') url.hash = written;
    else url.search = written;
    if (url.href === location.href) return;
    if (push) history.pushState(history.state, '', url.href);
    else history.replaceState(history.state, '', url.href);
  }

  #params(href: string): URLSearchParams {
    const url = new URL(href);
    return this.mode === 'hash' ? new URLSearchParams(url.hash.slice(1)) : url.searchParams;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether going from one route to the other is a step the Back button should undo (a tab or an item), not a filter. */
export function isNavigation(from: PortalRoute, to: PortalRoute): boolean {
  return from.tab !== to.tab || from.item !== to.item;
}

export function sameRoute(a: PortalRoute, b: PortalRoute): boolean {
  return !isNavigation(a, b) && sameView(a.list, b.list);
}
