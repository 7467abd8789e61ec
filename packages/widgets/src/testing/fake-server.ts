import type { SessionResponse } from '@portico/server/wire';

/** One request the widget made, as the fake server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, relative to the page's origin (`/portal/api/session`) or the full URL for another origin. */
  url: string;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

/**
 * A tiny stand-in for the Portico server: replaces `fetch`, records every
 * request and answers with JSON. Routes are matched on `METHOD path`.
 */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  #routes = new Map<string, Handler>();
  #original: typeof fetch | undefined;

  constructor(readonly base: string = '/portal') {}

  on(method: string, path: string, handler: Handler | FakeResponse): this {
    this.#routes.set(`${method} ${this.base}${path}`, typeof handler === 'function' ? handler : () => handler);
    return this;
  }

  /** Makes the next matching requests fail as a network error would. */
  offline(method: string, path: string): this {
    return this.on(method, path, () => {
      throw new TypeError('Failed to fetch');
    });
  }

  install(): this {
    this.#original = globalThis.fetch;
    globalThis.fetch = this.#fetch;
    return this;
  }

  restore(): void {
    if (this.#original) globalThis.fetch = this.#original;
  }

  /** Requests to a path (without the base), in order. */
  to(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.url === `${this.base}${path}`);
  }

  #fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const resolved = new URL(raw, location.href);
    const url = resolved.origin === location.origin ? resolved.pathname + resolved.search : resolved.href;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      url,
      headers,
      credentials: init.credentials,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : init.body,
    };
    this.requests.push(request);
    const handler = this.#routes.get(`${request.method} ${url}`);
    const answer = handler ? await handler(request) : { status: 404, body: { error: { code: 'not_found', message: 'No such route.' } } };
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : body, {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
}

/** A session like `GET /api/session` answers. */
export function sessionFixture(overrides: Partial<SessionResponse> = {}): SessionResponse {
  return {
    business: { slug: 'harbor-pine', name: 'Harbor & Pine Studio', brandColor: '#0f766e', logoUrl: null, locale: 'en' },
    client: { id: 'cli_1', name: 'Globex Corporation', locale: null },
    contact: { id: 'con_1', name: 'Ann Archer', email: 'ann@globex.test' },
    expiresAt: '2031-03-04T15:30:00.000Z',
    ...overrides,
  };
}

export const unauthenticated: FakeResponse = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'You are not signed in, or your session has ended.' } },
};
