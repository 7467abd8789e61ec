import { describe, expect, it } from 'vitest';
import { defaultLocale, isSupportedLocale, supportedLocales } from './locales.js';

describe('locales', () => {
  it('speaks six languages, English first and the default', () => {
    expect(supportedLocales).toEqual(['en', 'de', 'it', 'ru', 'ja', 'ar']);
    expect(defaultLocale).toBe('en');
  });

  it('recognises only the exact codes', () => {
    expect(isSupportedLocale('de')).toBe(true);
    expect(isSupportedLocale('de-AT')).toBe(false);
    expect(isSupportedLocale('DE')).toBe(false);
    expect(isSupportedLocale(7)).toBe(false);
  });
});
