import { randomBytes } from 'node:crypto';
import { MAC_BYTES, businessSigningKey, existingBusinessSigningKey, mac, macMatches } from '../businesses/signing-key.js';
import type { Executor } from '../context.js';
import { TOKEN_BYTES, looksLikeSecretToken } from './secret-tokens.js';

const PURPOSE = 'sign-in-link';
/** 22 random bytes (176 bits, past the 128 required) and a 10-byte check: 32 bytes, 43 characters like every token. */
const RANDOM_BYTES = TOKEN_BYTES - MAC_BYTES;

/**
 * A sign-in link token that carries a keyed check: random bytes and an HMAC
 * of them under the business's signing key. Only the hash of the whole token
 * is stored, as before.
 */
export async function generateLinkToken(executor: Executor, businessId: string): Promise<string> {
  return (await linkTokenMaker(executor, businessId))();
}

/** Makes the business's link tokens with its key read once: for seeding many. */
export async function linkTokenMaker(executor: Executor, businessId: string): Promise<() => string> {
  const key = await businessSigningKey(executor, businessId);
  return () => {
    const random = randomBytes(RANDOM_BYTES);
    return Buffer.concat([random, mac(key, PURPOSE, businessId, random)]).toString('base64url');
  };
}

/**
 * Whether a token could be one of the business's links, checked without
 * looking for it: a guessed or made-up token fails here, so it never costs
 * the business a lookup nor a share of its budgets. Passing says nothing of
 * whether the link is live.
 */
export async function linkTokenCheckPasses(executor: Executor, businessId: string, token: unknown): Promise<boolean> {
  if (!looksLikeSecretToken(token)) return false;
  const key = await existingBusinessSigningKey(executor, businessId);
  if (!key) return false;
  const bytes = Buffer.from(token, 'base64url');
  return macMatches(mac(key, PURPOSE, businessId, bytes.subarray(0, RANDOM_BYTES)), bytes.subarray(RANDOM_BYTES));
}
