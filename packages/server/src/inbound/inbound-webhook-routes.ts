import { MAX_INBOUND_BYTES } from '@portico/core';
import { Hono } from 'hono';
import { limitBody } from '../http/body-limit.js';
import { uniformWebhookRefusal } from '../http/webhook-refusal.js';
import type { ServerContext } from '../server-context.js';
import type { InboundReceivedResponse } from '@portico/wire';

/** A webhook envelope is a few kilobytes; the message itself is fetched from Resend. */
const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * Inbound mail over HTTP, mounted under `/webhooks`:
 * - `POST /email/resend/:business`: Resend's `email.received` webhook (the
 *   Svix signature checked on the raw body, so mount Portico before any body
 *   parser);
 * - `POST /email/raw/:business`: one message as raw MIME (`message/rfc822`)
 *   with `Authorization: Bearer <the business's raw secret>`.
 *
 * Answers are what a sender retries on correctly: 200 once the message is
 * kept (appended, opened, held, ignored or a duplicate: sending it again
 * changes nothing), 400/401 for a bad signature or secret, 413 for a message
 * over 25 MB, and 5xx for what may pass later (Resend unreachable, the
 * database down), which the sender should try again.
 */
export function inboundWebhookRoutes(server: ServerContext): Hono {
  return new Hono()
    .post('/email/resend/:business', limitBody(MAX_WEBHOOK_BODY_BYTES), async (c) => {
      const rawBody = await c.req.text();
      const header = (name: string) => c.req.header(`webhook-${name}`) ?? c.req.header(`svix-${name}`);
      try {
        const result = await server.api.webhooks.resendInbound({
          businessSlug: c.req.param('business'),
          rawBody,
          headers: { id: header('id'), timestamp: header('timestamp'), signature: header('signature') },
        });
        return c.json<InboundReceivedResponse>({ received: true, ...result });
      } catch (error) {
        throw uniformWebhookRefusal(error, server.logger, { provider: 'Resend', business: c.req.param('business') });
      }
    })
    .post('/email/raw/:business', limitBody(MAX_INBOUND_BYTES), async (c) => {
      const business = await server.api.businesses.findBySlug(c.req.param('business'));
      const presented = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      // One answer for an unknown business and a wrong secret: the endpoint says nothing about who exists.
      if (!business || !(await server.api.inbound.rawSecretMatches(business.id, presented))) {
        server.logger.warn('Refused a raw inbound email without the right secret.', { business: c.req.param('business') });
        return c.json({ error: { code: 'unauthenticated', message: 'Authorization: Bearer <the business’s inbound secret> is required.' } }, 401);
      }
      const raw = new Uint8Array(await c.req.arrayBuffer());
      const result = await server.api.business(business.id, { actor: 'system:inbound' }).inbound.receive(raw, { source: 'raw' });
      return c.json<InboundReceivedResponse>({ received: true, ...result });
    });
}
