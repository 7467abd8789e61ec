import { isSupportedLocale, supportedLocales, type Locale } from '@portico/wire';
import { PorticoError } from './errors.js';

export { supportedLocales, type Locale };

export function requireLocale(value: unknown, field: string): Locale {
  if (isSupportedLocale(value)) return value;
  throw new PorticoError('invalid_input', `${field} must be one of ${supportedLocales.join(', ')}.`, { field });
}
