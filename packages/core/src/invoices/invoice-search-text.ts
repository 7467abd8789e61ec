import type { Executor } from '../context.js';
import { searchTextOf } from '../shared/search-text.js';

/** What an invoice is found by: its number, its notes, and its lines' descriptions in order. */
export interface InvoiceSearchFields {
  number: string | null;
  notes: string | null;
  descriptions: readonly string[];
}

/** The invoice's `search_text` (see `shared/search-text.ts`). */
export function invoiceSearchText({ number, notes, descriptions }: InvoiceSearchFields): string {
  return searchTextOf([number, notes, ...descriptions]);
}

/**
 * Writes the invoice's `search_text` again from what is stored now. Call it in
 * the transaction that changed the number, the notes or the lines, after those
 * writes: it reads them back, so two edits of different fields can't leave
 * text that misses one of them.
 */
export async function refreshInvoiceSearchText(executor: Executor, businessId: string, invoiceId: string): Promise<void> {
  const invoice = await executor
    .selectFrom('invoices')
    .select(['number', 'notes'])
    .where('business_id', '=', businessId)
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  const lines = await executor
    .selectFrom('invoice_lines')
    .select('description')
    .where('business_id', '=', businessId)
    .where('document_id', '=', invoiceId)
    .orderBy('position')
    .execute();
  const searchText = invoiceSearchText({ ...invoice, descriptions: lines.map((line) => line.description) });
  await executor.updateTable('invoices').set({ search_text: searchText }).where('business_id', '=', businessId).where('id', '=', invoiceId).execute();
}
