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

/**
 * A field that must be text: its value, or '' when it is missing (the core
 * then says what is wrong with an empty value). Any other type is a 400
 * naming the field, rather than an array or number turned into text.
 */
export function textField(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  throw new PorticoError('invalid_input', `"${field}" must be text.`, { field });
}
