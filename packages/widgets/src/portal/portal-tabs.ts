import type { AccountResponse, SessionResponse } from '@portico/wire';
import type { PorticoClient } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import type { InvoiceListView } from '../shared/invoice-query.js';
import { renderAccountTab } from './account-tab.js';
import { renderEstimatesTab } from './estimates-tab.js';
import { renderInvoicesTab } from './invoices-tab.js';
import { renderSupportTab } from './support-tab.js';

/** What a tab's `render` gets: the signed-in session and the tools to load more. */
export interface PortalTabContext {
  session: SessionResponse;
  /** The portal's API client (cookie or bearer, already signed in). */
  client: PorticoClient;
  strings: Strings;
  /** BCP 47 tag for `Intl` (numbers, money, dates). */
  locale: string;
  /** The invoice in front: from `?invoice=<id>` or the sign-in link at first, then the one the client opened; `null` for none. */
  focusInvoice: string | null;
  /** Shows an invoice (or, with `null`, no invoice: back to the list); resolves once the portal has re-rendered. */
  openInvoice: (id: string | null) => Promise<void>;
  /** The estimate in front on the Estimates tab: from `?estimate=<id>` or the sign-in link at first, then the one the client opened; `null` for the list. */
  focusEstimate: string | null;
  /** Shows an estimate (or, with `null`, the list); resolves once the portal has re-rendered. */
  openEstimate: (id: string | null) => Promise<void>;
  /** Call when a request answers 401: the portal forgets the session and returns to sign-in. */
  sessionEnded: () => void;
  /** The Support tab's view: a ticket's id, `'new'` for the form, or `null` for the list. */
  focusTicket: string | null;
  /** Shows a ticket, the new-ticket form (`'new'`) or the list (`null`); resolves once the portal has re-rendered. */
  openTicket: (view: string | null) => Promise<void>;
  /** The invoice list's filters and sort (from the URL at first). */
  listView: InvoiceListView;
  /** The person changed the list's filters or sort: the portal keeps them (and the URL follows). */
  listViewChanged: (view: InvoiceListView) => void;
  /** The client's unread tickets, as last counted. */
  unreadTickets: number;
  /** Tells the portal a fresher unread count (from the ticket list), or asks it to count again (no argument). */
  updateUnreadTickets: (count?: number) => void;
  /** The client saved its own details (the Account tab): the portal's header and language follow. */
  accountSaved: (account: AccountResponse) => void;
}

/** One tab of `<portico-portal>`: a stable id (used in element ids), its label, and what its panel shows. */
export interface PortalTab {
  id: string;
  label: (strings: Strings) => string;
  /** A number shown on the tab (unread tickets); nothing when 0 or left out. */
  badge?: (context: PortalTabContext) => number;
  /** Anything Lit can render: a template, a string, an element. */
  render: (context: PortalTabContext) => unknown;
}

/**
 * The portal's tabs, in order. A widget adds its tab with one line here, for
 * example `{ id: 'invoices', label: (s) => s.tabInvoices, render: (c) => html`<portico-invoice-list …>` }`.
 */
export const portalTabs: readonly PortalTab[] = [
  { id: 'invoices', label: (s) => s.tabInvoices, render: renderInvoicesTab },
  { id: 'estimates', label: (s) => s.tabEstimates, render: renderEstimatesTab },
  { id: 'support', label: (s) => s.tabSupport, badge: (c) => c.unreadTickets, render: renderSupportTab },
  { id: 'account', label: (s) => s.tabAccount, render: renderAccountTab },
];
