import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionResponse } from '@portico/wire';
import { PorticoApiError, PorticoClient } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import { takeCheckoutReturn } from '../pay-button/checkout-return.js';
import { emit } from '../shared/events.js';

/** The fragment a business's email link carries when it points at the host's own page. */
export const LINK_FRAGMENT_PARAM = 'portico-link';

/** Where the sign-in stands: finding out, a link to continue with, signed out (the email form), signed in. */
export type SessionView =
  | { kind: 'loading' }
  | { kind: 'continue'; token: string }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; session: SessionResponse };

/** The "email me a link" form. */
export type LinkFormState = 'idle' | 'sending' | 'sent';

export interface SessionMessage {
  tone: 'info' | 'error';
  text: string;
  /** Set when the message is about the email field (it then describes the input). */
  field?: 'email';
}

export type Brand = SessionResponse['business'];

/** Detail of `portico-signed-in`. */
export interface PorticoSignedInDetail {
  session: SessionResponse;
}

/** Detail of `portico-signed-out`: what ended the session. */
export interface PorticoSignedOutDetail {
  reason: 'sign-out' | 'sign-out-everywhere' | 'session-ended';
}

/** Detail of `portico-grant-refused`: the host's sign-in grant was spent, expired or not valid; the portal then looks for a session as usual. */
export interface PorticoGrantRefusedDetail {
  error: unknown;
}

/** The portal: where Portico is mounted is its `server` and `business`; `grant`, the host's sign-in grant, if any. */
export type PortalSessionHost = ReactiveControllerHost & HTMLElement & { server: string; business: string; grant: string | null };

export interface PortalSessionOptions {
  strings: () => Strings;
  /** Moves focus to this selector after the next update. */
  focus: (selector: string) => void;
  /** The link named an invoice, an estimate or a ticket (the portal puts it in front unless the page chose one). */
  linked: (target: { invoiceId?: string | null | undefined; estimateId?: string | null | undefined; ticketId?: string | null | undefined }) => void;
  /** A client's session is on screen (at sign-in, or found on load). */
  signedIn: (session: SessionResponse) => void;
  /** The session is gone (or there was none). */
  signedOut: () => void;
  /** Back from a payment that left the page: the invoice paid. */
  checkoutReturned: (invoiceId: string) => void;
}

/**
 * The portal's sign-in state machine, apart from its tabs and header: the
 * API client (rebuilt when `server` or `business` change), the session
 * found on load, a link token from the URL traded by "Continue" for a
 * bearer, the host's sign-in grant traded at once, "email me a link", sign out (here or everywhere), a session that
 * ends under the tabs (401), and the brand the server gave. Emits
 * `portico-signed-in` and `portico-signed-out` from the host.
 */
export class PortalSession implements ReactiveController {
  view: SessionView = { kind: 'loading' };
  formState: LinkFormState = 'idle';
  message: SessionMessage | null = null;
  busy = false;
  /** The business as the server last described it (stays after sign-out, for the header). */
  brand: Brand | null = null;

  readonly #host: PortalSessionHost;
  readonly #options: PortalSessionOptions;
  #client: PorticoClient | undefined;
  #clientFor = '';
  #generation = 0;
  /** The link token already traded for the bearer the client holds. */
  #redeemedToken: string | null = null;
  /** The host's grant last traded (or tried): each is single use. */
  #grantTried: string | null = null;

  constructor(host: PortalSessionHost, options: PortalSessionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The signed-in session, or `null`. */
  get session(): SessionResponse | null {
    return this.view.kind === 'signed-in' ? this.view.session : null;
  }

  /** The API client the portal and its tabs use. */
  get client(): PorticoClient {
    if (!this.#client) {
      const { server, business } = this.#host;
      this.#client = new PorticoClient({ server, business });
      this.#clientFor = this.#mountKey;
    }
    return this.#client;
  }

  get #mountKey(): string {
    return `${this.#host.server}\n${this.#host.business}`;
  }

  /**
   * At the first connection: a link token in the URL waits for "Continue"
   * (the client pressed an email's button), else the host's grant signs in at
   * once, else the session is asked for.
   */
  start(): void {
    const token = takeLinkTokenFromUrl();
    if (token) this.#set({ view: { kind: 'continue', token } });
    else if (this.#host.grant) void this.#signInWithGrant(this.#host.grant);
    else void this.#load();
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  hostUpdate(): void {
    if (this.#client && this.#clientFor !== this.#mountKey) {
      // Pointed somewhere else: start over, forgetting any token.
      this.#client.forget();
      this.#client = undefined;
      if (this.view.kind !== 'continue') void this.#load();
    }
    const { grant } = this.#host;
    // A new grant from the host (its user signed in again, or another user): trade it.
    if (grant && this.#grantTried !== null && grant !== this.#grantTried && this.view.kind !== 'continue') void this.#signInWithGrant(grant);
  }

  /**
   * The host's own signed-in user, as the contact its grant names: traded for
   * a bearer session with no click, since no mail scanner ever holds it. A
   * grant spent (a reload) or expired is reported, and the session looked
   * for as usual.
   */
  async #signInWithGrant(grant: string): Promise<void> {
    this.#grantTried = grant;
    const generation = ++this.#generation;
    this.#set({ view: { kind: 'loading' }, message: null });
    try {
      await this.client.redeemLink(grant);
      this.#redeemedToken = grant;
      const session = await this.client.session();
      if (generation !== this.#generation) return;
      if (session) this.#showSignedIn(session);
      else this.#showSignedOut({ tone: 'error', text: this.#options.strings().sessionEnded });
    } catch (error) {
      if (generation !== this.#generation) return;
      emit<PorticoGrantRefusedDetail>(this.#host, 'portico-grant-refused', { error });
      void this.#load();
    }
  }

  /** A link opened while the page is already open (same document, new fragment). */
  #onHashChange = (): void => {
    const token = takeLinkTokenFromUrl();
    if (!token) return;
    this.#generation++;
    this.#set({ message: null, view: { kind: 'continue', token } });
  };

  #set(change: Partial<Pick<PortalSession, 'view' | 'formState' | 'message' | 'busy' | 'brand'>>): void {
    Object.assign(this, change);
    this.#host.requestUpdate();
  }

  async #load(): Promise<void> {
    const generation = ++this.#generation;
    const client = this.client;
    if (client.mode === 'cookie' && client.crossOrigin) {
      // No cookie reaches another origin's portal: only a link can sign in here.
      this.#showSignedOut(null);
      return;
    }
    this.#set({ view: { kind: 'loading' } });
    try {
      const session = await client.session();
      if (generation !== this.#generation) return;
      if (session) this.#showSignedIn(session);
      else this.#showSignedOut(null);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#showSignedOut({ tone: 'error', text: this.errorText(error) });
    }
  }

  #showSignedIn(session: SessionResponse): void {
    this.#set({ view: { kind: 'signed-in', session }, brand: session.business, message: null });
    this.#options.signedIn(session);
    this.#checkoutReturn();
    emit<PorticoSignedInDetail>(this.#host, 'portico-signed-in', { session });
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
        if (generation !== this.#generation || this.view.kind !== 'signed-in') return;
        this.#options.checkoutReturned(status.invoiceId);
      },
      (error: unknown) => {
        if (generation !== this.#generation || this.view.kind !== 'signed-in') return;
        if (error instanceof PorticoApiError && error.status === 401) return this.sessionEnded();
        this.#set({ message: { tone: 'error', text: `${this.#options.strings().payReturnFailed} ${this.errorText(error)}` } });
      },
    );
  }

  /** The client changed its own details (the Account tab saved them): the header, the portal's language and its time zone follow at once. */
  clientChanged(client: Partial<SessionResponse['client']>, contactName?: string): void {
    if (this.view.kind !== 'signed-in') return;
    const { session } = this.view;
    const contact = session.contact && contactName !== undefined ? { ...session.contact, name: contactName } : session.contact;
    this.#set({ view: { kind: 'signed-in', session: { ...session, client: { ...session.client, ...client }, contact, timeZone: this.client.timeZone ?? session.timeZone } } });
  }

  /** A tab's request answered 401: the session ended (expired, or signed out elsewhere). */
  sessionEnded = (): void => {
    if (this.view.kind !== 'signed-in') return;
    this.#generation++;
    this.client.forget();
    this.#showSignedOut({ tone: 'info', text: this.#options.strings().sessionEnded }, 'session-ended');
  };

  #showSignedOut(message: SessionMessage | null, signedOut?: PorticoSignedOutDetail['reason']): void {
    const wasSignedIn = this.view.kind === 'signed-in';
    this.#options.signedOut();
    this.#set({ view: { kind: 'signed-out' }, formState: 'idle', message });
    if (wasSignedIn && signedOut) {
      emit<PorticoSignedOutDetail>(this.#host, 'portico-signed-out', { reason: signedOut });
    }
  }

  /** "Continue": trades the link's token for a session. */
  async continue(): Promise<void> {
    if (this.view.kind !== 'continue' || this.busy) return;
    const { token } = this.view;
    this.#set({ busy: true, message: null });
    try {
      // After a network error between the two steps the token is spent but the bearer is held: just load the session.
      if (this.#redeemedToken !== token || this.client.mode !== 'bearer') {
        const signedIn = await this.client.redeemLink(token);
        this.#redeemedToken = token;
        this.#options.linked(signedIn);
      }
      const session = await this.client.session();
      if (session) {
        this.#options.focus('[role="tab"][aria-selected="true"]');
        this.#showSignedIn(session);
      } else {
        this.#showSignedOut({ tone: 'error', text: this.#options.strings().sessionEnded });
      }
    } catch (error) {
      const code = error instanceof PorticoApiError ? error.code : '';
      if (code === 'network_error') {
        // The token is still good: let the client press Continue again.
        this.#set({ message: { tone: 'error', text: this.errorText(error) } });
      } else {
        this.#options.focus('#email');
        this.#showSignedOut({ tone: 'error', text: this.errorText(error) });
      }
    } finally {
      this.#set({ busy: false });
    }
  }

  /** "Email me a link", from the form's submit event. */
  async requestLink(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.formState === 'sending') return;
    const form = event.currentTarget as HTMLFormElement;
    const email = String(new FormData(form).get('email') ?? '').trim();
    if (email === '') {
      this.#set({ message: { tone: 'error', text: this.#options.strings().invalidEmail, field: 'email' } });
      this.#options.focus('#email');
      return;
    }
    this.#set({ formState: 'sending', message: null });
    try {
      await this.client.requestLink(email);
      this.#set({ formState: 'sent' });
      this.#options.focus('#sent-heading');
    } catch (error) {
      const aboutEmail = error instanceof PorticoApiError && (error.code === 'invalid_email' || error.field === 'email');
      this.#set({ formState: 'idle', message: { tone: 'error', text: this.errorText(error), ...(aboutEmail ? { field: 'email' as const } : {}) } });
      this.#options.focus('#email');
    }
  }

  /** "Send another link": the form again. */
  resetForm = (): void => {
    this.#set({ formState: 'idle', message: null });
    this.#options.focus('#email');
  };

  async signOut(everywhere: boolean): Promise<void> {
    if (this.busy) return;
    this.#set({ busy: true, message: null });
    this.#generation++;
    try {
      if (everywhere) await this.client.signOutEverywhere();
      else await this.client.signOut().catch(() => undefined); // forgotten here whatever the server says
      this.#options.focus('#email');
      this.#showSignedOut({ tone: 'info', text: this.#options.strings().signedOut }, everywhere ? 'sign-out-everywhere' : 'sign-out');
    } catch (error) {
      if (error instanceof PorticoApiError && error.status === 401) this.sessionEnded();
      else this.#set({ message: { tone: 'error', text: this.errorText(error) } });
    } finally {
      this.#set({ busy: false });
    }
  }

  errorText(error: unknown): string {
    const strings = this.#options.strings();
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
      case 'forbidden_origin':
        return error.expectedOrigin ? strings.wrongOrigin(error.expectedOrigin) : error.message;
      case 'rate_limited':
        return error.retryAfterSeconds === undefined ? error.message : strings.tooManyAttempts(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)));
      default:
        return error.message || strings.unknownError;
    }
  }
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
