import { PorticoError } from '@portico/core';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * The most a JSON request to `/auth`, `/api` or `/admin` may carry. The
 * largest legitimate one, a ticket message of 20,000 characters, is well
 * under it even with every character escaped.
 */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Stripe's events carry whole objects (an invoice with its lines): a roomier limit. */
export const MAX_STRIPE_EVENT_BYTES = 4 * 1024 * 1024;

/**
 * Refuses a body over `maxSize` bytes as it streams in (413 message_too_large),
 * whatever Content-Length says, so no request can make the server hold an
 * arbitrarily large body in memory.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new PorticoError('message_too_large', `The request is larger than the ${maxSize} bytes taken.`);
    },
  });
}
