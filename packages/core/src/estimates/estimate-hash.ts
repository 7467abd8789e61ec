import { createHash } from 'node:crypto';
import type { ComputedLine } from '../invoices/line-totals.js';

/** The content of an estimate a client agrees to: what the version hash is taken of. */
export interface EstimateContent {
  currency: string;
  issueDate: string;
  validUntil: string;
  notes: string | null;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  lines: readonly ComputedLine[];
}

/**
 * SHA-256 (hex) of the estimate's canonical content: currency, dates, notes,
 * totals and every line's stored figures, in a fixed order as JSON. The same
 * content always gives the same hash, whatever the estimate's id, number or
 * status; any change to what the client reads gives another. Never change
 * the form: stored acceptances are compared with it.
 */
export function estimateContentHash(content: EstimateContent): string {
  const canonical = [
    'portico-estimate-v1',
    content.currency,
    content.issueDate,
    content.validUntil,
    content.notes,
    [content.subtotal, content.discountTotal, content.taxTotal, content.total],
    content.lines.map((line) => [
      line.description,
      line.quantityMilli,
      line.unitPrice,
      line.taxRateMilli,
      line.discountKind,
      line.discountValue,
      line.gross,
      line.discount,
      line.tax,
      line.total,
    ]),
  ];
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
