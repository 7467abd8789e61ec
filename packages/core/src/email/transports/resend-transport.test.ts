import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { seedBusiness } from '../../testing/fixtures.js';
import type { BusinessContext } from '../../context.js';
import { ManualClock } from '../../shared/clock.js';
import { exponentialBackoff } from '../../shared/backoff.js';
import { enqueueEmail } from '../outbox.js';
import { createOutboxWorker, type OutboxLogger } from '../outbox-worker.js';
import { resendTransport } from './resend-transport.js';
import { EmailDeliveryError } from './transport.js';

const API_KEY = 're_test_5ecret_k3y_do_not_log';

interface ReceivedRequest {
  idempotencyKey: string | null;
  authorization: string | null;
  body: Record<string, unknown>;
  status: number;
}

type Reply = { status: number; body: string; contentType?: string } | 'drop-connection';

/**
 * Resend's `POST /emails`, as far as these tests need it, on 127.0.0.1: it keeps
 * what it accepted by idempotency key and answers a repeated key with the first
 * answer (as Resend does for 24 hours), so "delivered" counts real deliveries.
 */
class FakeResend {
  server!: Server;
  baseUrl = '';
  requests: ReceivedRequest[] = [];
  delivered = new Map<string, { id: string; body: Record<string, unknown> }>();
  /** Answer 500 to every request while true. */
  outage = false;
  /** A hook to answer a request some other way; undefined means "behave normally". */
  override: ((body: Record<string, unknown>) => Reply | undefined) | undefined;
  /** Accept the next new email, then cut the connection before answering. */
  dropNextResponseAfterAccepting = false;
  #sequence = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.#handle(req).then((reply) => {
        if (reply === 'drop-connection') {
          req.socket.destroy();
          return;
        }
        res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json' });
        res.end(reply.body);
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests = [];
    this.delivered.clear();
    this.outage = false;
    this.override = undefined;
    this.dropNextResponseAfterAccepting = false;
  }

  requestsFor(key: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.idempotencyKey === key);
  }

  async #handle(req: IncomingMessage): Promise<Reply> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const reply = this.#reply(req, body, key);
    this.requests.push({
      idempotencyKey: key,
      authorization: req.headers.authorization ?? null,
      body,
      status: reply === 'drop-connection' ? 0 : reply.status,
    });
    return reply;
  }

  #reply(req: IncomingMessage, body: Record<string, unknown>, key: string | null): Reply {
    if (req.method !== 'POST' || req.url !== '/emails') return json(404, { statusCode: 404, name: 'not_found', message: 'Not found' });
    if (req.headers.authorization !== `Bearer ${API_KEY}`) {
      return json(401, { statusCode: 401, name: 'invalid_api_key', message: 'API key is invalid' });
    }
    const overridden = this.override?.(body);
    if (overridden) return overridden;
    if (this.outage) return json(500, { statusCode: 500, name: 'internal_server_error', message: 'An unexpected error occurred.' });
    const previous = key === null ? undefined : this.delivered.get(key);
    if (previous) return json(200, { id: previous.id });
    const id = `re_${++this.#sequence}`;
    if (key !== null) this.delivered.set(key, { id, body });
    if (this.dropNextResponseAfterAccepting) {
      this.dropNextResponseAfterAccepting = false;
      return 'drop-connection';
    }
    return json(200, { id });
  }
}

function json(status: number, body: unknown): Reply {
  return { status, body: JSON.stringify(body) };
}

const resend = new FakeResend();
beforeAll(() => resend.start());
afterAll(() => resend.close());
beforeEach(() => resend.reset());

function capturingLogger() {
  const lines: string[] = [];
  const logger: OutboxLogger = {
    warn: (message, details) => lines.push(`${message} ${JSON.stringify(details ?? {})}`),
    error: (message, details) => lines.push(`${message} ${JSON.stringify(details ?? {})}`),
  };
  return { logger, lines };
}

describe('resendTransport', () => {
  it('sends one email with the outbox id as the idempotency key', async () => {
    const transport = resendTransport({ apiKey: API_KEY, baseUrl: resend.baseUrl });
    const result = await transport.send({
      id: 'out_abc',
      businessId: 'biz_test',
      kind: 'invoice_sent',
      from: '"Harbor & Pine Studio" <no-reply@billing.harborpine.test>',
      to: 'ann@globex.test',
      replyTo: 'billing@harborpine.test',
      subject: 'Invoice INV-0001',
      html: '<p>Hi</p>',
      text: 'Hi',
      headers: { 'X-Entity-Ref-ID': 'inv_1' },
    });
    expect(result.providerMessageId).toMatch(/^re_\d+$/);
    expect(resend.requests).toHaveLength(1);
    expect(resend.requests[0]).toMatchObject({
      idempotencyKey: 'out_abc',
      authorization: `Bearer ${API_KEY}`,
      body: {
        from: '"Harbor & Pine Studio" <no-reply@billing.harborpine.test>',
        to: 'ann@globex.test',
        reply_to: 'billing@harborpine.test',
        subject: 'Invoice INV-0001',
        html: '<p>Hi</p>',
        text: 'Hi',
        headers: { 'X-Entity-Ref-ID': 'inv_1' },
      },
    });
  });

  it('calls a validation error permanent, and rate limits, outages and network errors transient', async () => {
    const transport = resendTransport({ apiKey: API_KEY, baseUrl: resend.baseUrl });
    const email = { id: 'out_x', businessId: 'biz_test', kind: 'invoice_sent', from: 'a@b.test', to: 'c@d.test', replyTo: null, subject: 's', html: 'h', text: 't', headers: {} };
    const failure = async (reply: Reply) => {
      resend.override = () => reply;
      return transport.send(email).then(
        () => expect.fail('expected the send to fail'),
        (error: unknown) => error as EmailDeliveryError,
      );
    };
    const cases: Array<[Reply, boolean, number | null]> = [
      [json(422, { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' }), true, 422],
      [json(400, { statusCode: 400, name: 'invalid_parameter', message: 'Bad parameter.' }), true, 400],
      [json(409, { statusCode: 409, name: 'concurrent_idempotent_requests', message: 'In progress.' }), false, 409],
      [json(429, { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests.' }), false, 429],
      [json(500, { statusCode: 500, name: 'internal_server_error', message: 'Oops.' }), false, 500],
      [{ status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' }, false, 502],
      [json(403, { statusCode: 403, name: 'restricted_api_key', message: 'This key can only read.' }), false, 403],
      ['drop-connection', false, null],
    ];
    for (const [reply, permanent, status] of cases) {
      const error = await failure(reply);
      expect(error, JSON.stringify(reply)).toBeInstanceOf(EmailDeliveryError);
      expect({ permanent: error.permanent, status: error.status }, JSON.stringify(reply)).toEqual({ permanent, status });
    }
  });

  it('takes "same key, other payload" as the earlier attempt having been accepted', async () => {
    // A sign-in email's retry carries a new token, so Resend sees another payload under the same key.
    const transport = resendTransport({ apiKey: API_KEY, baseUrl: resend.baseUrl });
    resend.override = () => json(409, { statusCode: 409, name: 'invalid_idempotent_request', message: 'Same key, other payload.' });
    const result = await transport.send({ id: 'out_y', businessId: 'biz_test', kind: 'sign_in_link', from: 'a@b.test', to: 'c@d.test', replyTo: null, subject: 's', html: 'h', text: 't', headers: {} });
    expect(result).toEqual({ providerMessageId: null });
  });

  it('needs an API key', () => {
    expect(() => resendTransport({ apiKey: '' })).toThrow(/apiKey/);
    expect(resendTransport({ apiKey: API_KEY }).name).toBe('resend');
  });
});

describeEachDatabase('outbox through Resend', (database) => {
  afterEach(async () => {
    await database().db.deleteFrom('outbox_emails').execute();
  });

  async function seed(recipients: string[]) {
    const clock = new ManualClock('2026-03-10T09:00:00Z');
    const { business } = await seedBusiness(database(), {}, clock);
    const ctx: BusinessContext = { db: database().db, clock, businessId: business.id, actor: 'api' };
    const ids: string[] = [];
    for (const to of recipients) {
      ids.push(await enqueueEmail(ctx.db, ctx, { kind: 'invoice_sent', to, subject: `For ${to}`, html: `<p>${to}</p>`, text: to }));
    }
    return { clock, ids };
  }

  async function rows(ids: string[]) {
    const found = await database().db.selectFrom('outbox_emails').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return new Map(found.map((row) => [row.id, row]));
  }

  it('delivers every email exactly once through an outage, on the backoff schedule', async () => {
    const { clock, ids } = await seed(['a@globex.test', 'b@globex.test', 'c@globex.test', 'd@globex.test', 'e@globex.test']);
    const { logger, lines } = capturingLogger();
    const worker = createOutboxWorker({
      db: database().db,
      clock,
      transport: resendTransport({ apiKey: API_KEY, baseUrl: resend.baseUrl }),
      logger,
      backoff: exponentialBackoff({ random: () => 0 }), // the default schedule without its jitter
    });

    resend.outage = true;
    const start = clock.now().getTime();
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 5, failed: 0 });
    for (const row of (await rows(ids)).values()) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
      expect(Number(row.next_attempt_at)).toBe(start + 30_000);
      expect(row.last_error).toMatch(/^Resend 500 internal_server_error/);
    }

    // Nothing is due before its time.
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(29_999);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(resend.requests).toHaveLength(5);

    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 5, failed: 0 });
    for (const row of (await rows(ids)).values()) {
      expect(row.attempts).toBe(2);
      expect(Number(row.next_attempt_at)).toBe(clock.now().getTime() + 60_000);
    }
    clock.advance(60_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 5, failed: 0 });
    for (const row of (await rows(ids)).values()) {
      expect(row.attempts).toBe(3);
      expect(Number(row.next_attempt_at)).toBe(clock.now().getTime() + 120_000);
    }

    // The provider is back.
    resend.outage = false;
    clock.advance(119_999);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ sent: 5, retried: 0, failed: 0 });
    clock.advanceDays(1);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });

    // Four requests per email, all with its own outbox id as the key; one delivery each.
    for (const id of ids) {
      const requests = resend.requestsFor(id);
      expect(requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
      expect(resend.delivered.get(id)?.body.to).toBe((await rows([id])).get(id)!.to_address);
    }
    expect(resend.requests).toHaveLength(20);
    expect(resend.delivered.size).toBe(5);
    for (const row of (await rows(ids)).values()) {
      expect(row).toMatchObject({ status: 'sent', attempts: 4, last_error: null, locked_until: null });
      expect(row.provider_message_id).toBe(resend.delivered.get(row.id)!.id);
      expect(Number(row.sent_at)).toBe(start + 30_000 + 60_000 + 120_000);
    }
    expect(lines.join('\n')).not.toContain(API_KEY);
  });

  it('delivers once when Resend accepted an email but the answer was lost', async () => {
    const { clock, ids } = await seed(['a@globex.test']);
    const worker = createOutboxWorker({
      db: database().db,
      clock,
      transport: resendTransport({ apiKey: API_KEY, baseUrl: resend.baseUrl }),
      logger: capturingLogger().logger,
      backoff: () => 30_000,
    });
    resend.dropNextResponseAfterAccepting = true;
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(resend.delivered.size).toBe(1);
    clock.advance(30_000);
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(resend.requestsFor(ids[0]!)).toHaveLength(2);
    expect(resend.delivered.size).toBe(1);
    expect((await rows(ids)).get(ids[0]!)).toMatchObject({ status: 'sent', attempts: 2, provider_message_id: resend.delivered.get(ids[0]!)!.id });
  });

  it('fails a rejected email at once (422), without retrying, while the others go out', async () => {
    const { clock, ids } = await seed(['invalid@globex.test', 'fine@globex.test']);
    resend.override = (body) =>
      body.to === 'invalid@globex.test'
        ? json(422, { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field. The email address needs to follow the `email@example.com` format.' })
        : undefined;
    const worker = createOutboxWorker({
      db: database().db,
      clock,
      transport: resendTransport({ apiKey: API_KEY, baseUrl: resend.baseUrl }),
      logger: capturingLogger().logger,
    });
    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 1 });
    clock.advanceDays(2);
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });

    const [rejected, fine] = ids as [string, string];
    expect(resend.requestsFor(rejected)).toHaveLength(1);
    const row = (await rows(ids)).get(rejected)!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1, provider_message_id: null, sent_at: null });
    expect(row.last_error).toMatch(/^Resend 422 validation_error: Invalid `to` field/);
    expect((await rows(ids)).get(fine)?.status).toBe('sent');
  });

  it('keeps the API key out of last_error and the logs, and retries a credentials error', async () => {
    const { clock, ids } = await seed(['a@globex.test']);
    resend.override = () => json(401, { statusCode: 401, name: 'invalid_api_key', message: `API key ${API_KEY} is not valid` });
    const { logger, lines } = capturingLogger();
    const worker = createOutboxWorker({
      db: database().db,
      clock,
      transport: resendTransport({ apiKey: API_KEY, baseUrl: resend.baseUrl }),
      logger,
    });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const row = (await rows(ids)).get(ids[0]!)!;
    expect(row.status).toBe('pending');
    expect(row.last_error).toBe('Resend 401 invalid_api_key: API key [redacted] is not valid');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(API_KEY);
  });

  it('retries when Resend cannot be reached at all', async () => {
    const { clock, ids } = await seed(['a@globex.test']);
    const closed = new FakeResend();
    await closed.start();
    const unreachable = closed.baseUrl;
    await closed.close();
    const worker = createOutboxWorker({
      db: database().db,
      clock,
      transport: resendTransport({ apiKey: API_KEY, baseUrl: unreachable }),
      logger: capturingLogger().logger,
      backoff: () => 1_000,
    });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await rows(ids)).get(ids[0]!)?.last_error).toMatch(/^Resend network application_error/);

    const retry = createOutboxWorker({
      db: database().db,
      clock,
      transport: resendTransport({ apiKey: API_KEY, baseUrl: resend.baseUrl }),
      logger: capturingLogger().logger,
    });
    clock.advance(1_000);
    expect(await retry.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(resend.delivered.size).toBe(1);
  });
});
