import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';

/** Bytes of HMAC-SHA256 kept in a token: 80 bits, and each forgery attempt costs an email or a rate-limited request. */
export const MAC_BYTES = 10;

/**
 * The business's key for the HMACs in reply addresses, Message-IDs and
 * sign-in link tokens, made on first use. The update only fills an empty
 * column, so two first uses at once agree on one key (Postgres re-checks the
 * condition after the other's commit; SQLite runs one writer at a time).
 */
export async function businessSigningKey(executor: Executor, businessId: string): Promise<Buffer> {
  const existing = await existingBusinessSigningKey(executor, businessId);
  if (existing) return existing;
  await executor
    .updateTable('businesses')
    .set({ reply_signing_secret: randomBytes(32).toString('base64url') })
    .where('id', '=', businessId)
    .where('reply_signing_secret', 'is', null)
    .execute();
  const made = await existingBusinessSigningKey(executor, businessId);
  if (!made) throw new PorticoError('business_not_found', `No business with id ${JSON.stringify(businessId)}.`);
  return made;
}

/** The key if the business has one already; verifying never makes one (nothing signed can exist without it). */
export async function existingBusinessSigningKey(executor: Executor, businessId: string): Promise<Buffer | undefined> {
  const row = await executor
    .selectFrom('businesses')
    .select('reply_signing_secret')
    .where('id', '=', businessId)
    .executeTakeFirst();
  return row?.reply_signing_secret ? Buffer.from(row.reply_signing_secret, 'base64url') : undefined;
}

/**
 * HMAC over a purpose label, the business id and the payload, truncated: the
 * label keeps a reply token from passing as a Message-ID and the business id
 * keeps one business's tokens from passing at another, even with a shared key.
 */
export function mac(key: Uint8Array, purpose: string, businessId: string, payload: Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${purpose}\0${businessId}\0`).update(payload).digest().subarray(0, MAC_BYTES);
}

export function macMatches(expected: Uint8Array, actual: Uint8Array): boolean {
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
