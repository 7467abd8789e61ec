import type { PorticoClient, SessionResponse } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import { renderAccountTab } from './account-tab.js';

/** What a tab's `render` gets: the signed-in session and the tools to load more. */
export interface PortalTabContext {
  session: SessionResponse;
  /** The portal's API client (cookie or bearer, already signed in). */
  client: PorticoClient;
  strings: Strings;
  /** BCP 47 tag for `Intl` (numbers, money, dates). */
  locale: string;
  /** From `?invoice=<id>` or the sign-in link: the invoice to open first, if any. */
  focusInvoice: string | null;
  /** Call when a request answers 401: the portal forgets the session and returns to sign-in. */
  sessionEnded: () => void;
}

/** One tab of `<portico-portal>`: a stable id (used in element ids), its label, and what its panel shows. */
export interface PortalTab {
  id: string;
  label: (strings: Strings) => string;
  /** Anything Lit can render: a template, a string, an element. */
  render: (context: PortalTabContext) => unknown;
}

/**
 * The portal's tabs, in order. A widget adds its tab with one line here, for
 * example `{ id: 'invoices', label: (s) => s.tabInvoices, render: (c) => html`<portico-invoice-list …>` }`.
 */
export const portalTabs: readonly PortalTab[] = [{ id: 'account', label: (s) => s.tabAccount, render: renderAccountTab }];
