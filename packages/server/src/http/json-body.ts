import { PorticoError } from '@portico/core';
import type { Context } from 'hono';

/**
 * The request's JSON object body, fields unchecked (the core validates them).
 * An empty body reads as `{}` when `optional`; anything else that is not a
 * JSON object (an array, a number, broken JSON) is a clear 400.
 */
export async function readJsonObject<T>(c: Context, { optional = false }: { optional?: boolean } = {}): Promise<Partial<T>> {
  const text = await c.req.text();
  if (optional && text.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Partial<T>;
  } catch {
    // answered below
  }
  throw new PorticoError('invalid_input', 'The request body must be a JSON object.');
}
