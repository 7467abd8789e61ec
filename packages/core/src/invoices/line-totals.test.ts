import { describe, expect, it } from 'vitest';
import { minorUnitExponent } from '@portico/wire';
import { toDecimalString } from '../money/money.js';
import { expectPorticoErrorSync } from '../testing/assertions.js';
import { computeLine, computeLines, sumLines, type LineInput } from './line-totals.js';

const line = (overrides: Partial<LineInput> = {}): LineInput => ({ description: 'Work', quantity: 1, unitPrice: 1000, ...overrides });
const amounts = (input: LineInput) => {
  const { gross, discount, tax, total } = computeLine(input, 'lines.0');
  return { gross, discount, tax, total };
};
/** A document's total written out in its currency's decimals. */
const documentTotal = (inputs: LineInput[], currency: string) =>
  toDecimalString(sumLines(computeLines(inputs)).total, minorUnitExponent(currency)!);

describe('computeLine', () => {
  it('multiplies quantity by unit price and adds tax', () => {
    expect(amounts(line({ quantity: 2, unitPrice: 1000, taxRate: 19 }))).toEqual({ gross: 2000, discount: 0, tax: 380, total: 2380 });
  });

  it('keeps what the caller wrote, in stored units', () => {
    const computed = computeLine(line({ description: '  Consulting  ', quantity: 1.5, taxRate: 7.7, discount: { percent: 12.5 } }), 'lines.0');
    expect(computed).toMatchObject({
      description: 'Consulting',
      quantityMilli: 1500,
      unitPrice: 1000,
      taxRateMilli: 7700,
      discountKind: 'percent',
      discountValue: 12500,
    });
  });

  it('treats a missing tax rate and discount as zero', () => {
    expect(amounts(line({ quantity: 3, unitPrice: 333 }))).toEqual({ gross: 999, discount: 0, tax: 0, total: 999 });
  });

  describe('rounds once per line, in minor units, halves away from zero', () => {
    it.each([
      // quantity, unit price → gross
      [0.333, 100, 33], // 33.3
      [0.335, 100, 34], // 33.5, a half: up
      [0.5, 1, 1], // 0.5 → 1
      [0.125, 4, 1], // 0.5 → 1
      [2.5, 1, 3], // 2.5 → 3
      [0.001, 499, 0], // 0.499 → 0
      [0.001, 500, 1], // 0.5 → 1
      [1.005, 1000, 1005],
      [3, 0.333 * 1000, 999],
    ])('%d × %i = %i', (quantity, unitPrice, gross) => {
      expect(amounts(line({ quantity, unitPrice })).gross).toBe(gross);
    });

    it.each([
      // net, tax rate → tax
      [1250, 19, 238], // 237.5
      [1050, 7.7, 81], // 80.85
      [10, 5, 1], // 0.5
      [10, 4.999, 0], // 0.4999
      [1, 100, 1],
      [999, 0.001, 0],
    ])('tax on %i at %d%% is %i', (unitPrice, taxRate, tax) => {
      expect(amounts(line({ unitPrice, taxRate })).tax).toBe(tax);
    });

    it('three lines of 0.333 × 1.00 come to 0.99, not 1.00: each line is rounded on its own', () => {
      const lines = computeLines([line({ quantity: 0.333, unitPrice: 100 }), line({ quantity: 0.333, unitPrice: 100 }), line({ quantity: 0.333, unitPrice: 100 })]);
      expect(lines.map((l) => l.total)).toEqual([33, 33, 33]);
      expect(sumLines(lines).total).toBe(99);
    });
  });

  describe('discounts', () => {
    it('takes a percentage off before tax, rounding the discount', () => {
      // 999 × 10% = 99.9 → 100; tax 20% of 899 = 179.8 → 180.
      expect(amounts(line({ unitPrice: 999, taxRate: 20, discount: { percent: 10 } }))).toEqual({
        gross: 999,
        discount: 100,
        tax: 180,
        total: 1079,
      });
    });

    it('takes a fixed amount off before tax', () => {
      expect(amounts(line({ quantity: 5, unitPrice: 1000, taxRate: 19, discount: { amount: 1500 } }))).toEqual({
        gross: 5000,
        discount: 1500,
        tax: 665,
        total: 4165,
      });
    });

    it('allows a discount of the whole line (100% or the full amount)', () => {
      expect(amounts(line({ unitPrice: 1000, taxRate: 19, discount: { percent: 100 } })).total).toBe(0);
      expect(amounts(line({ unitPrice: 1000, taxRate: 19, discount: { amount: 1000 } })).total).toBe(0);
    });

    it('refuses an amount off larger than the line with invalid_discount', () => {
      const error = expectPorticoErrorSync(() => computeLine(line({ unitPrice: 1000, discount: { amount: 1001 } }), 'lines.3'), 'invalid_discount');
      expect(error.field).toBe('lines.3.discount.amount');
    });

    it.each([
      ['over 100%', { percent: 100.001 }],
      ['a negative percent', { percent: -5 }],
      ['more than 3 decimals', { percent: 10.0001 }],
      ['both kinds at once', { percent: 10, amount: 100 }],
      ['neither kind', {}],
      ['a bare number', 10],
      ['a string', '10%'],
    ])('refuses %s with invalid_discount', (_, discount) => {
      expectPorticoErrorSync(() => computeLine(line({ discount: discount as LineInput['discount'] }), 'lines.0'), 'invalid_discount');
    });

    it('refuses a negative amount off', () => {
      expectPorticoErrorSync(() => computeLine(line({ discount: { amount: -1 } }), 'lines.0'), 'invalid_amount');
    });
  });

  describe('quantity', () => {
    it.each([
      ['negative', -1],
      ['zero', 0],
      ['more than 3 decimals', 1.0001],
      ['over one billion', 1_000_000_001],
      ['not a number', Number.NaN],
      ['infinite', Number.POSITIVE_INFINITY],
      ['text', '2'],
    ])('refuses a %s quantity with invalid_quantity', (_, quantity) => {
      const error = expectPorticoErrorSync(() => computeLine(line({ quantity: quantity as number }), 'lines.1'), 'invalid_quantity');
      expect(error.field).toBe('lines.1.quantity');
    });

    it('takes up to 3 decimals', () => {
      expect(computeLine(line({ quantity: 0.001 }), 'lines.0').quantityMilli).toBe(1);
      expect(computeLine(line({ quantity: 0.1 + 0.2 }), 'lines.0').quantityMilli).toBe(300);
    });
  });

  describe('tax rate', () => {
    it('takes 0 to 100 percent', () => {
      expect(amounts(line({ taxRate: 0 })).tax).toBe(0);
      expect(amounts(line({ taxRate: 100 })).tax).toBe(1000);
    });

    it.each([
      ['over 100', 100.001],
      ['far over 100', 250],
      ['negative', -1],
      ['with more than 3 decimals', 19.0001],
      ['not a number', Number.NaN],
    ])('refuses a rate %s with invalid_tax_rate', (_, taxRate) => {
      const error = expectPorticoErrorSync(() => computeLine(line({ taxRate }), 'lines.0'), 'invalid_tax_rate');
      expect(error.field).toBe('lines.0.taxRate');
    });
  });

  describe('unit price and overflow', () => {
    it('takes a price of zero but refuses negative and fractional prices', () => {
      expect(amounts(line({ unitPrice: 0 })).total).toBe(0);
      expectPorticoErrorSync(() => computeLine(line({ unitPrice: -100 }), 'lines.0'), 'invalid_amount');
      expectPorticoErrorSync(() => computeLine(line({ unitPrice: 10.5 }), 'lines.0'), 'invalid_amount');
    });

    it('computes exactly up to Number.MAX_SAFE_INTEGER', () => {
      expect(amounts(line({ unitPrice: Number.MAX_SAFE_INTEGER })).total).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('refuses a unit price past Number.MAX_SAFE_INTEGER with amount_overflow', () => {
      expectPorticoErrorSync(() => computeLine(line({ unitPrice: Number.MAX_SAFE_INTEGER + 1 }), 'lines.0'), 'amount_overflow');
    });

    it('refuses a line whose amount, or amount with tax, overflows', () => {
      expectPorticoErrorSync(() => computeLine(line({ quantity: 2, unitPrice: Number.MAX_SAFE_INTEGER }), 'lines.0'), 'amount_overflow');
      expectPorticoErrorSync(() => computeLine(line({ unitPrice: Number.MAX_SAFE_INTEGER, taxRate: 10 }), 'lines.0'), 'amount_overflow');
    });
  });

  it('refuses a line without a description', () => {
    const error = expectPorticoErrorSync(() => computeLine(line({ description: '   ' }), 'lines.0'), 'invalid_input');
    expect(error.field).toBe('lines.0.description');
  });
});

describe('computeLines', () => {
  it('names the failing line by its index', () => {
    const error = expectPorticoErrorSync(() => computeLines([line(), line({ quantity: -2 })]), 'invalid_quantity');
    expect(error.field).toBe('lines.1.quantity');
  });

  it('refuses something that is not a list, or more than 500 lines', () => {
    expectPorticoErrorSync(() => computeLines('lines'), 'invalid_input');
    expectPorticoErrorSync(() => computeLines(Array.from({ length: 501 }, () => line())), 'invalid_input');
  });
});

describe('sumLines', () => {
  it('makes the document totals the sums of the lines', () => {
    const lines = computeLines([
      line({ quantity: 1.5, unitPrice: 8000, taxRate: 19 }),
      line({ quantity: 0.333, unitPrice: 12345, taxRate: 7, discount: { percent: 15 } }),
      line({ quantity: 12, unitPrice: 199, taxRate: 0, discount: { amount: 300 } }),
    ]);
    const totals = sumLines(lines);
    const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((acc, l) => acc + pick(l), 0);
    expect(totals).toEqual({
      subtotal: sum((l) => l.gross),
      discountTotal: sum((l) => l.discount),
      taxTotal: sum((l) => l.tax),
      total: sum((l) => l.total),
    });
    expect(totals.total).toBe(totals.subtotal - totals.discountTotal + totals.taxTotal);
    // 12000 + 2280 | 4111 − 617 = 3494 + 245 | 2388 − 300 = 2088
    expect(totals).toEqual({ subtotal: 18499, discountTotal: 917, taxTotal: 2525, total: 20107 });
  });

  it('is all zeros for no lines', () => {
    expect(sumLines([])).toEqual({ subtotal: 0, discountTotal: 0, taxTotal: 0, total: 0 });
  });

  it('refuses a document whose total overflows even when every line fits', () => {
    const big = line({ unitPrice: Math.floor(Number.MAX_SAFE_INTEGER / 2) + 1 });
    const error = expectPorticoErrorSync(() => sumLines(computeLines([big, big])), 'amount_overflow');
    expect(error.message).toContain('Invoice');
  });
});

describe('currencies with other decimals', () => {
  it('JPY (no decimals): yen are the minor unit, rounded to whole yen', () => {
    // 1.5 × ¥333 = 499.5 → ¥500; 8% of 500 = ¥40.
    expect(amounts(line({ quantity: 1.5, unitPrice: 333, taxRate: 8 }))).toEqual({ gross: 500, discount: 0, tax: 40, total: 540 });
    expect(documentTotal([line({ quantity: 3, unitPrice: 1000, taxRate: 10 }), line({ quantity: 1.5, unitPrice: 333, taxRate: 8 })], 'JPY')).toBe('3840');
  });

  it('KWD (three decimals): fils are the minor unit', () => {
    // 3 × 1.250 KWD = 3.750; 5% = 0.1875 → 0.188.
    expect(amounts(line({ quantity: 3, unitPrice: 1250, taxRate: 5 }))).toEqual({ gross: 3750, discount: 0, tax: 188, total: 3938 });
    expect(documentTotal([line({ quantity: 3, unitPrice: 1250, taxRate: 5 })], 'KWD')).toBe('3.938');
  });

  it('BHD (three decimals): 10% VAT on 0.105 BHD rounds to 0.011', () => {
    expect(amounts(line({ unitPrice: 105, taxRate: 10 }))).toEqual({ gross: 105, discount: 0, tax: 11, total: 116 });
    expect(documentTotal([line({ unitPrice: 105, taxRate: 10 }), line({ quantity: 0.333, unitPrice: 1000 })], 'BHD')).toBe('0.449');
  });
});
