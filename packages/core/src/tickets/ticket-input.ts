import { PorticoError } from '../shared/errors.js';
import type { TicketMessageSource } from './ticket-model.js';

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_MESSAGE_LENGTH = 20_000;
/** What the stripper removed from an email reply, at most: a long thread's history is shortened. */
export const MAX_QUOTED_TEXT_LENGTH = 100_000;
const MAX_AUTHOR_NAME_LENGTH = 200;

/** A ticket's subject: trimmed, 1 to 200 characters, one line. */
export function requireSubject(value: unknown): string {
  const subject = requireTrimmed(value, 'subject', MAX_SUBJECT_LENGTH);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(subject)) {
    throw new PorticoError('invalid_input', 'subject must be a single line of text.', { field: 'subject' });
  }
  return subject;
}

/** A message's text: trimmed, 1 to 20,000 characters; line breaks are kept. */
export function requireMessage(value: unknown): string {
  return requireTrimmed(value, 'message', MAX_MESSAGE_LENGTH).replace(/\r\n?/g, '\n');
}

export function requireAuthorName(value: unknown): string {
  const name = requireTrimmed(value, 'authorName', MAX_AUTHOR_NAME_LENGTH);
  return name.replace(/\s+/g, ' ');
}

export function optionalId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > 100) {
    throw new PorticoError('invalid_input', `${field} must be an id.`, { field });
  }
  return value;
}

export function requireSource<S extends TicketMessageSource>(value: unknown, allowed: readonly S[], fallback: S): S {
  return requireOneOf(value, allowed, fallback, 'source');
}

export function requireOneOf<S extends string>(value: unknown, allowed: readonly S[], fallback: S, field: string): S {
  if (value === undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as S;
  throw new PorticoError('invalid_input', `${field} must be one of ${allowed.join(', ')}.`, { field });
}

export function requireObject<T>(value: T, what: string): NonNullable<T> {
  if (typeof value !== 'object' || value === null) throw new PorticoError('invalid_input', `${what} must be an object.`);
  return value as NonNullable<T>;
}

function requireTrimmed(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new PorticoError('invalid_input', `${field} is required and must be non-empty text.`, { field });
  if (text.length > max) throw new PorticoError('invalid_input', `${field} must be at most ${max.toLocaleString('en')} characters.`, { field });
  return text;
}
