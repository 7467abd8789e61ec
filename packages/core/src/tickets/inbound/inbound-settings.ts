import { createHash, timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../../audit/audit-log.js';
import { requireBusinessRow } from '../../businesses/businesses.js';
import type { BusinessContext, Executor } from '../../context.js';
import { PorticoError } from '../../shared/errors.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { requireText } from '../../shared/validate.js';

/**
 * How mail reaches a business's pipeline besides SMTP. Each field: a value
 * sets it, null clears it, leaving it out keeps what is stored.
 */
export interface InboundSettingsInput {
  /**
   * What a raw MIME POST must present as `Authorization: Bearer <secret>`: at
   * least 32 characters (`openssl rand -hex 32`). Stored as a hash only.
   */
  rawSecret?: string | null;
  /** `whsec_...`: the signing secret of the Resend webhook sending `email.received`. Stored sealed. */
  resendWebhookSecret?: string | null;
  /** `re_...`: a Resend API key that may read received mail. Stored sealed. */
  resendApiKey?: string | null;
}

/** What may be shown: whether each secret is set, never a secret. */
export interface InboundSettings {
  rawSecretSet: boolean;
  resendWebhookSecretSet: boolean;
  resendApiKeySet: boolean;
  updatedAt: Date;
}

/** The Resend secrets, opened, for Portico's own use only. */
export interface ResendInboundSecrets {
  webhookSecret: string;
  apiKey: string;
}

const MIN_RAW_SECRET_LENGTH = 32;

export async function configureInbound(ctx: BusinessContext, secrets: SecretBox | undefined, input: InboundSettingsInput): Promise<InboundSettings> {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'Inbound settings must be an object.');
  const changes: { raw_secret_hash?: string | null; resend_webhook_secret_sealed?: string | null; resend_api_key_sealed?: string | null } = {};
  if (input.rawSecret !== undefined) changes.raw_secret_hash = input.rawSecret === null ? null : hashRawSecret(requireRawSecret(input.rawSecret));
  if (input.resendWebhookSecret !== undefined) {
    changes.resend_webhook_secret_sealed =
      input.resendWebhookSecret === null ? null : seal(secrets, requireKey(input.resendWebhookSecret, 'resendWebhookSecret', /^whsec_[A-Za-z0-9+/=]+$/));
  }
  if (input.resendApiKey !== undefined) {
    changes.resend_api_key_sealed = input.resendApiKey === null ? null : seal(secrets, requireKey(input.resendApiKey, 'resendApiKey', /^re_[A-Za-z0-9_]+$/));
  }
  const now = ctx.clock.now().getTime();
  return ctx.db.transaction().execute(async (trx) => {
    await requireBusinessRow(trx, ctx.businessId);
    await trx
      .insertInto('inbound_settings')
      .values({ business_id: ctx.businessId, raw_secret_hash: null, resend_webhook_secret_sealed: null, resend_api_key_sealed: null, ...changes, updated_at: now })
      .onConflict((oc) => oc.column('business_id').doUpdateSet({ ...changes, updated_at: now }))
      .execute();
    // Which settings changed, never their values.
    await recordAudit(trx, ctx, { action: 'inbound.configured', entityType: 'business', entityId: ctx.businessId, details: { changed: Object.keys(changes) } });
    return (await readInboundSettings(trx, ctx.businessId))!;
  });
}

/** What is set, or null when the business has configured nothing. */
export async function getInboundSettings(ctx: BusinessContext): Promise<InboundSettings | null> {
  return readInboundSettings(ctx.db, ctx.businessId);
}

export async function removeInboundSettings(ctx: BusinessContext): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('inbound_settings').where('business_id', '=', ctx.businessId).execute();
    await recordAudit(trx, ctx, { action: 'inbound.removed', entityType: 'business', entityId: ctx.businessId });
  });
}

/** Whether `presented` is the business's raw-POST secret; compared in constant time. False when none is set. */
export async function rawSecretMatches(executor: Executor, businessId: string, presented: string): Promise<boolean> {
  const row = await executor.selectFrom('inbound_settings').select('raw_secret_hash').where('business_id', '=', businessId).executeTakeFirst();
  // Hashing first makes both sides 32 bytes, so the comparison's time says nothing about the secret's length.
  const presentedHash = Buffer.from(hashRawSecret(typeof presented === 'string' ? presented : ''), 'hex');
  const storedHash = Buffer.from(row?.raw_secret_hash ?? '0'.repeat(64), 'hex');
  return timingSafeEqual(presentedHash, storedHash) && row?.raw_secret_hash != null;
}

/** The opened Resend secrets; `inbound_not_configured` when either is missing. */
export async function requireResendInboundSecrets(executor: Executor, businessId: string, secrets: SecretBox): Promise<ResendInboundSecrets> {
  const row = await executor.selectFrom('inbound_settings').selectAll().where('business_id', '=', businessId).executeTakeFirst();
  if (!row?.resend_webhook_secret_sealed || !row.resend_api_key_sealed) {
    throw new PorticoError('inbound_not_configured', 'This business receives no mail through Resend: its webhook secret and API key are not configured.');
  }
  return { webhookSecret: secrets.open(row.resend_webhook_secret_sealed), apiKey: secrets.open(row.resend_api_key_sealed) };
}

async function readInboundSettings(executor: Executor, businessId: string): Promise<InboundSettings | null> {
  const row = await executor.selectFrom('inbound_settings').selectAll().where('business_id', '=', businessId).executeTakeFirst();
  return row
    ? {
        rawSecretSet: row.raw_secret_hash !== null,
        resendWebhookSecretSet: row.resend_webhook_secret_sealed !== null,
        resendApiKeySet: row.resend_api_key_sealed !== null,
        updatedAt: new Date(Number(row.updated_at)),
      }
    : null;
}

function hashRawSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function requireRawSecret(value: unknown): string {
  if (typeof value !== 'string' || value.length < MIN_RAW_SECRET_LENGTH || value.length > 512 || /\s/.test(value)) {
    throw new PorticoError('invalid_input', `rawSecret must be ${MIN_RAW_SECRET_LENGTH} to 512 characters without spaces (openssl rand -hex 32).`, {
      field: 'rawSecret',
    });
  }
  return value;
}

function requireKey(value: unknown, field: string, pattern: RegExp): string {
  const key = requireText(value, field, { max: 255 });
  if (!pattern.test(key)) throw new PorticoError('invalid_input', `${field} does not look like a Resend ${field === 'resendApiKey' ? 'API key (re_...)' : 'signing secret (whsec_...)'}.`, { field });
  return key;
}

function seal(secrets: SecretBox | undefined, value: string): string {
  if (!secrets) {
    throw new PorticoError('invalid_input', 'Storing Resend secrets needs an encryptionKey (createPortico({ encryptionKey })): 32 random bytes, base64 or hex.');
  }
  return secrets.seal(value);
}
