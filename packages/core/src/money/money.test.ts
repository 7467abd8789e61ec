import { describe, expect, it } from 'vitest';
import { expectPorticoErrorSync } from '../testing/assertions.js';
import {
  MAX_AMOUNT,
  divideRounded,
  formatMoney,
  requireAmount,
  requireCurrency,
  toSafeAmount,
  totalsByCurrency,
} from './money.js';

/** Intl separates a currency code from the number with a no-break space; compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('requireCurrency', () => {
  it('accepts an active code, trimmed and upper-cased', () => {
    expect(requireCurrency('EUR')).toBe('EUR');
    expect(requireCurrency(' jpy ')).toBe('JPY');
  });

  it.each(['XXX', 'EURO', '', 'E', 42, null, undefined])('refuses %j with unknown_currency', (value) => {
    const error = expectPorticoErrorSync(() => requireCurrency(value), 'unknown_currency');
    expect(error.field).toBe('currency');
    expect(error.status).toBe(400);
    expect(error.message).toContain('ISO 4217');
  });
});

describe('requireAmount', () => {
  it('accepts whole minor units up to MAX_AMOUNT', () => {
    expect(requireAmount(1, 'amount')).toBe(1);
    expect(requireAmount(MAX_AMOUNT, 'amount')).toBe(Number.MAX_SAFE_INTEGER);
    expect(requireAmount(0, 'amount', { allowZero: true })).toBe(0);
  });

  it('refuses zero unless allowed, negatives, fractions and non-numbers with invalid_amount', () => {
    expectPorticoErrorSync(() => requireAmount(0, 'amount'), 'invalid_amount');
    expectPorticoErrorSync(() => requireAmount(-1, 'amount'), 'invalid_amount');
    expectPorticoErrorSync(() => requireAmount(10.5, 'amount'), 'invalid_amount');
    expectPorticoErrorSync(() => requireAmount('100', 'amount'), 'invalid_amount');
    expectPorticoErrorSync(() => requireAmount(Number.NaN, 'amount'), 'invalid_amount');
    expectPorticoErrorSync(() => requireAmount(Number.POSITIVE_INFINITY, 'amount'), 'invalid_amount');
  });

  it('refuses an amount beyond Number.MAX_SAFE_INTEGER with amount_overflow', () => {
    const error = expectPorticoErrorSync(() => requireAmount(Number.MAX_SAFE_INTEGER + 1, 'lines.0.unitPrice'), 'amount_overflow');
    expect(error.field).toBe('lines.0.unitPrice');
  });
});

describe('toSafeAmount', () => {
  it('converts a bigint that fits', () => {
    expect(toSafeAmount(BigInt(MAX_AMOUNT), 'total')).toBe(MAX_AMOUNT);
    expect(toSafeAmount(-5n, 'total')).toBe(-5);
  });

  it('refuses one past the bound in either direction', () => {
    expectPorticoErrorSync(() => toSafeAmount(BigInt(MAX_AMOUNT) + 1n, 'total'), 'amount_overflow');
    expectPorticoErrorSync(() => toSafeAmount(-BigInt(MAX_AMOUNT) - 1n, 'total'), 'amount_overflow');
  });
});

describe('divideRounded', () => {
  it.each([
    [10n, 4n, 3n], // 2.5 → 3
    [-10n, 4n, -3n], // −2.5 → −3: halves go away from zero
    [10n, -4n, -3n],
    [9n, 4n, 2n], // 2.25 → 2
    [11n, 4n, 3n], // 2.75 → 3
    [333n, 1000n, 0n], // 0.333 → 0
    [1n, 2n, 1n], // 0.5 → 1
    [0n, 7n, 0n],
  ])('%s / %s = %s', (numerator, denominator, expected) => {
    expect(divideRounded(numerator, denominator)).toBe(expected);
  });
});

describe('formatMoney', () => {
  it('uses two decimals for EUR and USD', () => {
    expect(formatMoney({ amount: 123456, currency: 'USD' })).toBe('$1,234.56');
    expect(formatMoney({ amount: 5, currency: 'EUR' })).toBe('€0.05');
    expect(plain(formatMoney({ amount: 123456, currency: 'EUR' }, 'de'))).toBe('1.234,56 €');
  });

  it('uses no decimals for JPY', () => {
    expect(formatMoney({ amount: 1234, currency: 'JPY' })).toBe('¥1,234');
    expect(formatMoney({ amount: 0, currency: 'JPY' })).toBe('¥0');
  });

  it('uses three decimals for KWD and BHD', () => {
    expect(plain(formatMoney({ amount: 1234567, currency: 'KWD' }))).toBe('KWD 1,234.567');
    expect(plain(formatMoney({ amount: 5, currency: 'BHD' }))).toBe('BHD 0.005');
  });

  it('uses ISO decimals where Intl differs (IQD has 3)', () => {
    expect(plain(formatMoney({ amount: 1500, currency: 'IQD' }))).toBe('IQD 1.500');
  });

  it('formats zero and negatives', () => {
    expect(formatMoney({ amount: 0, currency: 'USD' })).toBe('$0.00');
    expect(formatMoney({ amount: -250, currency: 'USD' })).toBe('-$2.50');
  });

  it('stays exact for the largest amount, where a float would round', () => {
    expect(formatMoney({ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' })).toBe('$90,071,992,547,409.91');
  });
});

describe('totalsByCurrency', () => {
  it('sums per currency, sorted by code, never across currencies', () => {
    expect(
      totalsByCurrency([
        { amount: 1000, currency: 'USD' },
        { amount: 250, currency: 'EUR' },
        { amount: 500, currency: 'USD' },
        { amount: 300, currency: 'JPY' },
      ]),
    ).toEqual([
      { currency: 'EUR', amount: 250 },
      { currency: 'JPY', amount: 300 },
      { currency: 'USD', amount: 1500 },
    ]);
    expect(totalsByCurrency([])).toEqual([]);
  });
});
