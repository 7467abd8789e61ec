import { PorticoError } from './errors.js';

/** The languages the portal, its emails and documents speak. */
export const supportedLocales = ['en', 'de', 'it', 'ru', 'ja', 'ar'] as const;
export type Locale = (typeof supportedLocales)[number];

export function requireLocale(value: unknown, field: string): Locale {
  if (typeof value === 'string' && (supportedLocales as readonly string[]).includes(value)) return value as Locale;
  throw new PorticoError('invalid_input', `${field} must be one of ${supportedLocales.join(', ')}.`, { field });
}
