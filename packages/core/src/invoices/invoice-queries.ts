import type { InvoiceRow } from '../db/schema.js';
import { businessToday } from '../businesses/business-today.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { readDocumentLines } from './document-lines.js';
import { toInvoiceSummary, type Invoice, type InvoiceLine, type InvoiceSummary } from './invoice-model.js';
import { invoiceDisplayStatuses, type InvoiceDisplayStatus } from './invoice-status.js';
import { displayStatusIn } from './invoice-sql.js';

export async function getInvoice(ctx: BusinessContext, invoiceId: string): Promise<Invoice> {
  const row = await requireInvoiceRow(ctx.db, ctx.businessId, invoiceId);
  return { ...toInvoiceSummary(row, await businessToday(ctx)), lines: await readInvoiceLines(ctx, invoiceId) };
}

/** An invoice's lines, in order. The caller has already checked that the invoice may be read. */
export async function readInvoiceLines(ctx: BusinessContext, invoiceId: string): Promise<InvoiceLine[]> {
  return readDocumentLines(ctx.db, 'invoice_lines', ctx.businessId, invoiceId);
}

export interface InvoiceListOptions {
  clientId?: string;
  /** Display statuses to include; `overdue` and `sent` are told apart by the business's today. */
  status?: InvoiceDisplayStatus | InvoiceDisplayStatus[];
}

/** Invoices of the business, newest issue date first. */
export async function listInvoices(ctx: BusinessContext, options: InvoiceListOptions = {}): Promise<InvoiceSummary[]> {
  const today = await businessToday(ctx);
  let query = ctx.db.selectFrom('invoices').selectAll().where('business_id', '=', ctx.businessId);
  if (options.clientId !== undefined) query = query.where('client_id', '=', options.clientId);
  if (options.status !== undefined) {
    const wanted = Array.isArray(options.status) ? options.status : [options.status];
    for (const status of wanted) {
      if (!invoiceDisplayStatuses.includes(status)) {
        throw new PorticoError('invalid_input', `status must be one of ${invoiceDisplayStatuses.join(', ')}.`, { field: 'status' });
      }
    }
    query = query.where((eb) => displayStatusIn(eb, wanted, today));
  }
  const rows = await query.orderBy('issue_date', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => toInvoiceSummary(row, today));
}

/** The invoice row, only if it belongs to this business; otherwise `invoice_not_found`. */
export async function requireInvoiceRow(executor: Executor, businessId: string, invoiceId: string): Promise<InvoiceRow> {
  const row =
    typeof invoiceId === 'string'
      ? await executor
          .selectFrom('invoices')
          .selectAll()
          .where('business_id', '=', businessId)
          .where('id', '=', invoiceId)
          .executeTakeFirst()
      : undefined;
  if (!row) {
    throw new PorticoError('invoice_not_found', `No invoice with id ${JSON.stringify(invoiceId)} in this business.`, {
      field: 'invoiceId',
    });
  }
  return row;
}

/** The numbers of these invoices of the business (null for a draft not yet numbered); ids of anyone else's are left out. */
export async function invoiceNumbers(ctx: BusinessContext, invoiceIds: readonly string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(invoiceIds.filter((id) => typeof id === 'string'))];
  const numbers = new Map<string, string | null>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await ctx.db
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('business_id', '=', ctx.businessId)
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
    for (const row of rows) numbers.set(row.id, row.number);
  }
  return numbers;
}
