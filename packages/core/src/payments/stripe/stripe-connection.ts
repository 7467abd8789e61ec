import Stripe from 'stripe';
import type { SecretBox } from '../../shared/secret-box.js';

/**
 * Where the Stripe API is. Production leaves it empty; tests point the real
 * SDK at a local server of their own (`{ host: '127.0.0.1', port, protocol: 'http' }`).
 */
export interface StripeConnection {
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

export interface StripeDependencies {
  /** Opens secrets sealed at rest; see createSecretBox. */
  secrets: SecretBox;
  connection?: StripeConnection;
}

/** The real SDK for one business's secret key. */
export function createStripeClient(secretKey: string, connection: StripeConnection = {}, accountId?: string | null): Stripe {
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    telemetry: false,
    timeout: 20_000,
    ...(connection.host ? { host: connection.host } : {}),
    ...(connection.port ? { port: connection.port } : {}),
    ...(connection.protocol ? { protocol: connection.protocol } : {}),
    ...(accountId ? { stripeAccount: accountId } : {}),
  });
}
