import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Resend's receiving API as far as the inbound webhook uses it, on 127.0.0.1:
 * `GET /emails/receiving/:id` describes a received email with a raw download
 * URL, and `GET /raw/:id` serves its MIME. Plus Svix signing, as Resend signs
 * its webhooks, to post events the way Resend would.
 */
export class FakeResendInbound {
  baseUrl = '';
  /** Path and Authorization header of every request, in order. */
  requests: Array<{ path: string; authorization: string | undefined }> = [];
  #server: Server | undefined;
  #emails = new Map<string, { raw: string; to: string[] }>();

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const path = req.url ?? '';
      this.requests.push({ path, authorization: req.headers.authorization });
      const described = /^\/emails\/receiving\/([^/?]+)/.exec(path);
      const raw = /^\/raw\/([^/?]+)$/.exec(path);
      const email = this.#emails.get((described ?? raw)?.[1] ?? '');
      if (!email) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'not_found', message: 'Email not found', statusCode: 404 }));
        return;
      }
      if (raw) {
        res.writeHead(200, { 'content-type': 'message/rfc822' }).end(email.raw);
        return;
      }
      const id = described![1]!;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'email',
          id,
          to: email.to,
          from: 'ann@globex.test',
          created_at: new Date().toISOString(),
          subject: 'Re: your ticket',
          received_for: email.to,
          html: null,
          text: null,
          headers: {},
          message_id: `<${id}@mail.globex.test>`,
          raw: { download_url: `${this.baseUrl}/raw/${id}`, expires_at: new Date(Date.now() + 3_600_000).toISOString() },
          attachments: [],
        }),
      );
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.baseUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  /** Makes a received email available under a new id, which the returned event names. */
  receive(raw: string, to: string[]): { emailId: string; event: string } {
    const emailId = randomUUID();
    this.#emails.set(emailId, { raw, to });
    const event = {
      type: 'email.received',
      created_at: new Date().toISOString(),
      data: { email_id: emailId, created_at: new Date().toISOString(), from: 'ann@globex.test', to, bcc: [], cc: [], received_for: to, message_id: '<x@y>', subject: 'Re', attachments: [] },
    };
    return { emailId, event: JSON.stringify(event) };
  }
}

/** The Svix / standard-webhooks headers for `payload`, signed with `secret` (`whsec_<base64>`) now. */
export function svixHeaders(payload: string, secret: string, { id = `msg_${randomUUID()}`, timestamp = Math.floor(Date.now() / 1000) } = {}): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`).digest('base64');
  return { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': `v1,${signature}`, 'content-type': 'application/json' };
}
