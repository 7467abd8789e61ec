import { PorticoError } from '@portico/core';
import type { Context } from 'hono';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The request's JSON object body, fields unchecked (the core validates them).
 * An empty body reads as `{}` when `optional`; anything else that is not a
 * JSON object (an array, a number, broken JSON) is a clear 400. Bytes that
 * are not UTF-8, and escaped lone surrogates (`"\ud800"`), which no text can
 * hold, are refused as `invalid_encoding` rather than stored as U+FFFD or as
 * a string that later breaks an email or a PDF.
 */
export async function readJsonObject<T>(c: Context, { optional = false }: { optional?: boolean } = {}): Promise<Partial<T>> {
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new PorticoError('invalid_encoding', 'The request body is not valid UTF-8.');
  }
  if (optional && text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PorticoError('invalid_input', 'The request body must be a JSON object.');
  }
  if (!wellFormed(body)) throw new PorticoError('invalid_encoding', 'The request body holds a lone UTF-16 surrogate (\\ud800 to \\udfff), which is not text.');
  return body as Partial<T>;
}

/** In a `u` pattern a surrogate pair is one code point: only a lone surrogate matches. */
const loneSurrogate = /\p{Cs}/u;

/** Whether every string in a parsed JSON value, keys included, is well-formed Unicode. */
function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !loneSurrogate.test(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (typeof value === 'object' && value !== null) return Object.entries(value).every(([key, item]) => !loneSurrogate.test(key) && wellFormed(item));
  return true;
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
