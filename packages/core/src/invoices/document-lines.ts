import type { LineRow, NewRow } from '../db/schema.js';
import { int } from '../db/row-values.js';
import type { Executor } from '../context.js';
import { newId } from '../shared/ids.js';
import type { ComputedLine } from './line-totals.js';
import { toInvoiceLine, type InvoiceLine } from './invoice-model.js';

/**
 * Line storage shared by the documents of one family: invoices keep theirs in
 * `invoice_lines`, estimates in `estimate_lines`, the same columns in each.
 * The caller has already checked that the document is the business's.
 */
export type LineTableName = 'invoice_lines' | 'estimate_lines';

/** Stores computed lines in order (replacing none: delete first to rewrite). */
export async function insertLines(executor: Executor, table: LineTableName, businessId: string, documentId: string, lines: readonly ComputedLine[]): Promise<void> {
  if (lines.length === 0) return;
  const rows: NewRow<'invoice_lines'>[] = lines.map((line, position) => ({
    id: newId('lin'),
    business_id: businessId,
    document_id: documentId,
    position,
    description: line.description,
    quantity_milli: line.quantityMilli,
    unit_price: line.unitPrice,
    tax_rate_milli: line.taxRateMilli,
    tax_category: line.taxCategory,
    discount_kind: line.discountKind,
    discount_value: line.discountValue,
    gross: line.gross,
    discount: line.discount,
    tax: line.tax,
    total: line.total,
  }));
  await executor.insertInto(table).values(rows).execute();
}

export async function deleteLines(executor: Executor, table: LineTableName, businessId: string, documentId: string): Promise<void> {
  await executor.deleteFrom(table).where('business_id', '=', businessId).where('document_id', '=', documentId).execute();
}

/** A document's stored lines, in order. */
export async function readLineRows(executor: Executor, table: LineTableName, businessId: string, documentId: string): Promise<LineRow[]> {
  return executor
    .selectFrom(table)
    .selectAll()
    .where('business_id', '=', businessId)
    .where('document_id', '=', documentId)
    .orderBy('position')
    .execute();
}

/** The stored lines of several documents in one query, by document id, each document's in order. */
export async function readLineRowsOf(executor: Executor, table: LineTableName, businessId: string, documentIds: readonly string[]): Promise<Map<string, LineRow[]>> {
  const byDocument = new Map<string, LineRow[]>(documentIds.map((id) => [id, []]));
  if (documentIds.length === 0) return byDocument;
  const rows = await executor
    .selectFrom(table)
    .selectAll()
    .where('business_id', '=', businessId)
    .where('document_id', 'in', [...documentIds])
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  for (const row of rows) byDocument.get(row.document_id)?.push(row);
  return byDocument;
}

/** A document's lines as the API hands them out. */
export async function readDocumentLines(executor: Executor, table: LineTableName, businessId: string, documentId: string): Promise<InvoiceLine[]> {
  return (await readLineRows(executor, table, businessId, documentId)).map(toInvoiceLine);
}

/** A stored line as computed, to carry into another document unchanged (an estimate's lines into its invoice). */
export function toComputedLine(row: LineRow): ComputedLine {
  return {
    description: row.description,
    quantityMilli: int(row.quantity_milli),
    unitPrice: int(row.unit_price),
    taxRateMilli: int(row.tax_rate_milli),
    taxCategory: row.tax_category,
    discountKind: row.discount_kind,
    discountValue: int(row.discount_value),
    gross: int(row.gross),
    discount: int(row.discount),
    tax: int(row.tax),
    total: int(row.total),
  };
}
