import type {
  AdminInvoiceListItem,
  InvoiceDetailResponse,
  InvoiceDisplayStatusWire,
  InvoiceListItem,
  InvoiceStatusFilterWire,
  SessionResponse,
  StatementResponse,
} from '@portico/wire';

/** One request the widget made, as the fake server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, relative to the page's origin (`/portal/api/session`) or the full URL for another origin. */
  url: string;
  /** The path without the query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as these chunks of bytes instead of JSON, one every `chunkDelayMs`. */
  stream?: Uint8Array[];
  chunkDelayMs?: number;
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

  /** Requests to a path (without the base), whatever their query, in order. */
  toPath(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === `${this.base}${path}`);
  }

  /** Requests to a path (without the base), in order. */
  to(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.url === `${this.base}${path}`);
  }

  #fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/^(blob|data):/.test(raw) && this.#original) return this.#original.call(globalThis, input, init);
    const resolved = new URL(raw, location.href);
    const url = resolved.origin === location.origin ? resolved.pathname + resolved.search : resolved.href;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const path = resolved.origin === location.origin ? resolved.pathname : resolved.origin + resolved.pathname;
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      url,
      path,
      query: resolved.searchParams,
      headers,
      credentials: init.credentials,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : init.body,
    };
    // Like fetch: a request whose signal is already aborted is never sent.
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    this.requests.push(request);
    const handler = this.#routes.get(`${request.method} ${url}`) ?? this.#routes.get(`${request.method} ${path}`);
    const answer: FakeResponse = handler ? await handler(request) : { status: 404, body: { error: { code: 'not_found', message: 'No such route.' } } };
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    if (answer.stream) {
      const chunks = [...answer.stream];
      const delay = answer.chunkDelayMs ?? 0;
      const signal = init.signal;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
          if (signal?.aborted) return controller.error(new DOMException('The operation was aborted.', 'AbortError'));
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      return new Response(body, { status: answer.status, headers: { 'content-type': 'application/zip', ...answer.headers } });
    }
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : body, {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
}

/** A session like `GET /api/session` answers. */
export function sessionFixture(overrides: Partial<SessionResponse> = {}): SessionResponse {
  // A variable, not a literal: fields the wire adds (onlinePayments) type-check whether or not they are there yet.
  const business = { slug: 'harbor-pine', name: 'Harbor & Pine Studio', brandColor: '#0f766e', logoUrl: null, locale: 'en', onlinePayments: null };
  return {
    business,
    client: { id: 'cli_1', name: 'Globex Corporation', locale: null },
    contact: { id: 'con_1', name: 'Ann Archer', email: 'ann@globex.test' },
    expiresAt: '2031-03-04T15:30:00.000Z',
    timeZone: 'UTC',
    ...overrides,
  };
}

export const unauthenticated: FakeResponse = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'You are not signed in, or your session has ended.' } },
};

// ---- billing fixtures ----

const statuses: InvoiceDisplayStatusWire[] = ['draft', 'sent', 'partially_paid', 'overdue', 'paid', 'void'];

/** The n-th invoice of a made-up list: numbers INV-0001…, dates going back a week each. */
export function invoiceFixture(n: number, overrides: Partial<InvoiceListItem> = {}): InvoiceListItem {
  const displayStatus = overrides.displayStatus ?? (['sent', 'overdue', 'paid'] as const)[n % 3]!;
  const issue = new Date(Date.UTC(2025, 5, 30) - n * 7 * 86_400_000);
  const due = new Date(issue.getTime() + 30 * 86_400_000);
  const total = 10_000 + n * 1_250;
  const paid = displayStatus === 'paid' ? total : displayStatus === 'partially_paid' ? 2_500 : 0;
  return {
    id: `inv_${n}`,
    number: `INV-${String(n).padStart(4, '0')}`,
    status: displayStatus === 'overdue' || displayStatus === 'partially_paid' ? 'sent' : displayStatus,
    displayStatus,
    currency: 'EUR',
    issueDate: issue.toISOString().slice(0, 10),
    dueDate: due.toISOString().slice(0, 10),
    total,
    amountPaid: paid,
    balance: total - paid,
    version: 1,
    ...overrides,
  };
}

export function adminInvoiceFixture(n: number, overrides: Partial<AdminInvoiceListItem> = {}): AdminInvoiceListItem {
  const clients = ['Globex Corporation', 'Initech', 'Umbrella Ltd'];
  return { ...invoiceFixture(n, overrides), clientId: `cli_${n % 3}`, clientName: clients[n % 3]!, ...overrides };
}

/** Counts per display status of a set of invoices, and how many are unpaid (issued, with a balance). */
export function countsOf(
  invoices: Array<{ displayStatus: InvoiceDisplayStatusWire; status: string; balance: number }>,
): Record<InvoiceStatusFilterWire, number> {
  const counts = Object.fromEntries([...statuses, 'unpaid'].map((s) => [s, 0])) as Record<InvoiceStatusFilterWire, number>;
  for (const invoice of invoices) {
    counts[invoice.displayStatus]++;
    if (invoice.status === 'sent' && invoice.balance > 0) counts.unpaid++;
  }
  return counts;
}

export function statementFixture(overrides: Partial<StatementResponse> = {}): StatementResponse {
  return {
    asOf: '2025-07-01',
    currencies: [
      {
        currency: 'EUR',
        paidToDate: 1_234_500,
        outstanding: 482_000,
        overdue: 182_000,
        aging: { current: 300_000, days1to30: 120_000, days31to60: 40_000, days61to90: 0, over90: 22_000 },
        lastPayment: { amount: 45_000, receivedAt: '2025-06-20T10:15:00.000Z', invoiceId: 'inv_3', invoiceNumber: 'INV-0003' },
      },
      {
        currency: 'USD',
        paidToDate: 0,
        outstanding: 99_900,
        overdue: 0,
        aging: { current: 99_900, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 },
        lastPayment: null,
      },
    ],
    ...overrides,
  };
}

export function invoiceDetailFixture(overrides: Partial<InvoiceDetailResponse> = {}): InvoiceDetailResponse {
  // A variable, not a literal: type-checks whether or not the wire has `refundedAmount` yet.
  const payment = { id: 'pay_1', amount: 50_000, refundedAmount: 0, receivedAt: '2025-06-15T09:30:00.000Z', method: 'bank_transfer' };
  return {
    ...invoiceFixture(42, { displayStatus: 'sent', status: 'sent' }),
    total: 149_940,
    amountPaid: 50_000,
    balance: 99_940,
    subtotal: 134_000,
    discountTotal: 10_000,
    taxTotal: 25_940,
    notes: 'Thank you for your business. Payment within 30 days by bank transfer or card.',
    lines: [
      { description: 'Brand identity workshop (two days, on site)', quantity: 2, unitPrice: 45_000, taxRate: 20, taxCategory: 'standard', discountAmount: 10_000, gross: 90_000, tax: 16_000, total: 96_000 },
      { description: 'Logo design, three rounds of revisions', quantity: 1, unitPrice: 32_000, taxRate: 20, taxCategory: 'standard', discountAmount: 0, gross: 32_000, tax: 6_400, total: 38_400 },
      { description: 'Printed stationery proofs', quantity: 12, unitPrice: 1_000, taxRate: 29.5, taxCategory: 'standard', discountAmount: 0, gross: 12_000, tax: 3_540, total: 15_540 },
    ],
    payments: [payment],
    client: { name: 'Globex Corporation' },
    business: { name: 'Harbor & Pine Studio', brandColor: '#0f766e', logoUrl: null, locale: 'en' },
    parties: {
      seller: {
        name: 'Harbor & Pine Studio',
        legalName: null,
        address: null,
        vatId: null,
        taxNumber: null,
        registrationNumber: null,
        contactEmail: null,
        contactPhone: null,
        bankAccount: null,
        paymentInstructions: null,
        paymentTermsText: null,
      },
      buyer: { name: 'Globex Corporation', address: null, vatId: null, taxNumber: null },
    },
    taxSummary: [
      { category: 'standard', rate: 20, taxableAmount: 112_000, taxAmount: 22_400 },
      { category: 'standard', rate: 29.5, taxableAmount: 12_000, taxAmount: 3_540 },
    ],
    taxNotes: [],
    ...overrides,
  };
}

/** A ZIP (entries stored, no compression) of these files, like the server streams. */
export function makeZip(files: Array<{ name: string; data: Uint8Array }>): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(file.name);
    const crc = crc32(file.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, file.data.byteLength, true);
    local.setUint32(22, file.data.byteLength, true);
    local.setUint16(26, name.byteLength, true);
    parts.push(new Uint8Array(local.buffer), name, file.data);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, file.data.byteLength, true);
    entry.setUint32(24, file.data.byteLength, true);
    entry.setUint16(28, name.byteLength, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.byteLength + file.data.byteLength;
  }
  const centralSize = central.reduce((n, part) => n + part.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, part) => n + part.byteLength, 0));
  let at = 0;
  for (const part of all) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Cuts bytes into chunks of `size` (the last may be shorter). */
export function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.byteLength; i += size) chunks.push(bytes.slice(i, i + size));
  return chunks;
}

/** True when two byte arrays hold the same bytes (without printing megabytes on failure). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
