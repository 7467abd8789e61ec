import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ru } from './ru.js';
import type { Strings } from './strings.js';

export type { Strings } from './strings.js';

/**
 * The languages with a complete table (the same six the server's emails,
 * pages and PDFs speak). Adding one: write `xx.ts` (an object of type
 * `Strings`), add `'xx'` here and to `tables` below.
 */
export type Locale = 'en' | 'de' | 'it' | 'ru' | 'ja' | 'ar';

export const tables: Record<Locale, Strings> = { en, de, it, ru, ja, ar };

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
