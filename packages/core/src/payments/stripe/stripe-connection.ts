import type Stripe from 'stripe';
import { lazyModule } from '../../shared/lazy-module.js';
import type { SecretBox } from '../../shared/secret-box.js';

const loadStripe = lazyModule(() => import('stripe'));

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

/** The real SDK for one business's secret key (the SDK itself is loaded on the first call). */
export async function createStripeClient(secretKey: string, connection: StripeConnection = {}, accountId?: string | null): Promise<Stripe> {
  const { default: StripeSdk } = await loadStripe();
  return new StripeSdk(secretKey, {
    maxNetworkRetries: 2,
    telemetry: false,
    timeout: 20_000,
    ...(connection.host ? { host: connection.host } : {}),
    ...(connection.port ? { port: connection.port } : {}),
    ...(connection.protocol ? { protocol: connection.protocol } : {}),
    ...(accountId ? { stripeAccount: accountId } : {}),
  });
}
