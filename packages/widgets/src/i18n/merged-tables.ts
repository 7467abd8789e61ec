import { loadedStrings, loadStrings, stringsFor, type Locale, type Strings } from './index.js';
import type { LazyTables } from './tables.js';

/** A widget family's own text (the business's widgets, the estimates) on top of the client widgets' table. */
export interface MergedTables<T> {
  /** True once both of a language's tables are here. */
  loaded(locale: Locale): boolean;
  /** Fetches both of a language's tables (once; English for one whose file cannot be fetched). */
  load(locale: Locale): Promise<Strings & T>;
  /** Both tables of a language as one, as far as they are loaded (English for the rest); the same object until one changes. */
  stringsFor(locale: Locale): Strings & T;
}

export function mergedTables<T>(en: T, tables: LazyTables<T>): MergedTables<T> {
  const merged = new Map<Locale, { client: Strings; own: T; both: Strings & T }>();
  const both = (locale: Locale): Strings & T => {
    const client = stringsFor(locale);
    const own = tables.loaded(locale) ?? en;
    let entry = merged.get(locale);
    if (entry?.client !== client || entry.own !== own) merged.set(locale, (entry = { client, own, both: { ...client, ...own } }));
    return entry.both;
  };
  return {
    loaded: (locale) => loadedStrings(locale) !== undefined && tables.loaded(locale) !== undefined,
    async load(locale) {
      await Promise.all([loadStrings(locale), tables.load(locale)]);
      return both(locale);
    },
    stringsFor: both,
  };
}
