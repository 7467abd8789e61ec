export { formatMoney } from '@portico/wire';

/** Dates, numbers and sizes through `Intl`, in the widget's locale (money: @portico/wire's `formatMoney`). Formatters are cached. */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

/**
 * A calendar date (`YYYY-MM-DD`) or an instant (ISO 8601), as a date in the
 * locale; an instant's day is the one in `timeZone` (the business's, from the
 * session; the browser's when not given).
 */
export function formatDate(value: string, locale: string, style: 'medium' | 'long' | 'short' = 'medium', timeZone?: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = dateOnly ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // A calendar date is the same day everywhere: format it in UTC, where it was parsed.
  const zone = dateOnly ? 'UTC' : timeZone;
  return dateTimeFormat(locale, { dateStyle: style }, zone).format(date);
}

export function formatNumber(value: number, locale: string): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })).format(value);
}

/** `20` → `20%`, `7.5` → `7.5%` in the locale. */
export function formatPercent(percent: number, locale: string): string {
  return cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 })).format(percent / 100);
}

/** `1234567` → `1.2 MB` in the locale. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return cached(`bytes|${locale}|${unit}`, () =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: 1 }),
  ).format(value);
}

/** `EUR` → `Euro` in English, `Euro` in German, `ユーロ` in Japanese. */
export function currencyName(code: string, locale: string): string {
  return displayName('currency', code, locale);
}

/** `DE` (ISO 3166-1 alpha-2) → `Germany` in English, `Deutschland` in German. */
export function countryName(code: string, locale: string): string {
  return displayName('region', code, locale);
}

function displayName(type: 'currency' | 'region', code: string, locale: string): string {
  try {
    return (cached(`${type}|${locale}`, () => new Intl.DisplayNames(locale, { type })) as Intl.DisplayNames).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * An instant (ISO 8601) as a date and time in the locale, in `timeZone` (the
 * business's, from the session; the browser's when not given):
 * `Jun 20, 2025, 10:15 AM`. When that zone is not the browser's own, the time
 * names it (`10:15 AM GMT+2`), so a reader elsewhere is not misled.
 */
export function formatDateTime(value: string, locale: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const named = timeZone !== undefined && !sameZoneAsBrowser(timeZone, date);
  const format = named
    ? dateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }, timeZone)
    : dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }, timeZone);
  return format.format(date);
}

/** A cached `Intl.DateTimeFormat`; a zone `Intl` does not know falls back to the browser's. */
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  return cached(`datetime|${locale}|${JSON.stringify(options)}|${timeZone ?? ''}`, () => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      return new Intl.DateTimeFormat(locale, options);
    }
  });
}

/** Whether the browser's clock shows the same time as `timeZone` at that instant. */
function sameZoneAsBrowser(timeZone: string, date: Date): boolean {
  const wallClock = (zone: string | undefined): string => dateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }, zone).format(date);
  return wallClock(timeZone) === wallClock(undefined);
}
