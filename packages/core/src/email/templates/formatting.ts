import type { Locale } from '../../shared/locales.js';

/** A calendar date (`YYYY-MM-DD`) written out in the reader's language: "9 April 2026". */
export function formatCalendarDate(date: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const instant = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
}

/** The calendar date of an instant where the business is. */
export function formatInstantDate(instant: Date, locale: Locale, timeZone: string): string {
  return formatInZone(instant, locale, timeZone, { dateStyle: 'long' });
}

/** Date and time of an instant where the reader is: "10 Mar 2026, 09:00". */
export function formatInstantDateTime(instant: Date, locale: Locale, timeZone: string): string {
  return formatInZone(instant, locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' });
}

/** In the zone given, or in UTC when the runtime does not know that zone. */
function formatInZone(instant: Date, locale: Locale, timeZone: string, style: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(locale, { ...style, timeZone }).format(instant);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' }).format(instant);
  }
}

/** Picks the plural form of a count in the language's own rules (Russian and Arabic have several). */
export function pluralForm(locale: Locale, count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(locale).select(count);
}

export function formatCount(locale: Locale, count: number): string {
  return new Intl.NumberFormat(locale).format(count);
}
