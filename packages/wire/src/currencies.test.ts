import { describe, expect, it } from 'vitest';
import { isKnownCurrency, knownCurrencies, minorUnitExponent } from './currency-codes.js';
import { minorDigits } from './currency-digits.js';

describe('currencies', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['IQD', 3],
    ['CLF', 4],
  ])('%s has %i decimals', (code, exponent) => {
    expect(minorUnitExponent(code)).toBe(exponent);
    expect(minorDigits(code)).toBe(exponent);
    expect(isKnownCurrency(code)).toBe(true);
  });

  it('knows no code outside ISO 4217, and lists the codes it knows sorted', () => {
    expect(minorUnitExponent('XXX')).toBeUndefined();
    expect(isKnownCurrency('EURO')).toBe(false);
    const codes = knownCurrencies();
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['EUR', 'JPY', 'KWD']));
  });

  it('gives the browser the same digits as the full table, for every known code', () => {
    for (const code of knownCurrencies()) expect(minorDigits(code), code).toBe(minorUnitExponent(code));
  });
});
