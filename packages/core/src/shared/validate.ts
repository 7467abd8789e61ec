import { PorticoError } from './errors.js';

/** Small input checks shared by the services; each throws a PorticoError naming the field. */

export function requireText(value: unknown, field: string, options: { max?: number } = {}): string {
  const max = options.max ?? 500;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PorticoError('invalid_input', `${field} is required and must be non-empty text.`, { field });
  }
  const text = value.trim();
  if (text.length > max) {
    throw new PorticoError('invalid_input', `${field} must be at most ${max} characters.`, { field });
  }
  return text;
}

export function optionalText(value: unknown, field: string, options: { max?: number } = {}): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    throw new PorticoError('invalid_input', `${field} must be text.`, { field });
  }
  const max = options.max ?? 5000;
  if (value.length > max) {
    throw new PorticoError('invalid_input', `${field} must be at most ${max} characters.`, { field });
  }
  return value;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability
// is proven by the magic link, not by a regex.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireEmail(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > 254 || !emailPattern.test(value.trim())) {
    throw new PorticoError('invalid_email', `${field} must be an email address like name@example.com.`, { field });
  }
  return value.trim();
}

/** Lower-cased address used for matching; the original spelling is kept for display. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as `YYYY-MM-DD` that exists (no 2026-02-30). */
export function requireDate(value: unknown, field: string): string {
  const match = typeof value === 'string' ? datePattern.exec(value) : null;
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) {
      return value as string;
    }
  }
  throw new PorticoError('invalid_date', `${field} must be a calendar date written YYYY-MM-DD.`, { field });
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw new PorticoError('invalid_input', `${field} must be true or false.`, { field });
  }
  return value;
}

/** Valid zones only, by what was asked, so nobody can grow it with junk. */
const canonicalZones = new Map<string, string>();

/** An IANA time zone, in its canonical spelling (`europe/berlin` is `Europe/Berlin`). */
export function requireTimeZone(value: unknown, field: string): string {
  if (typeof value === 'string' && value !== '' && value.length <= 64) {
    let zone = canonicalZones.get(value);
    if (zone === undefined) {
      try {
        zone = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
        canonicalZones.set(value, zone);
      } catch {
        zone = undefined;
      }
    }
    if (zone !== undefined) return zone;
  }
  throw new PorticoError('invalid_input', `${field} must be an IANA time zone such as Europe/Berlin.`, { field });
}

/** A zone, or null (left out, null or empty text) for "the business's". */
export function optionalTimeZone(value: unknown, field: string): string | null {
  return value === null || value === undefined || value === '' ? null : requireTimeZone(value, field);
}

export function requireHttpUrl(value: unknown, field: string): string {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString().replace(/\/$/, '');
    } catch {
      // fall through to the error below
    }
  }
  throw new PorticoError('invalid_input', `${field} must be an absolute http(s) URL.`, { field });
}
