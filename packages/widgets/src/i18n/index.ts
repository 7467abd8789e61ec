import { defaultLocale, supportedLocales, type Locale } from '@portico/wire';
import { en } from './en.js';
import type { Strings } from './strings.js';
import { lazyTables } from './tables.js';

export type { Strings } from './strings.js';
export { defaultLocale, type Locale };

/**
 * The languages with a complete table: @portico/wire's, which the server's
 * emails, pages and PDFs speak too. Adding one: add it there, write `xx.ts`
 * here (an object of type `Strings`) and its loader below.
 *
 * Every table but English is its own file, fetched the first time a widget
 * shows that language: a page downloads one language, not six (they were a
 * quarter of the bundle). English is built in, as the fallback. The text
 * only the business's widgets show is not here: admin/i18n/ has it.
 */
const tables = lazyTables<Strings>(en, {
  de: () => import('./de.js').then((table) => table.de),
  it: () => import('./it.js').then((table) => table.it),
  ru: () => import('./ru.js').then((table) => table.ru),
  ja: () => import('./ja.js').then((table) => table.ja),
  ar: () => import('./ar.js').then((table) => table.ar),
});

export const locales: readonly Locale[] = supportedLocales;

/** The table for a language once it is here (English always is), else `undefined`. */
export function loadedStrings(locale: Locale): Strings | undefined {
  return tables.loaded(locale);
}

/**
 * The table for a language, fetched once. If its file cannot be fetched
 * (offline, a proxy blocking it) this resolves to English, so widgets still
 * work, and the next call tries again.
 */
export function loadStrings(locale: Locale): Promise<Strings> {
  return tables.load(locale);
}

const rightToLeft = new Set(['ar', 'fa', 'he', 'ur']);

function primarySubtag(tag: string | null | undefined): string {
  return (tag ?? '').trim().split(/[-_]/)[0]!.toLowerCase();
}

/** The table for a BCP 47 tag (`de-CH` → `de`), English when there is none. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const primary = primarySubtag(tag);
  return (locales as readonly string[]).includes(primary) ? (primary as Locale) : defaultLocale;
}

/** The table for a BCP 47 tag if it has been loaded (see `loadStrings`), else English. */
export function stringsFor(tag: string | null | undefined): Strings {
  return loadedStrings(resolveLocale(tag)) ?? en;
}

/** Writing direction of a language: `rtl` for Arabic (and Persian, Hebrew, Urdu), else `ltr`. */
export function textDirection(tag: string | null | undefined): 'ltr' | 'rtl' {
  return rightToLeft.has(primarySubtag(tag)) ? 'rtl' : 'ltr';
}

/**
 * The tag to give `Intl` (dates, numbers, money): the one asked for when the
 * text is in its language (`en-GB` keeps British dates), else the language
 * the text is shown in, so dates match the words around them. Arabic keeps
 * Western digits whatever the region (`ar-EG` alone would write ١٢٣), as
 * the PDFs and emails (plain `ar`) do: one number style in every place.
 */
export function intlLocale(tag: string | null | undefined): string {
  const locale = resolveLocale(tag);
  if (primarySubtag(tag) !== locale) return locale;
  let supported: boolean;
  try {
    supported = Intl.DateTimeFormat.supportedLocalesOf(tag!).length > 0;
  } catch {
    supported = false;
  }
  if (!supported) return locale;
  return locale === 'ar' && !/-u-/i.test(tag!) ? `${tag}-u-nu-latn` : tag!;
}
