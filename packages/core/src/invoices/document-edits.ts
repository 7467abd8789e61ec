import { minorUnitExponent } from '@portico/wire';
import type { Executor } from '../context.js';
import { requireCurrency } from '../money/money.js';
import { PorticoError } from '../shared/errors.js';
import { optionalText, requireDate } from '../shared/validate.js';
import { deleteLines, insertLines, type LineTableName } from './document-lines.js';
import { computeLines, sumLines, type ComputedLine, type LineInput } from './line-totals.js';

/** The stored totals of a document, from its computed lines. */
export function totalsColumns(lines: readonly ComputedLine[]): { subtotal: number; discount_total: number; tax_total: number; total: number } {
  const totals = sumLines(lines);
  return { subtotal: totals.subtotal, discount_total: totals.discountTotal, tax_total: totals.taxTotal, total: totals.total };
}

export interface CommonDraftPatch {
  currency?: string;
  issueDate?: string;
  notes?: string | null;
  lines?: LineInput[];
}

/**
 * What an edit of a draft changes in the columns every document of the
 * family has (invoices and estimates): currency, issue date, notes, and the
 * lines with the totals they sum to. A currency of other decimals needs the
 * lines again: prices are minor units, so the same number would mean
 * another amount.
 */
export function commonDraftChanges(current: { currency: string }, patch: CommonDraftPatch) {
  const changes: { currency?: string; issue_date?: string; notes?: string | null } & Partial<ReturnType<typeof totalsColumns>> = {};
  if (patch.currency !== undefined) {
    changes.currency = requireCurrency(patch.currency);
    if (patch.lines === undefined && minorUnitExponent(changes.currency) !== minorUnitExponent(current.currency)) {
      throw new PorticoError(
        'invalid_input',
        `${current.currency} and ${changes.currency} have different decimals; send the lines again with prices in ${changes.currency}.`,
        { field: 'lines' },
      );
    }
  }
  if (patch.issueDate !== undefined) changes.issue_date = requireDate(patch.issueDate, 'issueDate');
  if (patch.notes !== undefined) changes.notes = optionalText(patch.notes, 'notes');
  const lines = patch.lines === undefined ? undefined : computeLines(patch.lines);
  if (lines) Object.assign(changes, totalsColumns(lines));
  return { changes, lines };
}

/** Rewrites a document's lines. */
export async function replaceLines(executor: Executor, table: LineTableName, businessId: string, documentId: string, lines: readonly ComputedLine[]): Promise<void> {
  await deleteLines(executor, table, businessId, documentId);
  await insertLines(executor, table, businessId, documentId, lines);
}
