import type { ErrorBody, RequestLinkBody, SessionResponse, SignInBody, SignInResponse } from '@portico/server/wire';

export type { SessionResponse, SignInResponse } from '@portico/server/wire';

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

  constructor(status: number, code: string, message: string, options: { field?: string; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
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
    return signedIn;
  }

  /** `GET /api/session`: who is signed in, or `null` when nobody is (401). */
  async session(): Promise<SessionResponse | null> {
    try {
      return await this.#request<SessionResponse>('/api/session', { method: 'GET' });
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
    }
  }

  /** `POST /auth/sign-out-everywhere`: end every session of the signed-in contact. */
  async signOutEverywhere(): Promise<SignOutEverywhereResponse> {
    const result = await this.#request<SignOutEverywhereResponse>('/auth/sign-out-everywhere', { method: 'POST' });
    this.#bearer = undefined;
    return result;
  }

  /** Forget the bearer token without telling the server. */
  forget(): void {
    this.#bearer = undefined;
  }

  async #request<T = unknown>(path: string, options: { method: 'GET' | 'POST'; json?: unknown; auth?: boolean }): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = { method: options.method, headers, cache: 'no-store' };
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.json);
    }
    if (options.auth !== false) {
      if (this.#bearer !== undefined) headers['authorization'] = `Bearer ${this.#bearer}`;
      else init.credentials = 'include';
    }
    const doFetch = this.#fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(`${this.server}${path}`, init);
    } catch (cause) {
      throw new PorticoApiError(0, 'network_error', 'The portal could not be reached.', { cause });
    }
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    if (!response.ok) throw apiError(response, body);
    return body as T;
  }
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
    const { code, message, field } = body.error;
    return new PorticoApiError(response.status, String(code), message, field === undefined ? options : { ...options, field });
  }
  return new PorticoApiError(response.status, 'http_error', `The portal answered ${response.status} ${response.statusText}`.trim() + '.', options);
}
