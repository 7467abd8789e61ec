import { describe, expect, it } from 'vitest';
import { formatMoney, toDecimalString } from './money-format.js';

/** Intl separates a currency code from the number with a no-break space; compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('toDecimalString', () => {
  it.each([
    [12345, 2, '123.45'],
    [5, 2, '0.05'],
    [0, 2, '0.00'],
    [-5, 2, '-0.05'],
    [1234, 0, '1234'],
    [0, 0, '0'],
    [1, 3, '0.001'],
    [1234567, 3, '1234.567'],
    [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91'],
  ])('%i with %i digits is %s', (amount, exponent, expected) => {
    expect(toDecimalString(amount, exponent)).toBe(expected);
  });
});

describe('formatMoney', () => {
  it('reads in the locale, in ISO 4217 decimals', () => {
    expect(plain(formatMoney(12345, 'EUR', 'de'))).toBe('123,45 €');
    expect(formatMoney(12345, 'JPY', 'en')).toBe('¥12,345');
    expect(plain(formatMoney(1234, 'IQD', 'en'))).toBe('IQD 1.234');
  });

  it('stays exact for the largest amount, where a float would round', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });

  it('still shows the amount of a code Intl refuses', () => {
    expect(formatMoney(12345, 'EURO', 'en')).toBe('123.45');
  });
});
