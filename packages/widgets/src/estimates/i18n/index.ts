import type { Locale, Strings } from '../../i18n/index.js';
import { mergedTables } from '../../i18n/merged-tables.js';
import { lazyTables } from '../../i18n/tables.js';
import { en } from './en.js';
import type { EstimateStrings } from './strings.js';

export type { EstimateStrings } from './strings.js';

/** What the estimate widgets look their text up in: the client widgets' table and their own. */
export type EstimateWidgetStrings = Strings & EstimateStrings;

/**
 * The estimate widgets' own text, one file a language (English in the
 * estimates' chunk, every other fetched the first time an estimate widget
 * shows that language). Adding a language: write `xx.ts` here too.
 */
const tables = mergedTables(
  en,
  lazyTables<EstimateStrings>(en, {
    de: () => import('./de.js').then((table) => table.de),
    it: () => import('./it.js').then((table) => table.it),
    ru: () => import('./ru.js').then((table) => table.ru),
    ja: () => import('./ja.js').then((table) => table.ja),
    ar: () => import('./ar.js').then((table) => table.ar),
  }),
);

export const estimateStringsLoaded = (locale: Locale): boolean => tables.loaded(locale);
export const loadEstimateStrings = (locale: Locale): Promise<EstimateWidgetStrings> => tables.load(locale);
export const estimateStringsFor = (locale: Locale): EstimateWidgetStrings => tables.stringsFor(locale);
