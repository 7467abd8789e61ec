import { PorticoError } from '../shared/errors.js';
import { divideRounded, requireAmount, toSafeAmount } from '../money/money.js';

/** A line item as the caller writes it. */
export interface LineInput {
  description: string;
  /** Up to 3 decimals (1.5 hours). Must be more than zero. */
  quantity: number;
  /** Price of one unit, in minor units of the invoice's currency. */
  unitPrice: number;
  /** Percent, up to 3 decimals (19, 7.7, 0). Default 0. */
  taxRate?: number;
  /**
   * VAT category (EN 16931 BT-151). Default: `standard` when the rate is above
   * 0, else `zero`. `zero`, `exempt` and `reverse_charge` take a rate of 0;
   * `standard` a rate above 0.
   */
  taxCategory?: TaxCategory;
  /** Off this line before tax: a percentage, or a fixed amount in minor units. */
  discount?: { percent: number } | { amount: number };
}

/** VAT categories (EN 16931 code: S, Z, E, AE). */
export const taxCategories = ['standard', 'zero', 'exempt', 'reverse_charge'] as const;
export type TaxCategory = (typeof taxCategories)[number];

/** A line with its amounts worked out, all in minor units. */
export interface ComputedLine {
  description: string;
  quantityMilli: number;
  unitPrice: number;
  taxRateMilli: number;
  taxCategory: TaxCategory;
  discountKind: 'none' | 'percent' | 'amount';
  /** Thousandths of a percent for `percent`, minor units for `amount`. */
  discountValue: number;
  /** quantity × unit price, rounded. */
  gross: number;
  discount: number;
  tax: number;
  /** gross − discount + tax. */
  total: number;
}

export interface DocumentTotals {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
}

const MAX_QUANTITY_MILLI = 1_000_000_000_000; // one billion units
const HUNDRED_PERCENT_MILLI = 100_000n;

/**
 * Works out one line. Rounding happens per line, in minor units, halves away
 * from zero: gross = round(qty × price); discount = round(gross × pct);
 * tax = round((gross − discount) × rate). Document totals are sums of lines,
 * so what a line shows always adds up to what the invoice says.
 */
export function computeLine(input: LineInput, field: string): ComputedLine {
  if (typeof input !== 'object' || input === null) {
    throw new PorticoError('invalid_input', `${field} must be a line item object.`, { field });
  }
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (description === '' || description.length > 1000) {
    throw new PorticoError('invalid_input', `${field}.description is required (at most 1000 characters).`, {
      field: `${field}.description`,
    });
  }
  const quantityMilli = thousandths(input.quantity, `${field}.quantity`, 'invalid_quantity', 'quantity');
  if (quantityMilli <= 0 || quantityMilli > MAX_QUANTITY_MILLI) {
    throw new PorticoError('invalid_quantity', `${field}.quantity must be more than zero and at most one billion.`, {
      field: `${field}.quantity`,
    });
  }
  const unitPrice = requireAmount(input.unitPrice, `${field}.unitPrice`, { allowZero: true });
  const taxRateMilli = thousandths(input.taxRate ?? 0, `${field}.taxRate`, 'invalid_tax_rate', 'tax rate');
  if (taxRateMilli < 0 || BigInt(taxRateMilli) > HUNDRED_PERCENT_MILLI) {
    throw new PorticoError('invalid_tax_rate', `${field}.taxRate must be a percentage from 0 to 100.`, {
      field: `${field}.taxRate`,
    });
  }

  const taxCategory = requireTaxCategory(input.taxCategory, taxRateMilli, field);

  const gross = divideRounded(BigInt(quantityMilli) * BigInt(unitPrice), 1000n);
  const { discountKind, discountValue, discount } = computeDiscount(input.discount, gross, `${field}.discount`);
  const net = gross - discount;
  const tax = divideRounded(net * BigInt(taxRateMilli), HUNDRED_PERCENT_MILLI);

  return {
    description,
    quantityMilli,
    unitPrice,
    taxRateMilli,
    taxCategory,
    discountKind,
    discountValue,
    gross: toSafeAmount(gross, `${field} amount`),
    discount: Number(discount),
    tax: toSafeAmount(tax, `${field} tax`),
    total: toSafeAmount(net + tax, `${field} total`),
  };
}

function requireTaxCategory(value: unknown, taxRateMilli: number, field: string): TaxCategory {
  if (value === undefined || value === null) return taxRateMilli > 0 ? 'standard' : 'zero';
  if (!taxCategories.includes(value as TaxCategory)) {
    throw new PorticoError('invalid_tax_category', `${field}.taxCategory must be one of ${taxCategories.join(', ')}.`, {
      field: `${field}.taxCategory`,
    });
  }
  const category = value as TaxCategory;
  if (category === 'standard' && taxRateMilli === 0) {
    throw new PorticoError('invalid_tax_category', `${field}: a standard-rated line needs a taxRate above 0; a 0% line is zero, exempt or reverse_charge.`, {
      field: `${field}.taxCategory`,
    });
  }
  if (category !== 'standard' && taxRateMilli !== 0) {
    throw new PorticoError('invalid_tax_category', `${field}: a ${category.replace('_', ' ')} line carries no tax, so its taxRate must be 0.`, {
      field: `${field}.taxRate`,
    });
  }
  return category;
}

function computeDiscount(
  discount: LineInput['discount'],
  gross: bigint,
  field: string,
): { discountKind: ComputedLine['discountKind']; discountValue: number; discount: bigint } {
  if (discount === undefined || discount === null) return { discountKind: 'none', discountValue: 0, discount: 0n };
  if (typeof discount !== 'object') {
    throw new PorticoError('invalid_discount', `${field} must be { percent } or { amount }.`, { field });
  }
  if ('percent' in discount && !('amount' in discount)) {
    const percentMilli = thousandths(discount.percent, `${field}.percent`, 'invalid_discount', 'discount');
    if (percentMilli < 0 || BigInt(percentMilli) > HUNDRED_PERCENT_MILLI) {
      throw new PorticoError('invalid_discount', `${field}.percent must be from 0 to 100.`, { field: `${field}.percent` });
    }
    return {
      discountKind: 'percent',
      discountValue: percentMilli,
      discount: divideRounded(gross * BigInt(percentMilli), HUNDRED_PERCENT_MILLI),
    };
  }
  if ('amount' in discount && !('percent' in discount)) {
    const amount = requireAmount(discount.amount, `${field}.amount`, { allowZero: true });
    if (BigInt(amount) > gross) {
      throw new PorticoError('invalid_discount', `${field}.amount is more than the line's amount before discount.`, {
        field: `${field}.amount`,
      });
    }
    return { discountKind: 'amount', discountValue: amount, discount: BigInt(amount) };
  }
  throw new PorticoError('invalid_discount', `${field} must be { percent } or { amount }, not both or neither.`, { field });
}

/** A number with at most 3 decimals, as an integer count of thousandths. */
function thousandths(value: unknown, field: string, code: 'invalid_quantity' | 'invalid_tax_rate' | 'invalid_discount', what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PorticoError(code, `${field} must be a number.`, { field });
  }
  const scaled = Math.round(value * 1000);
  if (Math.abs(scaled - value * 1000) > 1e-6 * Math.max(1, Math.abs(value))) {
    throw new PorticoError(code, `${field}: a ${what} can have at most 3 decimal places.`, { field });
  }
  if (!Number.isSafeInteger(scaled)) {
    throw new PorticoError(code, `${field} is too large.`, { field });
  }
  return scaled;
}

/** Sums lines into document totals; every figure is checked to fit. */
export function sumLines(lines: readonly ComputedLine[]): DocumentTotals {
  let subtotal = 0n;
  let discountTotal = 0n;
  let taxTotal = 0n;
  let total = 0n;
  for (const line of lines) {
    subtotal += BigInt(line.gross);
    discountTotal += BigInt(line.discount);
    taxTotal += BigInt(line.tax);
    total += BigInt(line.total);
  }
  return {
    subtotal: toSafeAmount(subtotal, 'Invoice subtotal'),
    discountTotal: toSafeAmount(discountTotal, 'Invoice discount'),
    taxTotal: toSafeAmount(taxTotal, 'Invoice tax'),
    total: toSafeAmount(total, 'Invoice total'),
  };
}

export function computeLines(lines: unknown, field = 'lines'): ComputedLine[] {
  if (!Array.isArray(lines)) {
    throw new PorticoError('invalid_input', `${field} must be a list of line items.`, { field });
  }
  if (lines.length > 500) {
    throw new PorticoError('invalid_input', `${field} can hold at most 500 line items.`, { field });
  }
  return roundTaxPerRate(lines.map((line, index) => computeLine(line as LineInput, `${field}.${index}`)));
}

/**
 * EN 16931 (BR-CO-17) wants each rate's tax to be that rate applied to the
 * rate's taxable amount, rounded once, not a sum of lines rounded one by one
 * (three lines of 0.05 at 19% are 0.03 of tax, not 3 × 0.01). So each rate's
 * tax is worked out from its lines' net sum, and the minor units by which it
 * differs from the per-line figures are moved onto the lines (largest net
 * first, one unit each), so lines still add up to the totals.
 */
function roundTaxPerRate(lines: ComputedLine[]): ComputedLine[] {
  const groups = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const key = `${line.taxCategory}/${line.taxRateMilli}`;
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const result = [...lines];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const rate = BigInt(result[members[0]!]!.taxRateMilli);
    const taxable = members.reduce((sum, index) => sum + BigInt(result[index]!.gross - result[index]!.discount), 0n);
    const lineTaxes = members.reduce((sum, index) => sum + BigInt(result[index]!.tax), 0n);
    let difference = Number(divideRounded(taxable * rate, HUNDRED_PERCENT_MILLI) - lineTaxes);
    if (difference === 0) continue;
    const byNet = [...members].sort((a, b) => result[b]!.gross - result[b]!.discount - (result[a]!.gross - result[a]!.discount) || a - b);
    for (let turn = 0; difference !== 0; turn++) {
      const index = byNet[turn % byNet.length]!;
      const step = difference > 0 ? 1 : -1;
      const line = result[index]!;
      result[index] = { ...line, tax: line.tax + step, total: line.total + step };
      difference -= step;
    }
  }
  return result;
}
