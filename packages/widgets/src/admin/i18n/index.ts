import type { Locale, Strings } from '../../i18n/index.js';
import { mergedTables } from '../../i18n/merged-tables.js';
import { lazyTables } from '../../i18n/tables.js';
import { en } from './en.js';
import type { AdminStrings } from './strings.js';

export type { AdminStrings } from './strings.js';

/** What the business's widgets look their text up in: the client widgets' table and their own. */
export type AdminWidgetStrings = Strings & AdminStrings;

/**
 * The business's widgets' own text, one file a language beside the client
 * widgets' (i18n/): English in admin-widgets.js, every other fetched the
 * first time an admin widget shows that language. Adding a language: write
 * `xx.ts` here too (an object of type `AdminStrings`) and its loader below.
 */
const tables = lazyTables<AdminStrings>(en, {
  de: () => import('./de.js').then((table) => table.de),
  it: () => import('./it.js').then((table) => table.it),
  ru: () => import('./ru.js').then((table) => table.ru),
  ja: () => import('./ja.js').then((table) => table.ja),
  ar: () => import('./ar.js').then((table) => table.ar),
});

const merged = mergedTables(en, tables);

/** True once both of a language's tables are here. */
export const adminStringsLoaded = (locale: Locale): boolean => merged.loaded(locale);

/** Fetches both of a language's tables (once; English for one whose file cannot be fetched). */
export const loadAdminStrings = (locale: Locale): Promise<AdminWidgetStrings> => merged.load(locale);

/** Both tables of a language as one, as far as they are loaded (English for the rest); the same object until one changes. */
export const adminStringsFor = (locale: Locale): AdminWidgetStrings => merged.stringsFor(locale);
