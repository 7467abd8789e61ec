import { minorDigits } from './currency-digits.js';

/**
 * Money as people read it, the same in the widgets, the emails and the PDFs.
 * Amounts are integers of minor units; they become a decimal string (never a
 * float) before Intl formats them.
 */

/** `12345` with 2 digits → `"123.45"`; exact for any safe integer. */
export function toDecimalString(amount: number, digits: number): string {
  const negative = amount < 0;
  const units = Math.abs(Math.trunc(amount)).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? units : units.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${units.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const formats = new Map<string, Intl.NumberFormat>();

/** `12345` EUR in `de` → `123,45 €`; in ISO 4217's decimals, where Intl's differ (IQD has 3). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    const decimals = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, ...decimals });
    } catch {
      // A code Intl refuses still shows its amount, without a symbol.
      format = new Intl.NumberFormat(locale, decimals);
    }
    formats.set(key, format);
  }
  return format.format(toDecimalString(minor, digits) as `${number}`);
}
