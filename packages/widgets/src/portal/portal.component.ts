import { html, nothing, type PropertyValues, type ReactiveElement, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { AccountResponse, SessionResponse } from '@portico/wire';
import type { PorticoClient } from '../client/portico-client.js';
import { defaultLocale, intlLocale, resolveLocale, stringsFor, textDirection, type Locale, type Strings } from '../i18n/index.js';
import { isHexColor, readableTextColor } from '../shared/color.js';
import { PorticoThemedElement } from '../shared/themed-element.js';
import type { InvoiceListView } from '../shared/invoice-query.js';
import { defaultListView, type PortalHistoryMode, type PortalRoute } from './portal-route.js';
import { PortalSession } from './portal-session.js';
import { renderBrandHeader, renderSessionMessage, renderSignIn } from './portal-sign-in.js';
import { renderTabBar } from './portal-tab-bar.js';
import { portalTabs, type PortalTab, type PortalTabContext } from './portal-tabs.js';
import { PortalUrlSync } from './portal-url-sync.js';
import { portalStyles } from './portal.styles.js';
import { UnreadTicketsCounter } from './unread-tickets.js';

export { LINK_FRAGMENT_PARAM } from './portal-session.js';
export type { PorticoGrantRefusedDetail, PorticoSignedInDetail, PorticoSignedOutDetail } from './portal-session.js';

/**
 * The whole client portal: sign-in by emailed link, then the client's
 * account under a branded header with tabs.
 *
 * Where the client is (tab, open invoice or ticket, the list's filters and
 * sort) is kept in the page's URL (`url-state`, `url-param`), so Back,
 * reload, bookmarks and shared links work, on any origin.
 *
 * Same-origin mounts sign in with the session cookie the link sets. On a
 * page of another origin, the business's emails link to that page with
 * `#portico-link=<token>`: the portal removes the fragment from the address
 * bar at once, and its "Continue" button trades the token for a bearer
 * token it holds in memory only.
 *
 * A host whose user is already signed in to its own app puts a sign-in grant
 * in the page (`grant`, from `api.business(id).clients.signInGrant`): the
 * portal trades it at once, with no email and no click.
 *
 * @summary Client portal: sign-in, branded header and tabs.
 *
 * @event portico-signed-in - A session is loaded (after sign-in, or found on load). `detail: { session }`.
 * @event portico-signed-out - A session ended: signed out, signed out everywhere, or expired. `detail: { reason }`.
 * @event portico-grant-refused - The `grant` was spent, expired or not valid (the portal then looks for a session as usual). `detail: { error }`.
 *
 * @csspart portal - The outermost box.
 * @csspart header - The top bar: brand, who is signed in, sign-out buttons.
 * @csspart brand - The business's logo and name.
 * @csspart logo - The business's logo image.
 * @csspart account-summary - The signed-in contact and client in the header.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab; the selected one also has `tab-selected`.
 * @csspart panel - The content area (a tab's panel, or the sign-in box).
 * @csspart form - The "email me a link" form.
 * @csspart label - Form labels.
 * @csspart input - Form inputs.
 * @csspart button - Every button; the main one also has `button-primary`.
 * @csspart message - Confirmations and errors.
 * @csspart back-button - "Back to invoices" above an open invoice ("Back to estimates" above an open estimate).
 *
 * @cssproperty --portico-max-width - Widest the portal grows.
 */
export class PorticoPortal extends PorticoThemedElement {
  static override readonly tag = 'portico-portal';
  static override styles = portalStyles;

  static override properties = {
    server: { type: String },
    business: { type: String },
    businessName: { type: String, attribute: 'business-name' },
    grant: { type: String },
    focusInvoice: { type: String, attribute: 'focus-invoice' },
    focusEstimate: { type: String, attribute: 'focus-estimate' },
    focusTicket: { type: String, attribute: 'focus-ticket' },
    urlState: { type: String, attribute: 'url-state' },
    urlParam: { type: String, attribute: 'url-param' },
    ticketsPollInterval: { type: Number, attribute: 'tickets-poll-interval' },
    tabs: { attribute: false },
    _langAttribute: { type: String, attribute: 'lang' },
    _selectedTab: { state: true },
    _listView: { state: true },
  };

  /** Where Portico is mounted: a path on this origin (`/portal`) or a URL on another origin. */
  server: string = '';
  /** The business's slug. */
  business: string = '';
  /** The business's name, shown before anyone signs in (after, the server's is used). */
  businessName: string | null = null;
  /**
   * A single-use sign-in grant the host issued for its own signed-in user
   * (`api.business(id).clients.signInGrant(contactId)`), traded for a session
   * at once; a new one signs in again. Render a fresh one with each page.
   */
  grant: string | null = null;
  /**
   * The invoice in front on the Invoices tab: from the page URL at first
   * (`?portico=invoices/<id>`, or `?invoice=<id>` from the sign-in redirect)
   * or the sign-in link, then the one the client opened; `null` shows the
   * statement and list. Setting it opens that invoice.
   */
  focusInvoice: string | null = null;
  /**
   * The estimate in front on the Estimates tab: from the page URL at first
   * (`?portico=estimates/<id>`, or `?estimate=<id>` where an estimate email's
   * link lands) or the sign-in link, then the one the client opened; `null`
   * shows the list. Setting it selects the tab.
   */
  focusEstimate: string | null = null;
  /**
   * What the Support tab shows: a ticket's id (from the page URL at first,
   * `?portico=support/<id>` or `?ticket=<id>` as ticket emails link), `'new'`
   * for the new-ticket form, or `null` for the list. Setting it selects the tab.
   */
  focusTicket: string | null = null;
  /**
   * Where the portal keeps the client's place (tab, open invoice or ticket,
   * the list's filters and sort) so Back, reload, bookmarks and shared links
   * work: `query` (the default) in the page's query string, `hash` in its
   * fragment, `none` nowhere. Read when the portal connects.
   */
  urlState: PortalHistoryMode = 'query';
  /** The name of the URL parameter the portal writes (`?portico=invoices/inv_…`), and the prefix of its others (`portico-status`). Choose one your own routing does not use. */
  urlParam: string = 'portico';
  /** Milliseconds between counts of unread tickets (the Support tab's badge) while another tab is open and the page visible; 0 turns it off. */
  ticketsPollInterval: number = 30_000;
  /** The tabs shown when signed in, in order. */
  tabs: readonly PortalTab[] = portalTabs;

  /** @internal mirrors the `lang` attribute so a change re-renders. */
  _langAttribute: string | null = null;
  private _selectedTab: string | null = null;
  private _listView: InvoiceListView = defaultListView;

  #started = false;
  readonly #url = new PortalUrlSync({
    tabIds: () => this.tabs.map((tab) => tab.id),
    currentRoute: () => this.#route,
    showRoute: (route, fromHistory) => this.#applyRoute(route, fromHistory),
  });
  readonly #unreadTickets = new UnreadTicketsCounter(this, () => this.client, () => this.ticketsPollInterval);
  /** Sign-in, sign-out and the API client (portal-session.ts). */
  readonly #session = new PortalSession(this, {
    strings: () => this.#strings,
    focus: (selector) => this.focusAfterUpdate(selector),
    linked: ({ invoiceId, estimateId, ticketId }) => {
      if (this.focusInvoice === null && invoiceId) this.focusInvoice = invoiceId;
      if (this.focusEstimate === null && estimateId) this.focusEstimate = estimateId;
      // A ticket email's link names its ticket (a server from before ticket links answers no ticketId).
      if (this.focusTicket === null && ticketId) this.focusTicket = ticketId;
    },
    signedIn: () => {
      if (!this.tabs.some((tab) => tab.id === this._selectedTab)) this._selectedTab = this.tabs[0]?.id ?? null;
      if (this.tabs.some((tab) => tab.badge)) this.#unreadTickets.start(this._selectedTab !== 'support');
    },
    signedOut: () => this.#unreadTickets.stop(),
    checkoutReturned: (invoiceId) => (this.focusInvoice = invoiceId),
  });

  /** The signed-in session, or `null`. */
  get session(): SessionResponse | null {
    return this.#session.session;
  }

  /** The API client the portal and its tabs use (rebuilt when `server` or `business` change). */
  get client(): PorticoClient {
    return this.#session.client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#started) {
      this.#started = true;
      this.#url.start(this.urlState, this.urlParam);
      this.#session.start();
    }
    this.#url.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#url.unlisten();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // An invoice put in front (by the page, or the sign-in link) shows on the Invoices tab.
    if (changed.has('focusInvoice') && this.focusInvoice && this.tabs.some((tab) => tab.id === 'invoices')) this._selectedTab = 'invoices';
    if (changed.has('focusEstimate') && this.focusEstimate && this.tabs.some((tab) => tab.id === 'estimates')) this._selectedTab = 'estimates';
    if (changed.has('focusTicket') && this.focusTicket && this.tabs.some((tab) => tab.id === 'support')) this._selectedTab = 'support';
    // The Support tab's own list counts while it is open.
    this.#unreadTickets.polling(this.#session.view.kind === 'signed-in' && this._selectedTab !== 'support');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#session.view.kind === 'signed-in') this.#url.write();
  }

  // ---- the URL ----

  /** Which property holds the open item of each tab that opens items. */
  static readonly #itemProperty: Readonly<Record<string, 'focusInvoice' | 'focusEstimate' | 'focusTicket'>> = {
    invoices: 'focusInvoice',
    estimates: 'focusEstimate',
    support: 'focusTicket',
  };

  get #route(): PortalRoute {
    const property = this._selectedTab ? PorticoPortal.#itemProperty[this._selectedTab] : undefined;
    return { tab: this._selectedTab, item: property ? this[property] : null, list: this._listView };
  }

  /** Shows a route: its tab, its item (an item the page set by attribute stays, at first), the list's view. */
  #applyRoute(route: PortalRoute, fromHistory: boolean): void {
    if (route.tab && this.tabs.some((tab) => tab.id === route.tab)) this._selectedTab = route.tab;
    const property = route.tab ? PorticoPortal.#itemProperty[route.tab] : undefined;
    if (property && (fromHistory || this[property] === null)) this[property] = route.item;
    this._listView = route.list;
  }

  // ---- language ----

  /**
   * The language shown (docs/languages.md): this element's `lang` (the
   * host's override), else the language the signed-in client chose, else
   * the page's, else the business's, else English. The widgets inside are
   * given it, so their PDFs and ZIPs are asked for in it too.
   */
  get #requestedLanguage(): string {
    return this._langAttribute || this.session?.client.locale || this.closest('[lang]')?.getAttribute('lang') || this.#session.brand?.locale || defaultLocale;
  }

  protected override get language(): Locale {
    return resolveLocale(this.#requestedLanguage);
  }

  get #strings(): Strings {
    return stringsFor(this.language);
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const strings = this.#strings;
    const requested = this.#requestedLanguage;
    const brand = this.#session.brand;
    const name = brand?.name ?? this.businessName ?? null;
    const brandStyle = brand && isHexColor(brand.brandColor) ? { '--_brand': brand.brandColor, '--_brand-on': readableTextColor(brand.brandColor) } : {};
    return html`
      <section
        part="portal"
        class="portal"
        lang=${resolveLocale(requested)}
        dir=${textDirection(requested)}
        style=${styleMap(brandStyle)}
        aria-label=${name ? strings.portalLabel(name) : strings.portalTitle}
        aria-busy=${this.#session.view.kind === 'loading' ? 'true' : 'false'}
      >
        ${this.#session.view.kind === 'signed-in' ? this.#renderSignedIn(strings, this.#session.view.session) : renderSignIn(this.#session, strings, name)}
      </section>
    `;
  }

  #renderSignedIn(strings: Strings, session: SessionResponse): TemplateResult {
    const tabs = this.tabs;
    const selected = tabs.find((tab) => tab.id === this._selectedTab) ?? tabs[0];
    const context: PortalTabContext = {
      session,
      client: this.client,
      strings,
      locale: intlLocale(this.#requestedLanguage),
      focusInvoice: this.focusInvoice,
      openInvoice: this.#openInvoice,
      focusEstimate: this.focusEstimate,
      openEstimate: this.#openEstimate,
      focusTicket: this.focusTicket,
      openTicket: this.#openTicket,
      listView: this._listView,
      listViewChanged: (view) => (this._listView = view),
      unreadTickets: this.#unreadTickets.count,
      updateUnreadTickets: this.#updateUnreadTickets,
      sessionEnded: this.#session.sessionEnded,
      accountSaved: this.#accountSaved,
    };
    const who = session.contact;
    const actions = html`
      <div part="account-summary" class="who">
        <span class="who-name">${who ? who.name : session.client.name}</span>
        ${who ? html`<span class="who-email">${who.email}</span>` : nothing}
        ${who ? html`<span class="who-client">${session.client.name}</span>` : nothing}
      </div>
      <div class="actions">
        <button part="button" type="button" ?disabled=${this.#session.busy} @click=${() => void this.#session.signOut(false)}>${strings.signOut}</button>
        <button part="button" type="button" ?disabled=${this.#session.busy} @click=${() => void this.#session.signOut(true)}>${strings.signOutEverywhere}</button>
      </div>
    `;
    return html`${renderBrandHeader(this.#session.brand, session.business.name, strings, actions)} ${renderSessionMessage(this.#session)}
    ${renderTabBar({ tabs, selected, context, strings, select: this.#selectTab, rtl: textDirection(this.#requestedLanguage) === 'rtl' })}`;
  }

  /** Puts an invoice in front (or none), then moves focus to the Back button when one opened. */
  #openInvoice = async (id: string | null): Promise<void> => {
    this.focusInvoice = id;
    if (id !== null) this.focusAfterUpdate('.back');
    await this.updateComplete;
  };

  /** Puts an estimate in front (or none: the list), then moves focus to the Back button when one opened. */
  #openEstimate = async (id: string | null): Promise<void> => {
    this.focusEstimate = id;
    await this.updateComplete;
    // The tab draws itself after the portal (estimates/estimates-tab.ts): Back is there once it has.
    await this.renderRoot.querySelector<ReactiveElement>('portico-estimates-tab')?.updateComplete;
    if (id !== null) this.renderRoot.querySelector<HTMLElement>('.back')?.focus();
  };

  /** Shows a ticket, the new-ticket form or the list in the Support tab; moves focus to Back when one opened. */
  #openTicket = async (view: string | null): Promise<void> => {
    this.focusTicket = view;
    if (view !== null) this.focusAfterUpdate('.back');
    await this.updateComplete;
  };

  #accountSaved = (account: AccountResponse): void => {
    this.#session.clientChanged({ name: account.name, locale: account.language }, account.contacts.find((contact) => contact.isYou)?.name);
  };

  #updateUnreadTickets = (count?: number): void => {
    if (count === undefined) this.#unreadTickets.refresh();
    else this.#unreadTickets.set(count);
  };

  #selectTab = (id: string, focus: boolean): void => {
    this._selectedTab = id;
    if (focus) this.focusAfterUpdate(`#tab-${CSS.escape(id)}`);
  };
}
