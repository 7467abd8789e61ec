import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StripeConnection } from '../payments/stripe/stripe-connection.js';

/** One request the fake was asked, as the SDK sent it. */
export interface StripeRequest {
  method: string;
  path: string;
  /** The form body, decoded into nested objects (`line_items[0][quantity]` → `{ line_items: [{ quantity }] }`). */
  body: Record<string, unknown>;
  idempotencyKey: string | undefined;
  stripeAccount: string | undefined;
}

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  client_secret: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string | null;
  client_reference_id: string | null;
  ui_mode: string;
  return_url: string;
}

/**
 * A local stand-in for the few Stripe endpoints Portico uses, for the real
 * `stripe` SDK to talk to (no network reaches Stripe here). It records what
 * it was asked and, like Stripe, answers a repeated idempotency key with the
 * first answer.
 */
export class FakeStripe {
  readonly requests: StripeRequest[] = [];
  readonly sessions = new Map<string, FakeCheckoutSession>();
  readonly paymentIntents = new Map<string, { id: string; object: 'payment_intent'; metadata: Record<string, string> }>();
  /** Answer every request with this status instead (an outage). */
  failWith: number | undefined;
  readonly #idempotent = new Map<string, unknown>();
  readonly #server: Server;
  #port = 0;

  constructor() {
    this.#server = createServer((req, res) => {
      void this.#handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
        },
      );
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  get connection(): StripeConnection {
    return { host: '127.0.0.1', port: this.#port, protocol: 'http' };
  }

  /** What Stripe would do once the client paid in the embedded form: complete the session, with a PaymentIntent. */
  completeSession(sessionId: string, paymentStatus: 'paid' | 'unpaid' = 'paid'): FakeCheckoutSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`No fake session ${sessionId}`);
    const intentId = `pi_${randomBytes(8).toString('hex')}`;
    this.paymentIntents.set(intentId, { id: intentId, object: 'payment_intent', metadata: session.metadata });
    Object.assign(session, { status: 'complete', payment_status: paymentStatus, payment_intent: intentId });
    return session;
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0]!;
    const request: StripeRequest = {
      method: req.method ?? 'GET',
      path,
      body: decodeForm(raw),
      idempotencyKey: header(req, 'idempotency-key'),
      stripeAccount: header(req, 'stripe-account'),
    };
    this.requests.push(request);
    if (this.failWith) return { status: this.failWith, body: { error: { type: 'api_error', message: 'Down for the test.' } } };

    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      const key = request.idempotencyKey;
      if (key && this.#idempotent.has(key)) return { status: 200, body: this.#idempotent.get(key) };
      const session = this.#createSession(request.body);
      if (key) this.#idempotent.set(key, session);
      return { status: 200, body: session };
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && sessionMatch) {
      const session = this.sessions.get(decodeURIComponent(sessionMatch[1]!));
      return session ? { status: 200, body: session } : notFound('checkout session');
    }
    const intentMatch = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && intentMatch) {
      const intent = this.paymentIntents.get(decodeURIComponent(intentMatch[1]!));
      return intent ? { status: 200, body: intent } : notFound('payment intent');
    }
    return notFound('route');
  }

  #createSession(body: Record<string, unknown>): FakeCheckoutSession {
    const id = `cs_test_${randomBytes(12).toString('hex')}`;
    const item = (body['line_items'] as Array<{ quantity: string; price_data: { unit_amount: string; currency: string } }>)[0]!;
    const session: FakeCheckoutSession = {
      id,
      object: 'checkout.session',
      client_secret: `${id}_secret_${randomBytes(8).toString('hex')}`,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: Number(item.price_data.unit_amount) * Number(item.quantity),
      currency: item.price_data.currency,
      metadata: (body['metadata'] ?? {}) as Record<string, string>,
      payment_intent: null,
      client_reference_id: (body['client_reference_id'] as string | undefined) ?? null,
      ui_mode: String(body['ui_mode']),
      return_url: String(body['return_url']),
    };
    this.sessions.set(id, session);
    return session;
  }
}

function notFound(what: string) {
  return { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}.` } } };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Stripe's form encoding (`a[b][0][c]=1`) into nested objects and arrays. */
function decodeForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((part, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = /^\d+$/.test(path[index + 1] ?? '');
      const container = node as Record<string, unknown>;
      if (last) container[part] = value;
      else node = (container[part] ??= nextIsIndex ? [] : {}) as Record<string, unknown>;
    });
  }
  return root;
}
