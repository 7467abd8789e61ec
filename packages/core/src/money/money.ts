import { PorticoError } from '../shared/errors.js';
import { formatMoney as formatMoneyIn, isKnownCurrency, toDecimalString } from '@portico/wire';

/**
 * Money is an integer count of the currency's minor unit (cents, yen, fils)
 * plus an ISO 4217 code. Never a float.
 */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * The largest amount Portico stores, in minor units. Amounts must stay exact
 * as JavaScript numbers, so the bound is Number.MAX_SAFE_INTEGER (about 9e15,
 * which is 90 trillion in a 2-decimal currency).
 */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

export function requireCurrency(value: unknown, field = 'currency'): string {
  if (typeof value === 'string') {
    const code = value.trim().toUpperCase();
    if (isKnownCurrency(code)) return code;
  }
  throw new PorticoError(
    'unknown_currency',
    `${field} must be an active ISO 4217 currency code such as EUR or USD; got ${JSON.stringify(value)}.`,
    { field },
  );
}

/** A non-negative whole number of minor units that fits in MAX_AMOUNT. */
export function requireAmount(value: unknown, field: string, options: { allowZero?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    throw new PorticoError('invalid_amount', `${field} must be a whole number of minor units (cents), not ${JSON.stringify(value)}.`, { field });
  }
  if (value < 0 || (value === 0 && !options.allowZero)) {
    throw new PorticoError('invalid_amount', `${field} must be ${options.allowZero ? 'zero or more' : 'more than zero'}.`, { field });
  }
  if (value > MAX_AMOUNT) {
    throw new PorticoError('amount_overflow', `${field} is larger than the largest amount Portico can store (${MAX_AMOUNT}).`, { field });
  }
  return value;
}

/** Checks that a bigint computed from amounts still fits; converts it to a number. */
export function toSafeAmount(value: bigint, field: string): number {
  if (value > BigInt(MAX_AMOUNT) || value < -BigInt(MAX_AMOUNT)) {
    throw new PorticoError('amount_overflow', `${field} comes to more than the largest amount Portico can store (${MAX_AMOUNT} minor units).`, { field });
  }
  return Number(value);
}

/** Rounds numerator/denominator to the nearest integer, halves away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/**
 * Formats minor units for a person, using the currency's own exponent for the
 * digits (Intl is given the exact decimal string, so no float rounding).
 */
export function formatMoney(money: Money, locale = 'en'): string {
  return formatMoneyIn(money.amount, money.currency, locale);
}

export { toDecimalString };

/** Sums amounts grouped by currency, sorted by currency code. */
export function totalsByCurrency(items: Iterable<Money>): Money[] {
  const sums = new Map<string, number>();
  for (const { amount, currency } of items) sums.set(currency, (sums.get(currency) ?? 0) + amount);
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }));
}
