import { recordAudit } from '../../audit/audit-log.js';
import { requireBusinessRow } from '../../businesses/businesses.js';
import type { BusinessContext, Executor } from '../../context.js';
import { PorticoError } from '../../shared/errors.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { optionalText, requireText } from '../../shared/validate.js';

export interface StripeSettingsInput {
  /** `sk_live_...`, `sk_test_...` or a restricted `rk_...` key. Stored sealed; never returned. */
  secretKey: string;
  /** `pk_live_...` or `pk_test_...`, handed to the widget to mount the checkout form. */
  publishableKey: string;
  /** `whsec_...` from the webhook endpoint's settings in Stripe. Stored sealed. */
  webhookSecret: string;
  /** A Connect account to charge on behalf of (`acct_...`). */
  connectedAccountId?: string | null;
}

/** What may be shown of a business's Stripe settings: never a secret. */
export interface StripeSettings {
  publishableKey: string;
  connectedAccountId: string | null;
  updatedAt: Date;
}

/** The opened secrets, for Portico's own use only. */
export interface StripeSecrets extends StripeSettings {
  secretKey: string;
  webhookSecret: string;
}

export async function configureStripe(ctx: BusinessContext, secrets: SecretBox, input: StripeSettingsInput): Promise<StripeSettings> {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'Stripe settings must be an object.');
  const secretKey = requireKey(input.secretKey, 'secretKey', /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/);
  const publishableKey = requireKey(input.publishableKey, 'publishableKey', /^pk_(test|live)_[A-Za-z0-9]+$/);
  const webhookSecret = requireKey(input.webhookSecret, 'webhookSecret', /^whsec_[A-Za-z0-9+/=]+$/);
  const connectedAccountId = optionalText(input.connectedAccountId, 'connectedAccountId', { max: 255 });
  if (connectedAccountId !== null && !/^acct_[A-Za-z0-9]+$/.test(connectedAccountId)) {
    throw new PorticoError('invalid_input', 'connectedAccountId must look like acct_...', { field: 'connectedAccountId' });
  }
  if (secretKey.split('_')[1] !== publishableKey.split('_')[1]) {
    throw new PorticoError('invalid_input', 'secretKey and publishableKey must both be test keys or both be live keys.', { field: 'publishableKey' });
  }
  const now = ctx.clock.now().getTime();
  const row = {
    business_id: ctx.businessId,
    secret_key_sealed: secrets.seal(secretKey),
    publishable_key: publishableKey,
    webhook_secret_sealed: secrets.seal(webhookSecret),
    connected_account_id: connectedAccountId,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await requireBusinessRow(trx, ctx.businessId);
    await trx
      .insertInto('stripe_accounts')
      .values(row)
      .onConflict((oc) => oc.column('business_id').doUpdateSet({ ...row }))
      .execute();
    await recordAudit(trx, ctx, {
      action: 'stripe.configured',
      entityType: 'business',
      entityId: ctx.businessId,
      details: { publishableKey, connectedAccountId },
    });
  });
  return { publishableKey, connectedAccountId, updatedAt: new Date(now) };
}

/** The public part of the settings, or null when the business has not configured Stripe. */
export async function getStripeSettings(ctx: BusinessContext): Promise<StripeSettings | null> {
  const row = await ctx.db
    .selectFrom('stripe_accounts')
    .select(['publishable_key', 'connected_account_id', 'updated_at'])
    .where('business_id', '=', ctx.businessId)
    .executeTakeFirst();
  return row ? { publishableKey: row.publishable_key, connectedAccountId: row.connected_account_id, updatedAt: new Date(Number(row.updated_at)) } : null;
}

export async function removeStripe(ctx: BusinessContext): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('stripe_accounts').where('business_id', '=', ctx.businessId).execute();
    await recordAudit(trx, ctx, { action: 'stripe.removed', entityType: 'business', entityId: ctx.businessId });
  });
}

/** The opened secrets; `stripe_not_configured` when there are none. */
export async function requireStripeSecrets(executor: Executor, businessId: string, secrets: SecretBox): Promise<StripeSecrets> {
  const row = await executor.selectFrom('stripe_accounts').selectAll().where('business_id', '=', businessId).executeTakeFirst();
  if (!row) {
    throw new PorticoError('stripe_not_configured', 'This business does not take card payments online; the invoice says how else to pay.');
  }
  return {
    secretKey: secrets.open(row.secret_key_sealed),
    webhookSecret: secrets.open(row.webhook_secret_sealed),
    publishableKey: row.publishable_key,
    connectedAccountId: row.connected_account_id,
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function requireKey(value: unknown, field: string, pattern: RegExp): string {
  const key = requireText(value, field, { max: 255 });
  if (!pattern.test(key)) throw new PorticoError('invalid_input', `${field} does not look like a Stripe key of the right kind.`, { field });
  return key;
}
