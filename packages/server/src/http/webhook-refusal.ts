import { isPorticoError, PorticoError } from '@portico/core';
import type { Logger } from './logger.js';

/** Refusals that would tell a caller without the secret which businesses exist and which have a provider set up. */
const revealing = new Set(['business_not_found', 'stripe_not_configured', 'inbound_not_configured', 'invalid_signature']);

/**
 * What a provider's webhook endpoint answers when it refuses a delivery: one
 * answer (400 `invalid_signature`) whether the business is unknown, has not
 * set the provider up, or the signature is wrong. The log keeps the reason.
 * Anything else (a database down, the provider unreachable) passes through.
 */
export function uniformWebhookRefusal(error: unknown, logger: Logger, delivery: { provider: string; business: string | undefined }): unknown {
  if (!isPorticoError(error) || !revealing.has(error.code)) return error;
  logger.warn(`Refused a ${delivery.provider} webhook.`, { business: delivery.business, reason: error.code });
  return new PorticoError('invalid_signature', 'The webhook signature does not match this body, or it is too old.');
}
