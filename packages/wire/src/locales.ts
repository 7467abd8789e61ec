/** The languages the portal, its emails and its documents speak; English is the default and always built in. */
export const supportedLocales = ['en', 'de', 'it', 'ru', 'ja', 'ar'] as const;
export type Locale = (typeof supportedLocales)[number];

export const defaultLocale: Locale = 'en';

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}
