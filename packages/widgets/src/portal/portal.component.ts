import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { SessionResponse } from '@portico/wire';
import { PorticoApiError, PorticoClient } from '../client/portico-client.js';
import { defaultLocale, intlLocale, resolveLocale, stringsFor, textDirection, type Locale, type Strings } from '../i18n/index.js';
import { takeCheckoutReturn } from '../pay-button/checkout-return.js';
import { isHexColor, readableTextColor } from '../shared/color.js';
import { PorticoThemedElement } from '../shared/themed-element.js';
import { portalTabs, type PortalTab, type PortalTabContext } from './portal-tabs.js';
import { portalStyles } from './portal.styles.js';
import { UnreadTicketsCounter } from './unread-tickets.js';

/** The fragment a business's email link carries when it points at the host's own page. */
export const LINK_FRAGMENT_PARAM = 'portico-link';

type View =
  | { kind: 'loading' }
  | { kind: 'continue'; token: string }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; session: SessionResponse };

type FormState = 'idle' | 'sending' | 'sent';

interface Message {
  tone: 'info' | 'error';
  text: string;
  /** Set when the message is about the email field (it then describes the input). */
  field?: 'email';
}

type Brand = SessionResponse['business'];

/** Detail of `portico-signed-in`. */
export interface PorticoSignedInDetail {
  session: SessionResponse;
}

/** Detail of `portico-signed-out`: what ended the session. */
export interface PorticoSignedOutDetail {
  reason: 'sign-out' | 'sign-out-everywhere' | 'session-ended';
}

/**
 * The whole client portal: sign-in by emailed link, then the client's
 * account under a branded header with tabs.
 *
 * Same-origin mounts sign in with the session cookie the link sets. On a
 * page of another origin, the business's emails link to that page with
 * `#portico-link=<token>`: the portal removes the fragment from the address
 * bar at once, and its "Continue" button trades the token for a bearer
 * token it holds in memory only.
 *
 * @summary Client portal: sign-in, branded header and tabs.
 *
 * @event portico-signed-in - A session is loaded (after sign-in, or found on load). `detail: { session }`.
 * @event portico-signed-out - A session ended: signed out, signed out everywhere, or expired. `detail: { reason }`.
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
 * @csspart back-button - "Back to invoices" above an open invoice.
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
    focusInvoice: { type: String, attribute: 'focus-invoice' },
    focusTicket: { type: String, attribute: 'focus-ticket' },
    ticketsPollInterval: { type: Number, attribute: 'tickets-poll-interval' },
    tabs: { attribute: false },
    _langAttribute: { type: String, attribute: 'lang' },
    _view: { state: true },
    _formState: { state: true },
    _message: { state: true },
    _busy: { state: true },
    _selectedTab: { state: true },
    _brand: { state: true },
  };

  /** Where Portico is mounted: a path on this origin (`/portal`) or a URL on another origin. */
  server: string = '';
  /** The business's slug. */
  business: string = '';
  /** The business's name, shown before anyone signs in (after, the server's is used). */
  businessName: string | null = null;
  /**
   * The invoice in front on the Invoices tab: from `?invoice=<id>` in the page
   * URL or the sign-in link at first, then the one the client opened; `null`
   * shows the statement and list. Setting it opens that invoice.
   */
  focusInvoice: string | null = null;
  /**
   * What the Support tab shows: a ticket's id (from `?ticket=<id>` in the
   * page URL at first, as ticket emails link), `'new'` for the new-ticket
   * form, or `null` for the list. Setting it selects the tab.
   */
  focusTicket: string | null = null;
  /** Milliseconds between counts of unread tickets (the Support tab's badge) while another tab is open and the page visible; 0 turns it off. */
  ticketsPollInterval: number = 30_000;
  /** The tabs shown when signed in, in order. */
  tabs: readonly PortalTab[] = portalTabs;

  /** @internal mirrors the `lang` attribute so a change re-renders. */
  _langAttribute: string | null = null;
  private _view: View = { kind: 'loading' };
  private _formState: FormState = 'idle';
  private _message: Message | null = null;
  private _busy: boolean = false;
  private _selectedTab: string | null = null;
  private _brand: Brand | null = null;

  #client: PorticoClient | undefined;
  #clientFor = '';
  #started = false;
  #generation = 0;
  #focusAfterUpdate: string | null = null;
  readonly #unreadTickets = new UnreadTicketsCounter(this, () => this.client, () => this.ticketsPollInterval);
  /** The link token already traded for the bearer the client holds. */
  #redeemedToken: string | null = null;

  /** The signed-in session, or `null`. */
  get session(): SessionResponse | null {
    return this._view.kind === 'signed-in' ? this._view.session : null;
  }

  /** The API client the portal and its tabs use (rebuilt when `server` or `business` change). */
  get client(): PorticoClient {
    if (!this.#client) {
      this.#client = new PorticoClient({ server: this.server, business: this.business });
      this.#clientFor = this.#clientKey;
    }
    return this.#client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    if (this.#started) return;
    this.#started = true;
    const token = takeLinkTokenFromUrl();
    const params = new URL(location.href).searchParams;
    if (this.focusInvoice === null) this.focusInvoice = params.get('invoice');
    // Ticket emails link to the portal with ?ticket=<id>.
    if (this.focusTicket === null) this.focusTicket = params.get('ticket');
    if (token) this._view = { kind: 'continue', token };
    else void this.#loadSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  /** A link opened while the page is already open (same document, new fragment). */
  #onHashChange = (): void => {
    const token = takeLinkTokenFromUrl();
    if (!token) return;
    this.#generation++;
    this._message = null;
    this._view = { kind: 'continue', token };
  };

  get #clientKey(): string {
    return `${this.server}\n${this.business}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // An invoice put in front (by the page, or the sign-in link) shows on the Invoices tab.
    if (changed.has('focusInvoice') && this.focusInvoice && this.tabs.some((tab) => tab.id === 'invoices')) this._selectedTab = 'invoices';
    if (changed.has('focusTicket') && this.focusTicket && this.tabs.some((tab) => tab.id === 'support')) this._selectedTab = 'support';
    // The Support tab's own list counts while it is open.
    this.#unreadTickets.polling(this._view.kind === 'signed-in' && this._selectedTab !== 'support');
    if ((changed.has('server') || changed.has('business')) && this.#client && this.#clientFor !== this.#clientKey) {
      // Pointed somewhere else: start over, forgetting any token.
      this.#client.forget();
      this.#client = undefined;
      if (this._view.kind !== 'continue') void this.#loadSession();
    }
  }

  protected override updated(): void {
    if (this.#focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate);
      this.#focusAfterUpdate = null;
      target?.focus();
    }
  }

  // ---- flows ----

  async #loadSession(): Promise<void> {
    const generation = ++this.#generation;
    const client = this.client;
    if (client.mode === 'cookie' && client.crossOrigin) {
      // No cookie reaches another origin's portal: only a link can sign in here.
      this.#showSignedOut(null);
      return;
    }
    this._view = { kind: 'loading' };
    try {
      const session = await client.session();
      if (generation !== this.#generation) return;
      if (session) this.#showSignedIn(session);
      else this.#showSignedOut(null);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#showSignedOut({ tone: 'error', text: this.#errorText(error) });
    }
  }

  #showSignedIn(session: SessionResponse): void {
    this._view = { kind: 'signed-in', session };
    this._brand = session.business;
    this._message = null;
    if (!this.tabs.some((tab) => tab.id === this._selectedTab)) this._selectedTab = this.tabs[0]?.id ?? null;
    if (this.tabs.some((tab) => tab.badge)) this.#unreadTickets.start(this._selectedTab !== 'support');
    this.#checkoutReturn();
    this.dispatchEvent(
      new CustomEvent<PorticoSignedInDetail>('portico-signed-in', { detail: { session }, bubbles: true, composed: true }),
    );
  }

  /**
   * Back from a payment that left the page (`?portico_checkout=<session>`):
   * the portal takes the parameter before any pay button does, asks the
   * server once, and opens that invoice, whose pay button shows how it went.
   */
  #checkoutReturn(): void {
    const found = takeCheckoutReturn(this.client);
    if (!found?.claimed) return;
    const generation = this.#generation;
    found.taken.result.then(
      (status) => {
        if (generation !== this.#generation || this._view.kind !== 'signed-in') return;
        this.focusInvoice = status.invoiceId;
      },
      (error: unknown) => {
        if (generation !== this.#generation || this._view.kind !== 'signed-in') return;
        if (error instanceof PorticoApiError && error.status === 401) return this.#sessionEnded();
        this._message = { tone: 'error', text: `${this.#strings.payReturnFailed} ${this.#errorText(error)}` };
      },
    );
  }

  /** A tab's request answered 401: the session ended (expired, or signed out elsewhere). */
  #sessionEnded = (): void => {
    if (this._view.kind !== 'signed-in') return;
    this.#generation++;
    this.client.forget();
    this.#showSignedOut({ tone: 'info', text: this.#strings.sessionEnded }, 'session-ended');
  };

  #showSignedOut(message: Message | null, signedOut?: PorticoSignedOutDetail['reason']): void {
    const wasSignedIn = this._view.kind === 'signed-in';
    this.#unreadTickets.stop();
    this._view = { kind: 'signed-out' };
    this._formState = 'idle';
    this._message = message;
    if (wasSignedIn && signedOut) {
      this.dispatchEvent(
        new CustomEvent<PorticoSignedOutDetail>('portico-signed-out', { detail: { reason: signedOut }, bubbles: true, composed: true }),
      );
    }
  }

  async #continue(): Promise<void> {
    if (this._view.kind !== 'continue' || this._busy) return;
    const { token } = this._view;
    this._busy = true;
    this._message = null;
    try {
      // After a network error between the two steps the token is spent but the bearer is held: just load the session.
      if (this.#redeemedToken !== token || this.client.mode !== 'bearer') {
        const signedIn = await this.client.redeemLink(token);
        this.#redeemedToken = token;
        if (this.focusInvoice === null && signedIn.invoiceId) this.focusInvoice = signedIn.invoiceId;
        // A ticket email's link names its ticket (a server from before ticket links answers no ticketId).
        if (this.focusTicket === null && signedIn.ticketId) this.focusTicket = signedIn.ticketId;
      }
      const session = await this.client.session();
      if (session) {
        this.#focusAfterUpdate = '[role="tab"][aria-selected="true"]';
        this.#showSignedIn(session);
      } else {
        this.#showSignedOut({ tone: 'error', text: this.#strings.sessionEnded });
      }
    } catch (error) {
      const code = error instanceof PorticoApiError ? error.code : '';
      if (code === 'network_error') {
        // The token is still good: let the client press Continue again.
        this._message = { tone: 'error', text: this.#errorText(error) };
      } else {
        this.#focusAfterUpdate = '#email';
        this.#showSignedOut({ tone: 'error', text: this.#errorText(error) });
      }
    } finally {
      this._busy = false;
    }
  }

  async #requestLink(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._formState === 'sending') return;
    const form = event.currentTarget as HTMLFormElement;
    const email = String(new FormData(form).get('email') ?? '').trim();
    if (email === '') {
      this._message = { tone: 'error', text: this.#strings.invalidEmail, field: 'email' };
      this.#focusAfterUpdate = '#email';
      return;
    }
    this._formState = 'sending';
    this._message = null;
    try {
      await this.client.requestLink(email);
      this._formState = 'sent';
      this.#focusAfterUpdate = '#sent-heading';
    } catch (error) {
      this._formState = 'idle';
      const aboutEmail = error instanceof PorticoApiError && (error.code === 'invalid_email' || error.field === 'email');
      this._message = { tone: 'error', text: this.#errorText(error), ...(aboutEmail ? { field: 'email' as const } : {}) };
      this.#focusAfterUpdate = '#email';
    }
  }

  async #signOut(everywhere: boolean): Promise<void> {
    if (this._busy) return;
    this._busy = true;
    this._message = null;
    this.#generation++;
    try {
      if (everywhere) {
        await this.client.signOutEverywhere();
        this.#focusAfterUpdate = '#email';
        this.#showSignedOut({ tone: 'info', text: this.#strings.signedOut }, 'sign-out-everywhere');
      } else {
        await this.client.signOut().catch(() => undefined); // forgotten here whatever the server says
        this.#focusAfterUpdate = '#email';
        this.#showSignedOut({ tone: 'info', text: this.#strings.signedOut }, 'sign-out');
      }
    } catch (error) {
      if (error instanceof PorticoApiError && error.status === 401) {
        this.#sessionEnded();
      } else {
        this._message = { tone: 'error', text: this.#errorText(error) };
      }
    } finally {
      this._busy = false;
    }
  }

  #errorText(error: unknown): string {
    const strings = this.#strings;
    if (!(error instanceof PorticoApiError)) return strings.unknownError;
    switch (error.code) {
      case 'network_error':
        return strings.networkError;
      case 'invalid_email':
        return strings.invalidEmail;
      case 'link_expired':
        return strings.linkExpired;
      case 'link_invalid':
        return strings.linkInvalid;
      case 'rate_limited':
        return error.retryAfterSeconds === undefined ? error.message : strings.tooManyAttempts(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)));
      default:
        return error.message || strings.unknownError;
    }
  }

  // ---- language ----

  /** The language asked for: this element's `lang`, else the nearest ancestor's (the page's). */
  get #requestedLanguage(): string {
    // Without a language on the element or the page: the signed-in client's, else the business's.
    return this._langAttribute || this.closest('[lang]')?.getAttribute('lang') || this.session?.client.locale || this._brand?.locale || defaultLocale;
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
    const brand = this._brand;
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
        aria-busy=${this._view.kind === 'loading' ? 'true' : 'false'}
      >
        ${this.#renderView(strings, name)}
      </section>
    `;
  }

  #renderView(strings: Strings, name: string | null): TemplateResult {
    switch (this._view.kind) {
      case 'loading':
        return html`${this.#renderBrandHeader(name)}
          <div part="panel" class="panel"><p class="loading" role="status">${strings.loading}</p></div>`;
      case 'continue':
        return this.#renderContinue(strings, name);
      case 'signed-out':
        return this.#renderSignedOut(strings, name);
      case 'signed-in':
        return this.#renderSignedIn(strings, this._view.session);
    }
  }

  #renderBrandHeader(name: string | null, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const logo = this._brand?.logoUrl;
    return html`
      <header part="header" class="header">
        <div part="brand" class="brand">
          ${logo ? html`<img part="logo" class="logo" src=${logo} alt="" />` : nothing}
          <span class="business-name">${name ?? this.#strings.portalTitle}</span>
        </div>
        ${extra}
      </header>
    `;
  }

  #renderMessage(): TemplateResult | typeof nothing {
    const message = this._message;
    if (!message) return nothing;
    return html`<p id="message" part="message" class="message ${message.tone}" role=${message.tone === 'error' ? 'alert' : 'status'}>
      ${message.text}
    </p>`;
  }

  #renderContinue(strings: Strings, name: string | null): TemplateResult {
    return html`${this.#renderBrandHeader(name)}
      <div part="panel" class="panel narrow">
        <h2 class="panel-heading">${strings.continueHeading}</h2>
        <p>${strings.continueBody}</p>
        <button part="button button-primary" class="primary" type="button" ?disabled=${this._busy} @click=${() => void this.#continue()}>
          ${this._busy ? strings.signingIn : strings.continueButton}
        </button>
        ${this.#renderMessage()}
      </div>`;
  }

  #renderSignedOut(strings: Strings, name: string | null): TemplateResult {
    if (this._formState === 'sent') {
      return html`${this.#renderBrandHeader(name)}
        <div part="panel" class="panel narrow">
          <div part="message" class="message sent" role="status">
            <h2 id="sent-heading" class="panel-heading" tabindex="-1">${strings.linkSentHeading}</h2>
            <p>${strings.linkSentBody}</p>
          </div>
          <button part="button" type="button" @click=${this.#resetForm}>${strings.sendAnotherLink}</button>
        </div>`;
    }
    const sending = this._formState === 'sending';
    const invalid = this._message?.field === 'email';
    return html`${this.#renderBrandHeader(name)}
      <div part="panel" class="panel narrow">
        <h2 class="panel-heading">${strings.signInHeading(name ?? strings.portalTitle)}</h2>
        ${this.#renderMessage()}
        <p>${strings.signInIntro}</p>
        <form part="form" class="form" novalidate @submit=${(event: SubmitEvent) => void this.#requestLink(event)}>
          <label part="label" for="email">${strings.emailLabel}</label>
          <input
            part="input"
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            inputmode="email"
            spellcheck="false"
            required
            placeholder=${strings.emailPlaceholder}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${ifDefined(invalid ? 'message' : undefined)}
            ?disabled=${sending}
          />
          <button part="button button-primary" class="primary" type="submit" ?disabled=${sending}>
            ${sending ? strings.requestingLink : strings.requestLinkButton}
          </button>
        </form>
      </div>`;
  }

  #resetForm = (): void => {
    this._formState = 'idle';
    this._message = null;
    this.#focusAfterUpdate = '#email';
  };

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
      focusTicket: this.focusTicket,
      openTicket: this.#openTicket,
      unreadTickets: this.#unreadTickets.count,
      updateUnreadTickets: this.#updateUnreadTickets,
      sessionEnded: this.#sessionEnded,
    };
    const who = session.contact;
    const actions = html`
      <div part="account-summary" class="who">
        <span class="who-name">${who ? who.name : session.client.name}</span>
        ${who ? html`<span class="who-email">${who.email}</span>` : nothing}
        ${who ? html`<span class="who-client">${session.client.name}</span>` : nothing}
      </div>
      <div class="actions">
        <button part="button" type="button" ?disabled=${this._busy} @click=${() => void this.#signOut(false)}>${strings.signOut}</button>
        <button part="button" type="button" ?disabled=${this._busy} @click=${() => void this.#signOut(true)}>${strings.signOutEverywhere}</button>
      </div>
    `;
    return html`${this.#renderBrandHeader(session.business.name, actions)} ${this.#renderMessage()}
      <div part="tabs" class="tabs" role="tablist" aria-label=${strings.tabsLabel} @keydown=${this.#onTabKeydown}>
        ${tabs.map((tab) => {
          const isSelected = tab === selected;
          const badge = tab.badge?.(context) ?? 0;
          return html`<button
            part=${isSelected ? 'tab tab-selected' : 'tab'}
            class="tab"
            type="button"
            role="tab"
            id="tab-${tab.id}"
            data-tab=${tab.id}
            aria-selected=${isSelected ? 'true' : 'false'}
            aria-controls="panel-${tab.id}"
            tabindex=${isSelected ? '0' : '-1'}
            @click=${() => this.#selectTab(tab.id, false)}
          >
            ${tab.label(strings)}
            ${badge > 0
              ? html`<span part="tab-badge" class="badge tab-badge"
                  ><span aria-hidden="true">${new Intl.NumberFormat(context.locale).format(badge)}</span
                  ><span class="visually-hidden">${strings.unreadCount(badge)}</span></span
                >`
              : nothing}
          </button>`;
        })}
      </div>
      ${selected
        ? html`<div part="panel" class="panel" role="tabpanel" id="panel-${selected.id}" aria-labelledby="tab-${selected.id}" tabindex="0">
            ${selected.render(context)}
          </div>`
        : nothing}`;
  }

  /** Puts an invoice in front (or none), then moves focus to the Back button when one opened. */
  #openInvoice = async (id: string | null): Promise<void> => {
    this.focusInvoice = id;
    if (id !== null) this.#focusAfterUpdate = '.back';
    await this.updateComplete;
  };

  /** Shows a ticket, the new-ticket form or the list in the Support tab; moves focus to Back when one opened. */
  #openTicket = async (view: string | null): Promise<void> => {
    this.focusTicket = view;
    if (view !== null) this.#focusAfterUpdate = '.back';
    await this.updateComplete;
  };

  #updateUnreadTickets = (count?: number): void => {
    if (count === undefined) this.#unreadTickets.refresh();
    else this.#unreadTickets.set(count);
  };

  #selectTab(id: string, focus: boolean): void {
    this._selectedTab = id;
    if (focus) this.#focusAfterUpdate = `#tab-${CSS.escape(id)}`;
  }

  #onTabKeydown = (event: KeyboardEvent): void => {
    const tabs = this.tabs;
    if (tabs.length === 0) return;
    const current = Math.max(
      0,
      tabs.findIndex((tab) => tab.id === this._selectedTab),
    );
    const rtl = textDirection(this.#requestedLanguage) === 'rtl';
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = current + (rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        next = current + (rtl ? 1 : -1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tabs.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    this.#selectTab(tab.id, true);
  };
}

/**
 * Reads `#portico-link=<token>` from the page URL and removes it from the
 * address bar (and history) at once, so the token is not bookmarked, shared
 * or sent on as a referrer.
 */
function takeLinkTokenFromUrl(): string | null {
  if (!location.hash.includes(`${LINK_FRAGMENT_PARAM}=`)) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get(LINK_FRAGMENT_PARAM);
  params.delete(LINK_FRAGMENT_PARAM);
  const url = new URL(location.href);
  url.hash = params.toString();
  history.replaceState(history.state, '', url.href);
  return token || null;
}
