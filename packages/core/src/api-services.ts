import type { StripeConnection, StripeDependencies } from './payments/stripe/stripe-connection.js';
import type { ResendInboundDependencies } from './tickets/inbound/resend-inbound.js';
import { PorticoError } from './shared/errors.js';
import type { SecretBox } from './shared/secret-box.js';
import type { WebhookServices } from './events/webhook-endpoints.js';
import type { WebhookUrlPolicy } from './events/webhook-urls.js';

/** The outside services the API reaches, made once from the host's options. */
export interface ApiServices {
  /** Seals secrets at rest; undefined when the host gave no encryption key. */
  secrets: SecretBox | undefined;
  /** The box, or a clear error naming what needs it. */
  requireSecrets(what: string): SecretBox;
  /** Stripe for card payments; a client sees `payment_unavailable` when the server has no key. */
  requireStripe(): StripeDependencies;
  /** Resend for received mail; `inbound_not_configured` when the server has no key. */
  requireResend(): ResendInboundDependencies;
  /** Where webhooks may go (https to public addresses, unless the host allowed private ones for development). */
  webhookUrlPolicy: WebhookUrlPolicy;
  /** Sealing webhook secrets and checking their URLs; a clear error when the host gave no encryption key. */
  requireWebhooks(): WebhookServices;
}

export function apiServices(options: {
  secrets: SecretBox | undefined;
  stripeConnection?: StripeConnection | undefined;
  resendBaseUrl?: string | undefined;
  allowPrivateWebhookUrls?: boolean | undefined;
}): ApiServices {
  const { secrets } = options;
  const webhookUrlPolicy: WebhookUrlPolicy = { allowPrivate: options.allowPrivateWebhookUrls === true };
  const requireSecrets = (what: string): SecretBox => {
    if (secrets) return secrets;
    throw new PorticoError('invalid_input', `${what} needs an encryptionKey (createPortico({ encryptionKey })): 32 random bytes, base64 or hex.`);
  };
  return {
    secrets,
    webhookUrlPolicy,
    requireWebhooks: () => ({ secrets: requireSecrets('Signing webhooks'), urlPolicy: webhookUrlPolicy }),
    requireSecrets,
    requireStripe() {
      if (secrets) return { secrets, ...(options.stripeConnection ? { connection: options.stripeConnection } : {}) };
      throw new PorticoError('stripe_not_configured', 'This business does not take card payments online; the invoice says how else to pay.');
    },
    requireResend() {
      if (secrets) return { secrets, ...(options.resendBaseUrl ? { baseUrl: options.resendBaseUrl } : {}) };
      throw new PorticoError('inbound_not_configured', 'This server takes no Resend webhooks: it has no encryption key.');
    },
  };
}
