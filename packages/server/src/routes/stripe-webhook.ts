import { Hono } from 'hono';
import { uniformWebhookRefusal } from '../http/webhook-refusal.js';
import type { ServerContext } from '../server-context.js';

/**
 * `POST /webhooks/stripe/:business`: point the business's Stripe webhook
 * endpoint here. The signature is checked on the raw body, so mount Portico
 * before any body parser. Answers 2xx for everything Stripe should not send
 * again (applied, duplicate, not ours), 400 for a bad signature (and, alike,
 * for an unknown business or one without Stripe), and 503 for
 * an event that must wait for another (Stripe retries it).
 */
export function stripeWebhookRoutes(server: ServerContext): Hono {
  return new Hono().post('/stripe/:business', async (c) => {
    const rawBody = await c.req.text();
    try {
      const result = await server.api.webhooks.stripe({
        businessSlug: c.req.param('business'),
        rawBody,
        signature: c.req.header('stripe-signature'),
      });
      if (result.outcome === 'retry_later') return c.json({ received: true, ...result }, 503);
      return c.json({ received: true, ...result });
    } catch (error) {
      throw uniformWebhookRefusal(error, server.logger, { provider: 'Stripe', business: c.req.param('business') });
    }
  });
}
