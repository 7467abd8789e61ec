import type {
  AccountContactRequest,
  AccountContactUpdateRequest,
  AccountResponse,
  AccountUpdateRequest,
  AdminInvoiceListQuery,
  OpenTicketRequest,
  TicketListResponse,
  TicketMessageWire,
  TicketReplyRequest,
  TicketThreadResponse,
  AcceptEstimateRequest,
  CheckoutRequest,
  DeclineEstimateRequest,
  CheckoutResponse,
  CheckoutStatusResponse,
  ErrorBody,
  EstimateDetailResponse,
  EstimateListResponse,
  InvoiceDetailResponse,
  InvoiceListQuery,
  InvoiceListResponse,
  RequestLinkBody,
  SessionResponse,
  SignInBody,
  SignInResponse,
  StatementResponse,
} from '@portico/wire';
import { messagePayload } from './message-payload.js';
import { estimatePath, estimatePdfPath } from './estimate-paths.js';
import { receiptPdfPath, statementPdfPath, type StatementPeriod } from './ledger-paths.js';
import { ZipEntryCounter } from './zip-entry-counter.js';

/** What `downloadZip` fetches: the invoices matching a list query (its filters), or these ids. */
export type ZipSelection = Omit<InvoiceListQuery, 'cursor' | 'limit'> | { ids: readonly string[] };

/** Reported while a download streams in. */
export interface DownloadProgress {
  /** Bytes received so far. */
  bytes: number;
  /** From `Content-Length`, when the server sent one (a streamed ZIP usually has none). */
  totalBytes: number | null;
  /** PDFs seen so far in the ZIP (counted from its local file headers). */
  pdfs: number;
}

/** A finished download. */
export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition` when readable, else a sensible default. */
  filename: string;
  bytes: number;
  /** PDFs in the ZIP (0 for other files). */
  pdfs: number;
}

export interface RequestOptions {
  /** Aborting rejects with a `PorticoApiError` whose code is `aborted`. */
  signal?: AbortSignal;
}

/** A ticket message's options: the files it carries (sent as a multipart form). */
export interface MessageOptions extends RequestOptions {
  files?: readonly File[];
}

export interface DocumentOptions extends RequestOptions {
  /** Language of the PDFs (`en`, `de`, `it`, `ru`, `ja`, `ar`); the server's default when left out. */
  locale?: string;
}

export interface CheckoutOptions extends RequestOptions {
  /**
   * Where Stripe sends the client back to after a payment that leaves the
   * page (bank redirects); it must be a page on one of the business's
   * origins. Left out, the server uses the portal page.
   */
  returnUrl?: string;
}

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Who a request is sent as: the client's session (cookie or bearer), nobody, or the host app's own cookies (admin). */
type Auth = 'session' | 'none' | 'host';

/** How the client proves who it is: the same-origin session cookie, or a bearer token it holds in memory. */
export type PorticoAuthMode = 'cookie' | 'bearer';

export interface PorticoClientOptions {
  /** Where Portico is mounted: a path on this origin (`/portal`) or an absolute URL on another origin. */
  server: string;
  /** The business's slug. */
  business: string;
  /** The fetch to use; defaults to the global one, looked up at each call. */
  fetch?: typeof fetch;
}

/**
 * An error from the Portico API (`{ error: { code, message } }`), or a request
 * that never got an answer (`code: 'network_error'`, `status: 0`). `message`
 * is the server's own human message.
 */
export class PorticoApiError extends Error {
  override readonly name = 'PorticoApiError';
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** From `Retry-After` on a 429, when the browser lets us read it. */
  readonly retryAfterSeconds: number | undefined;
  /** On `forbidden_origin`: the origin the portal's pages are served from. */
  readonly expectedOrigin: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { field?: string; retryAfterSeconds?: number; expectedOrigin?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.expectedOrigin = options.expectedOrigin;
  }
}

/** `POST /auth/sign-out-everywhere` answers how many sessions it ended. */
export interface SignOutEverywhereResponse {
  sessionsEnded: number;
}

/**
 * A typed client for Portico's HTTP API, shared by every widget.
 *
 * Cookie mode (the default) sends `credentials: 'include'` and relies on the
 * `__Host-` session cookie of a same-origin mount. After
 * {@link PorticoClient.redeemLink} it switches to bearer mode and sends
 * `Authorization: Bearer …` with a token it keeps in this object only: never
 * in localStorage, sessionStorage or a cookie.
 */
export class PorticoClient {
  readonly server: string;
  readonly business: string;
  #fetch: typeof fetch | undefined;
  #bearer: string | undefined;
  /** The last `GET /api/session`, shared by every widget on this client (see {@link PorticoClient.currentSession}). */
  #session: Promise<SessionResponse | null> | undefined;
  #timeZone: string | undefined;

  constructor(options: PorticoClientOptions) {
    this.server = options.server.replace(/\/+$/, '');
    this.business = options.business;
    this.#fetch = options.fetch;
  }

  get mode(): PorticoAuthMode {
    return this.#bearer === undefined ? 'cookie' : 'bearer';
  }

  /**
   * True when the server is on another origin than the page. There a
   * session cookie cannot work, so only a redeemed link signs in.
   */
  get crossOrigin(): boolean {
    if (typeof location === 'undefined') return false;
    return new URL(this.server, location.href).origin !== location.origin;
  }

  /** `POST /auth/request-link/:business`: email a sign-in link. Answers the same for any address. */
  async requestLink(email: string): Promise<void> {
    const body: RequestLinkBody = { email };
    await this.#request(`/auth/request-link/${encodeURIComponent(this.business)}`, { method: 'POST', json: body, auth: false });
  }

  /** `POST /auth/sessions/:business`: trade a link's token for a bearer session, kept in memory. */
  async redeemLink(token: string): Promise<SignInResponse> {
    const body: SignInBody = { token };
    const signedIn = await this.#request<SignInResponse>(`/auth/sessions/${encodeURIComponent(this.business)}`, {
      method: 'POST',
      json: body,
      auth: false,
    });
    this.#bearer = signedIn.sessionToken;
    this.#session = undefined;
    return signedIn;
  }

  /** `GET /api/session`: who is signed in, or `null` when nobody is (401). */
  session(): Promise<SessionResponse | null> {
    const loading = this.#loadSession();
    this.#session = loading;
    // A failed look is not kept: the next currentSession() asks again.
    loading.catch(() => {
      if (this.#session === loading) this.#session = undefined;
    });
    return loading;
  }

  /**
   * The session as last loaded by {@link PorticoClient.session}, or loaded
   * now if it never was: the widgets sharing this client (every pay button
   * of a list, say) ask the server once between them.
   */
  currentSession(): Promise<SessionResponse | null> {
    return this.#session ?? this.session();
  }

  /**
   * The zone times are shown in (the session's `timeZone`), once a session
   * was loaded; `undefined` before, and the widgets use the browser's.
   */
  get timeZone(): string | undefined {
    return this.#timeZone;
  }

  async #loadSession(): Promise<SessionResponse | null> {
    try {
      const session = await this.#request<SessionResponse>('/api/session', { method: 'GET' });
      // A server from before time zones answers none.
      if (session.timeZone) this.#timeZone = session.timeZone;
      return session;
    } catch (error) {
      if (error instanceof PorticoApiError && error.status === 401) {
        this.#bearer = undefined;
        return null;
      }
      throw error;
    }
  }

  /** `POST /auth/sign-out`: end this session. The token is forgotten even if the request fails. */
  async signOut(): Promise<void> {
    try {
      await this.#request('/auth/sign-out', { method: 'POST' });
    } finally {
      this.#bearer = undefined;
      this.#session = undefined;
    }
  }

  /** `POST /auth/sign-out-everywhere`: end every session of the signed-in contact. */
  async signOutEverywhere(): Promise<SignOutEverywhereResponse> {
    const result = await this.#request<SignOutEverywhereResponse>('/auth/sign-out-everywhere', { method: 'POST' });
    this.#bearer = undefined;
    this.#session = undefined;
    return result;
  }

  // ---- billing (the client's side) ----

  /** `GET /api/statement`: paid to date, outstanding, overdue, aging and last payment, per currency. */
  statement(options: RequestOptions = {}): Promise<StatementResponse> {
    return this.#request<StatementResponse>('/api/statement', { method: 'GET', ...options });
  }

  /** `GET /api/invoices`: one page of the client's invoices, with counts per status. */
  listInvoices(query: InvoiceListQuery = {}, options: RequestOptions = {}): Promise<InvoiceListResponse> {
    return this.#request<InvoiceListResponse>(`/api/invoices${invoiceQueryString(query)}`, { method: 'GET', ...options });
  }

  /** `GET /api/invoices/:id`: everything the preview shows. */
  invoice(id: string, options: RequestOptions = {}): Promise<InvoiceDetailResponse> {
    return this.#request<InvoiceDetailResponse>(`/api/invoices/${encodeURIComponent(id)}`, { method: 'GET', ...options });
  }

  /**
   * Address of an invoice's PDF. A plain link to it works with the session
   * cookie; in bearer mode use {@link PorticoClient.downloadPdf}, which sends the token.
   */
  invoicePdfUrl(id: string, locale?: string): string {
    return `${this.server}${pdfPath(id, locale)}`;
  }

  /** `GET /api/invoices/:id/pdf` as a Blob, with the session's credentials. */
  downloadPdf(id: string, options: DocumentOptions = {}): Promise<DownloadedFile> {
    return this.#download(pdfPath(id, options.locale), `invoice-${safeFilePart(id)}.pdf`, undefined, options);
  }

  /** Address of the ZIP of a selection (the list's filters, or `{ ids }`). */
  invoiceZipUrl(selection: ZipSelection, locale?: string): string {
    return `${this.server}${zipPath(selection, locale)}`;
  }

  /**
   * `GET /api/invoices/download.zip`: streams the ZIP of PDFs (plus
   * `invoices.csv`), reporting bytes and PDFs as they arrive, and hands back
   * the whole file as a Blob.
   */
  downloadZip(selection: ZipSelection, onProgress?: (progress: DownloadProgress) => void, options: DocumentOptions = {}): Promise<DownloadedFile> {
    return this.#download(zipPath(selection, options.locale), 'invoices.zip', onProgress, options);
  }

  /** Address of one payment's receipt (a plain link works with the session cookie; in bearer mode use {@link PorticoClient.downloadReceipt}). */
  receiptPdfUrl(invoiceId: string, paymentId: string, locale?: string): string {
    return `${this.server}${withLocale(receiptPdfPath(invoiceId, paymentId), locale)}`;
  }

  /** `GET /api/invoices/:id/payments/:paymentId/receipt.pdf` as a Blob, with the session's credentials. */
  downloadReceipt(invoiceId: string, paymentId: string, options: DocumentOptions = {}): Promise<DownloadedFile> {
    return this.#download(withLocale(receiptPdfPath(invoiceId, paymentId), options.locale), `receipt-${safeFilePart(paymentId)}.pdf`, undefined, options);
  }

  /** Address of the statement of account for a period (a plain link works with the session cookie; in bearer mode use {@link PorticoClient.downloadStatement}). */
  statementPdfUrl(period: StatementPeriod = {}, locale?: string): string {
    return `${this.server}${withLocale(statementPdfPath(period), locale)}`;
  }

  /** `GET /api/statement.pdf?from=&to=` as a Blob, with the session's credentials. */
  downloadStatement(period: StatementPeriod = {}, options: DocumentOptions = {}): Promise<DownloadedFile> {
    return this.#download(withLocale(statementPdfPath(period), options.locale), 'statement.pdf', undefined, options);
  }

  // ---- estimates (the client's side) ----

  /** `GET /api/estimates`: every estimate sent to the client, newest first. */
  listEstimates(options: RequestOptions = {}): Promise<EstimateListResponse> {
    return this.#request<EstimateListResponse>('/api/estimates', { method: 'GET', ...options });
  }

  /** `GET /api/estimates/:id`: everything the preview shows, with `canRespond`. */
  estimate(id: string, options: RequestOptions = {}): Promise<EstimateDetailResponse> {
    return this.#request<EstimateDetailResponse>(estimatePath(id), { method: 'GET', ...options });
  }

  /**
   * `POST /api/estimates/:id/accept`: final. `name` is the client's typed
   * full name, `confirmed` the tick; answers the estimate as it now stands
   * (`invoiceId` set). Refused (`estimate_expired`, `estimate_not_acceptable`) with nothing changed.
   */
  acceptEstimate(id: string, body: AcceptEstimateRequest, options: RequestOptions = {}): Promise<EstimateDetailResponse> {
    return this.#request<EstimateDetailResponse>(`${estimatePath(id)}/accept`, { method: 'POST', json: body, ...options });
  }

  /** `POST /api/estimates/:id/decline` with an optional reason: final; answers the estimate as it now stands. */
  declineEstimate(id: string, body: DeclineEstimateRequest = {}, options: RequestOptions = {}): Promise<EstimateDetailResponse> {
    return this.#request<EstimateDetailResponse>(`${estimatePath(id)}/decline`, { method: 'POST', json: body, ...options });
  }

  /** Address of an estimate's PDF (a plain link works with the session cookie; in bearer mode use {@link PorticoClient.downloadEstimatePdf}). */
  estimatePdfUrl(id: string, locale?: string): string {
    return `${this.server}${withLocale(estimatePdfPath(id), locale)}`;
  }

  /** `GET /api/estimates/:id/pdf` as a Blob, with the session's credentials. */
  downloadEstimatePdf(id: string, options: DocumentOptions = {}): Promise<DownloadedFile> {
    return this.#download(withLocale(estimatePdfPath(id), options.locale), `estimate-${safeFilePart(id)}.pdf`, undefined, options);
  }

  /**
   * `GET /api/estimates/download.zip?ids=`: the ZIP of these estimates'
   * PDFs, streamed in with progress as {@link PorticoClient.downloadZip}'s.
   */
  downloadEstimatesZip(ids: readonly string[], onProgress?: (progress: DownloadProgress) => void, options: DocumentOptions = {}): Promise<DownloadedFile> {
    return this.#download(withLocale(`/api/estimates/download.zip?ids=${idList(ids)}`, options.locale), 'estimates.zip', onProgress, options);
  }

  // ---- paying online (Stripe embedded Checkout) ----

  /**
   * `POST /api/invoices/:id/checkout`: opens a Stripe Checkout Session for
   * what is still owed on the invoice (the server computes the amount) and
   * answers what Stripe.js needs to mount the form.
   */
  startCheckout(invoiceId: string, options: CheckoutOptions = {}): Promise<CheckoutResponse> {
    const body: CheckoutRequest = options.returnUrl === undefined ? {} : { returnUrl: options.returnUrl };
    return this.#request<CheckoutResponse>(`/api/invoices/${encodeURIComponent(invoiceId)}/checkout`, {
      method: 'POST',
      json: body,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /**
   * `GET /api/checkout/:sessionId`: how a checkout went. The server asks
   * Stripe and books the payment if it is paid, so the answer is current
   * even before Stripe's webhook arrives.
   */
  checkoutStatus(sessionId: string, options: RequestOptions = {}): Promise<CheckoutStatusResponse> {
    return this.#request<CheckoutStatusResponse>(`/api/checkout/${encodeURIComponent(sessionId)}`, { method: 'GET', ...options });
  }

  // ---- support tickets (the client's side) ----

  /** `GET /api/tickets`: the client's tickets, newest activity first, and how many are unread. */
  listTickets(options: RequestOptions = {}): Promise<TicketListResponse> {
    return this.#request<TicketListResponse>('/api/tickets', { method: 'GET', ...options });
  }

  /** `POST /api/tickets`: opens a ticket with its first message; answers the thread. */
  openTicket(body: OpenTicketRequest, { files, ...options }: MessageOptions = {}): Promise<TicketThreadResponse> {
    return this.#request<TicketThreadResponse>('/api/tickets', { method: 'POST', ...messagePayload(body, files), ...options });
  }

  /** `GET /api/tickets/:id`: the thread (no internal notes); marks it read for the client. */
  ticket(id: string, options: RequestOptions = {}): Promise<TicketThreadResponse> {
    return this.#request<TicketThreadResponse>(ticketPath('/api', id), { method: 'GET', ...options });
  }

  /** `POST /api/tickets/:id/messages`: the client's reply, with files if any (reopens a closed ticket). */
  replyToTicket(id: string, message: string, { files, ...options }: MessageOptions = {}): Promise<TicketMessageWire> {
    const body: TicketReplyRequest = { message };
    return this.#request<TicketMessageWire>(`${ticketPath('/api', id)}/messages`, { method: 'POST', ...messagePayload(body, files), ...options });
  }

  // ---- the client's own account ----

  /** `GET /api/account`: billing details, language, the company's contacts and the fields the business locked. */
  account(options: RequestOptions = {}): Promise<AccountResponse> {
    return this.#request<AccountResponse>('/api/account', { method: 'GET', ...options });
  }

  /** `PATCH /api/account`: billing details, the contact's own name, the language and time zone; answers the account as it now is (a new zone applies to the widgets at once). */
  async updateAccount(body: AccountUpdateRequest, options: RequestOptions = {}): Promise<AccountResponse> {
    const account = await this.#request<AccountResponse>('/api/account', { method: 'PATCH', json: body, ...options });
    // A server from before time zones answers none.
    if (account.businessTimeZone) this.#timeZone = account.timeZone ?? account.businessTimeZone;
    return account;
  }

  /** `POST /api/account/contacts`: a colleague; answers the account. */
  addAccountContact(body: AccountContactRequest, options: RequestOptions = {}): Promise<AccountResponse> {
    return this.#request<AccountResponse>('/api/account/contacts', { method: 'POST', json: body, ...options });
  }

  /** `PATCH /api/account/contacts/:id`: name, address, or whether invoices go to them; answers the account. */
  updateAccountContact(id: string, body: AccountContactUpdateRequest, options: RequestOptions = {}): Promise<AccountResponse> {
    return this.#request<AccountResponse>(`/api/account/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', json: body, ...options });
  }

  /** `DELETE /api/account/contacts/:id`: answers the account. */
  removeAccountContact(id: string, options: RequestOptions = {}): Promise<AccountResponse> {
    return this.#request<AccountResponse>(`/api/account/contacts/${encodeURIComponent(id)}`, { method: 'DELETE', ...options });
  }

  /** Address of an attachment (its wire `url` is relative to the server's base path). */
  attachmentUrl(url: string): string {
    return `${this.server}${url}`;
  }

  /** An attachment as a Blob, with the session's credentials (what bearer mode needs: a plain link carries no token). */
  downloadAttachment(attachment: { url: string; filename: string }, options: RequestOptions = {}): Promise<DownloadedFile> {
    return this.#download(attachment.url, attachment.filename, undefined, options);
  }

  /** Forget the bearer token (and the session loaded with it) without telling the server. */
  forget(): void {
    this.#bearer = undefined;
    this.#session = undefined;
  }

  /**
   * For `PorticoAdminClient`: a request to the business's side (`/admin/*`),
   * sent with the host app's own cookies, never the client's token.
   */
  protected hostRequest<T = unknown>(path: string, options: { method: HttpMethod; json?: unknown; form?: FormData; signal?: AbortSignal }): Promise<T> {
    return this.#request<T>(path, { ...options, auth: 'host' });
  }

  #init(method: HttpMethod, auth: Auth, accept: string, signal: AbortSignal | undefined): RequestInit & { headers: Record<string, string> } {
    const headers: Record<string, string> = { accept };
    const init: RequestInit & { headers: Record<string, string> } = { method, headers, cache: 'no-store' };
    if (signal) init.signal = signal;
    if (auth === 'host') init.credentials = 'include';
    else if (auth === 'session') {
      if (this.#bearer !== undefined) headers['authorization'] = `Bearer ${this.#bearer}`;
      else init.credentials = 'include';
    }
    return init;
  }

  async #send(path: string, init: RequestInit): Promise<Response> {
    const doFetch = this.#fetch ?? globalThis.fetch;
    try {
      return await doFetch(`${this.server}${path}`, init);
    } catch (cause) {
      throw transportError(cause, init.signal);
    }
  }

  async #request<T = unknown>(
    path: string,
    options: { method: HttpMethod; json?: unknown; form?: FormData; auth?: Auth | false; signal?: AbortSignal },
  ): Promise<T> {
    const auth: Auth = options.auth === false ? 'none' : (options.auth ?? 'session');
    const init = this.#init(options.method, auth, 'application/json', options.signal);
    if (options.json !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      init.body = options.form;
    }
    const response = await this.#send(path, init);
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      if (options.signal?.aborted) throw transportError(cause, options.signal);
      text = '';
    }
    const body = parseJson(text);
    if (!response.ok) throw apiError(response, body);
    return body as T;
  }

  async #download(
    path: string,
    fallbackName: string,
    onProgress: ((progress: DownloadProgress) => void) | undefined,
    options: RequestOptions,
  ): Promise<DownloadedFile> {
    const init = this.#init('GET', 'session', '*/*', options.signal);
    const response = await this.#send(path, init);
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw apiError(response, parseJson(text));
    }
    const length = Number(response.headers.get('content-length'));
    const totalBytes = Number.isFinite(length) && length > 0 ? length : null;
    const type = response.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream';
    const filename = filenameFrom(response.headers.get('content-disposition')) ?? fallbackName;
    const counter = new ZipEntryCounter();
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    onProgress?.({ bytes, totalBytes, pdfs: 0 });
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          bytes += value.byteLength;
          counter.push(value);
          onProgress?.({ bytes, totalBytes, pdfs: counter.count });
        }
      } catch (cause) {
        throw transportError(cause, options.signal);
      } finally {
        reader.releaseLock();
      }
    }
    return { blob: new Blob(chunks as BlobPart[], { type }), filename, bytes, pdfs: counter.count };
  }
}

/**
 * The query string of a list request (`?status=sent,overdue&sort=dueDate&…`),
 * empty when there is nothing to send. Empty filters are left out.
 */
export function invoiceQueryString(query: AdminInvoiceListQuery): string {
  const params = new URLSearchParams();
  if (query.status && query.status.length > 0) params.set('status', query.status.join(','));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  const q = query.q?.trim();
  if (q) params.set('q', q);
  if (query.clientId) params.set('clientId', query.clientId);
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.cursor) params.set('cursor', query.cursor);
  const text = params.toString().replace(/%2C/gi, ',');
  return text === '' ? '' : `?${text}`;
}

function withLocale(path: string, locale: string | undefined): string {
  if (!locale) return path;
  return `${path}${path.includes('?') ? '&' : '?'}locale=${encodeURIComponent(locale)}`;
}

/** `a,b%2Cc`: ids for `?ids=`, each escaped, commas between. */
function idList(ids: readonly string[]): string {
  return ids.map((id) => encodeURIComponent(id)).join(',');
}

function pdfPath(id: string, locale: string | undefined): string {
  return withLocale(`/api/invoices/${encodeURIComponent(id)}/pdf`, locale);
}

function zipPath(selection: ZipSelection, locale: string | undefined): string {
  if ('ids' in selection) return withLocale(`/api/invoices/download.zip?ids=${idList(selection.ids)}`, locale);
  const { status, from, to, q, sort, order } = selection as InvoiceListQuery;
  return withLocale(`/api/invoices/download.zip${invoiceQueryString({ status, from, to, q, sort, order })}`, locale);
}

/** A ticket's address on the client's side (`/api`) or the business's (`/admin`). */
export function ticketPath(base: '/api' | '/admin', id: string): string {
  return `${base}/tickets/${encodeURIComponent(id)}`;
}

function safeFilePart(text: string): string {
  return text.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'file';
}

/** The file name in a `Content-Disposition` header (`filename*=UTF-8''…` preferred), without any path. */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  let name: string | undefined;
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(header)?.[1];
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : null;
}

/** A fetch that failed: aborted by the caller, or no answer at all. */
function transportError(cause: unknown, signal: AbortSignal | null | undefined): PorticoApiError {
  if (signal?.aborted) return new PorticoApiError(0, 'aborted', 'The request was cancelled.', { cause });
  return new PorticoApiError(0, 'network_error', 'The portal could not be reached.', { cause });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

function apiError(response: Response, body: unknown): PorticoApiError {
  const retryAfter = Number(response.headers.get('retry-after'));
  const options = Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {};
  if (isErrorBody(body)) {
    const { code, message, field, expectedOrigin } = body.error;
    return new PorticoApiError(response.status, String(code), message, {
      ...options,
      ...(field === undefined ? {} : { field }),
      ...(typeof expectedOrigin === 'string' ? { expectedOrigin } : {}),
    });
  }
  return new PorticoApiError(response.status, 'http_error', `The portal answered ${response.status} ${response.statusText}`.trim() + '.', options);
}
