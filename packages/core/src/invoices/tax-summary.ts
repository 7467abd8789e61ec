import type { TaxCategory } from './line-totals.js';

/** One VAT breakdown row (EN 16931 BG-23): the lines of one category and rate. */
export interface TaxSummaryEntry {
  category: TaxCategory;
  /** Percent (19, 7.7, 0). */
  rate: number;
  /** Sum of the lines' net amounts (after line discounts), minor units (BT-116). */
  taxableAmount: number;
  /** Minor units (BT-117); for invoices made since categories exist, the rate applied to the taxable amount, rounded once. */
  taxAmount: number;
}

export interface TaxSummaryLine {
  taxCategory: TaxCategory;
  /** Percent. */
  taxRate: number;
  gross: number;
  discountAmount: number;
  tax: number;
}

const categoryOrder: Record<TaxCategory, number> = { standard: 0, zero: 1, exempt: 2, reverse_charge: 3 };

/** The tax breakdown of a document's lines: one row per category and rate, standard rates highest first. */
export function taxSummary(lines: readonly TaxSummaryLine[]): TaxSummaryEntry[] {
  const rows = new Map<string, TaxSummaryEntry>();
  for (const line of lines) {
    const key = `${line.taxCategory}/${line.taxRate}`;
    const row = rows.get(key) ?? { category: line.taxCategory, rate: line.taxRate, taxableAmount: 0, taxAmount: 0 };
    row.taxableAmount += line.gross - line.discountAmount;
    row.taxAmount += line.tax;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => categoryOrder[a.category] - categoryOrder[b.category] || b.rate - a.rate);
}

/** Which tax notes a document needs: a reverse-charge or exemption line asks for its legal ground to be printed. */
export function taxNotesNeeded(lines: ReadonlyArray<{ taxCategory: TaxCategory }>): { reverseCharge: boolean; exempt: boolean } {
  return {
    reverseCharge: lines.some((line) => line.taxCategory === 'reverse_charge'),
    exempt: lines.some((line) => line.taxCategory === 'exempt'),
  };
}
