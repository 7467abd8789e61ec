import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in every token and session id: 256 bits, well past the 128 required. */
export const TOKEN_BYTES = 32;

/** A fresh random token from the CSPRNG, URL-safe. Only its hash is ever stored. */
export function generateSecretToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** SHA-256 of a token, hex: what the database keeps instead of the token. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens we issue are 43 base64url characters; anything else is not worth a query. */
export function looksLikeSecretToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
