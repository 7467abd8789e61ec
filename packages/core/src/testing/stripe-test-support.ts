import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { createPorticoApi } from '../api.js';
import type { PorticoDatabase } from '../db/create-database.js';
import { createSecretBox } from '../shared/secret-box.js';
import type { FakeStripe } from './fake-stripe.js';
import { draftInput, seedBusiness } from './fixtures.js';
import type { StripeDependencies } from '../payments/stripe/stripe-connection.js';

export const TEST_ENCRYPTION_KEY = randomBytes(32).toString('base64');
export const WEBHOOK_SECRET = 'whsec_testsecret0123456789';
const signer = new Stripe('sk_test_signer');

/** A business with Stripe configured against the fake, a client, and one sent invoice (124,950 EUR cents). */
export async function stripeBusiness(database: PorticoDatabase, fake: FakeStripe) {
  const seeded = await seedBusiness(database);
  const api = createPorticoApi({ db: database.db, clock: seeded.clock, encryptionKey: TEST_ENCRYPTION_KEY });
  const scope = api.business(seeded.business.id);
  await scope.stripe.configure({ secretKey: 'sk_test_abc123', publishableKey: 'pk_test_abc123', webhookSecret: WEBHOOK_SECRET });
  const invoice = await scope.invoices.issue((await scope.invoices.create(draftInput(seeded.client.id))).id);
  const deps: StripeDependencies = { secrets: createSecretBox(TEST_ENCRYPTION_KEY), connection: fake.connection };
  const core = { db: database.db, clock: seeded.clock };
  return { ...seeded, api, scope, invoice, deps, core, ctx: { ...core, businessId: seeded.business.id, actor: 'test' } };
}

let sequence = 0;

/** A Stripe event as its webhook would deliver it, with a signature made by the SDK's own helper. */
export function signedEvent(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; at: Date; secret?: string; signedAt?: Date },
): { rawBody: string; signature: string; id: string } {
  const id = options.id ?? `evt_test_${++sequence}_${randomBytes(4).toString('hex')}`;
  const created = Math.floor(options.at.getTime() / 1000);
  const rawBody = JSON.stringify({ id, object: 'event', type, created, livemode: false, api_version: '2026-10-28.endive', data: { object } });
  const signature = signer.webhooks.generateTestHeaderString({
    payload: rawBody,
    secret: options.secret ?? WEBHOOK_SECRET,
    timestamp: Math.floor((options.signedAt ?? options.at).getTime() / 1000),
  });
  return { rawBody, signature, id };
}

export function portico(businessId: string, clientId: string, invoiceId: string): Record<string, string> {
  return { portico_business_id: businessId, portico_client_id: clientId, portico_invoice_id: invoiceId };
}

export function checkoutSession(metadata: Record<string, string>, fields: Record<string, unknown> = {}) {
  return {
    id: `cs_test_${randomBytes(6).toString('hex')}`,
    object: 'checkout.session',
    payment_status: 'paid',
    status: 'complete',
    amount_total: 124_950,
    currency: 'eur',
    payment_intent: `pi_${randomBytes(6).toString('hex')}`,
    metadata,
    ...fields,
  };
}
