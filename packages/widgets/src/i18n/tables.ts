import type { Locale } from '@portico/wire';

/** One table a language: English built in, every other fetched once, the first time it is asked for. */
export interface LazyTables<T> {
  /** The table for a language once it is here (English always is), else `undefined`. */
  loaded(locale: Locale): T | undefined;
  /** The table, fetched once. If its file cannot be fetched this resolves to English, and the next call tries again. */
  load(locale: Locale): Promise<T>;
}

/** The client widgets' tables (index.ts) and the business's widgets' own (admin/i18n/). */
export function lazyTables<T>(en: T, loaders: Record<Exclude<Locale, 'en'>, () => Promise<T>>): LazyTables<T> {
  const loaded: Partial<Record<Locale, T>> = { en };
  const loading = new Map<Locale, Promise<T>>();
  return {
    loaded: (locale) => loaded[locale],
    load(locale) {
      const table = loaded[locale];
      if (table) return Promise.resolve(table);
      let pending = loading.get(locale);
      if (!pending) {
        pending = loaders[locale as Exclude<Locale, 'en'>]()
          .then((fetched) => (loaded[locale] = fetched))
          .catch((error: unknown) => {
            console.warn(`portico: the ${locale} text could not be loaded (${String(error)}); showing English.`);
            return en;
          })
          .finally(() => loading.delete(locale));
        loading.set(locale, pending);
      }
      return pending;
    },
  };
}
