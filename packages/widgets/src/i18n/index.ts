import { en } from './en.js';
import type { Strings } from './strings.js';

export type { Strings } from './strings.js';

/**
 * The languages with a complete table. Adding one: write `de.ts` (an object
 * of type `Strings`), add `'de'` here and to `tables` below.
 */
export type Locale = 'en';

export const tables: Record<Locale, Strings> = { en };

export const defaultLocale: Locale = 'en';

const rightToLeft = new Set(['ar', 'fa', 'he', 'ur']);

function primarySubtag(tag: string | null | undefined): string {
  return (tag ?? '').trim().split(/[-_]/)[0]!.toLowerCase();
}

/** The table for a BCP 47 tag (`de-CH` → `de`), English when there is none. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const primary = primarySubtag(tag);
  return Object.hasOwn(tables, primary) ? (primary as Locale) : defaultLocale;
}

export function stringsFor(tag: string | null | undefined): Strings {
  return tables[resolveLocale(tag)];
}

/** Writing direction of a language: `rtl` for Arabic (and Persian, Hebrew, Urdu), else `ltr`. */
export function textDirection(tag: string | null | undefined): 'ltr' | 'rtl' {
  return rightToLeft.has(primarySubtag(tag)) ? 'rtl' : 'ltr';
}

/**
 * The tag to give `Intl` (dates, numbers, money): the one asked for when the
 * text is in its language (`en-GB` keeps British dates), else the language
 * the text is shown in, so dates match the words around them.
 */
export function intlLocale(tag: string | null | undefined): string {
  const locale = resolveLocale(tag);
  if (primarySubtag(tag) !== locale) return locale;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag!).length > 0 ? tag! : locale;
  } catch {
    return locale;
  }
}
