import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { PorticoSchema } from '../db/schema.js';
import { int } from '../db/row-values.js';
import { businessToday } from '../businesses/business-today.js';
import { requireClientRow } from '../clients/client-row.js';
import type { BusinessContext } from '../context.js';
import { readStatementTotals } from './statement-totals.js';
import { PorticoError } from '../shared/errors.js';
import { requireDate } from '../shared/validate.js';
import { decodeInvoiceCursor, encodeInvoiceCursor, type InvoiceSortField, type SortOrder } from './invoice-cursor.js';
import { containsPattern, likeEscaped, parseSearchQuery } from '../shared/search-text.js';
import { displayStatusIn, statusRank, statusRankSql, visibleToClient } from './invoice-sql.js';
import {
  displayStatusesOf,
  invoiceDisplayStatus,
  invoiceDisplayStatuses,
  invoiceStatusFilters,
  type InvoiceDisplayStatus,
  type InvoiceStatus,
  type InvoiceStatusFilter,
} from './invoice-status.js';

export type { InvoiceSortField, SortOrder } from './invoice-cursor.js';

/**
 * What a list of invoices is asked for. Every field is optional; see
 * `listClientInvoices` for the defaults.
 */
export interface InvoiceListQuery {
  /**
   * Display statuses to include (`invoiceDisplayStatus`: `overdue` is a sent
   * invoice past its due date, `partially_paid` one not yet due with a
   * payment), or `unpaid`: sent, partially paid and overdue together.
   */
  status?: InvoiceStatusFilter | InvoiceStatusFilter[];
  /** Issue dates from this day on (inclusive), `YYYY-MM-DD`. */
  from?: string;
  /** Issue dates up to this day (inclusive), `YYYY-MM-DD`. */
  to?: string;
  /** Text found in the number, a line's description or the notes; case-insensitive in every script, at most 200 characters. */
  q?: string;
  /** Default `issueDate`. Status sorts draft, sent, partially paid, overdue, paid, void. */
  sort?: InvoiceSortField;
  /** Default `desc`. */
  order?: SortOrder;
  /** 1 to 100, default 25. */
  limit?: number;
  /** `nextCursor` of the previous page, for the same sort and order. */
  cursor?: string | null;
}

export interface AdminInvoiceListQuery extends InvoiceListQuery {
  /** Only this client's invoices. */
  clientId?: string;
}

/** One row of an invoice list: what a list shows, without lines or notes. */
export interface InvoiceListEntry {
  id: string;
  number: string | null;
  clientId: string;
  status: InvoiceStatus;
  displayStatus: InvoiceDisplayStatus;
  currency: string;
  issueDate: string;
  dueDate: string;
  total: number;
  amountPaid: number;
  /** total − amountPaid; zero for void invoices. */
  balance: number;
  version: number;
}

export interface AdminInvoiceListEntry extends InvoiceListEntry {
  clientName: string;
}

export interface InvoiceListPage<Entry extends InvoiceListEntry = InvoiceListEntry> {
  invoices: Entry[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many invoices match the filters other than `status`, per display status, and how many are `unpaid`. */
  counts: Record<InvoiceStatusFilter, number>;
  /** How many invoices match every filter. */
  total: number;
  /** The business's day the list was read as of (the first page's, for every page of one listing). */
  asOf: string;
}

export const DEFAULT_INVOICE_PAGE_SIZE = 25;
export const MAX_INVOICE_PAGE_SIZE = 100;
export const invoiceSortFields: readonly InvoiceSortField[] = ['issueDate', 'dueDate', 'status', 'amount', 'number'];

/**
 * A client's invoices as the client sees them: every invoice sent to them
 * (void ones too, marked void) and the drafts the business shared, filtered,
 * sorted and paged with a cursor. Paging is by keyset (the sort key, then the
 * id), so invoices added or changed while someone pages never make a row
 * appear twice or go missing from the ones that were there.
 */
export async function listClientInvoices(ctx: BusinessContext, clientId: string, query: InvoiceListQuery = {}): Promise<InvoiceListPage> {
  const parsed = parseListQuery(query);
  if (typeof clientId !== 'string') throw new PorticoError('invalid_input', 'clientId must be text.', { field: 'clientId' });
  return runList(ctx, { ...parsed, clientId, clientView: true });
}

/** The business's invoices across clients (drafts included), for its own back office. */
export async function searchInvoices(ctx: BusinessContext, query: AdminInvoiceListQuery = {}): Promise<InvoiceListPage<AdminInvoiceListEntry>> {
  const parsed = parseListQuery(query);
  const clientId = emptyToUndefined(query.clientId);
  if (clientId !== undefined && typeof clientId !== 'string') {
    throw new PorticoError('invalid_input', 'clientId must be text.', { field: 'clientId' });
  }
  const page = await runList(ctx, { ...parsed, clientId, clientView: false });
  const ids = [...new Set(page.invoices.map((invoice) => invoice.clientId))];
  const clients =
    ids.length === 0
      ? []
      : await ctx.db.selectFrom('clients').select(['id', 'name']).where('business_id', '=', ctx.businessId).where('id', 'in', ids).execute();
  const names = new Map(clients.map((client) => [client.id, client.name]));
  return { ...page, invoices: page.invoices.map((invoice) => ({ ...invoice, clientName: names.get(invoice.clientId) ?? '' })) };
}

interface ParsedQuery {
  statuses: InvoiceStatusFilter[] | undefined;
  from: string | undefined;
  to: string | undefined;
  search: string | undefined;
  sort: InvoiceSortField;
  order: SortOrder;
  limit: number;
  cursor: string | undefined;
}

interface ListScope extends ParsedQuery {
  clientId: string | undefined;
  /** Hide the drafts the business has not shared. */
  clientView: boolean;
}

/** Checks every field before anything is read; each refusal names its field. */
export function parseListQuery(query: InvoiceListQuery): ParsedQuery {
  if (typeof query !== 'object' || query === null) throw new PorticoError('invalid_input', 'The list query must be an object.');
  let statuses: InvoiceStatusFilter[] | undefined;
  if (query.status !== undefined && query.status !== null) {
    const wanted: unknown[] = Array.isArray(query.status) ? query.status : [query.status];
    for (const status of wanted) {
      if (!invoiceStatusFilters.includes(status as InvoiceStatusFilter)) {
        throw new PorticoError('invalid_input', `status must be among ${invoiceStatusFilters.join(', ')}.`, { field: 'status' });
      }
    }
    statuses = wanted.length === 0 ? undefined : [...new Set(wanted as InvoiceStatusFilter[])];
  }
  const from = emptyToUndefined(query.from) === undefined ? undefined : requireDate(query.from, 'from');
  const to = emptyToUndefined(query.to) === undefined ? undefined : requireDate(query.to, 'to');
  if (from !== undefined && to !== undefined && from > to) {
    throw new PorticoError('invalid_input', `from (${from}) is after to (${to}).`, { field: 'to' });
  }
  const search = parseSearchQuery(query.q, 'q');
  const sort = query.sort ?? 'issueDate';
  if (!invoiceSortFields.includes(sort)) {
    throw new PorticoError('invalid_input', `sort must be one of ${invoiceSortFields.join(', ')}.`, { field: 'sort' });
  }
  const order = query.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw new PorticoError('invalid_input', 'order must be asc or desc.', { field: 'order' });
  const limit = query.limit ?? DEFAULT_INVOICE_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_INVOICE_PAGE_SIZE) {
    throw new PorticoError('invalid_input', `limit must be a whole number from 1 to ${MAX_INVOICE_PAGE_SIZE}.`, { field: 'limit' });
  }
  const cursor = emptyToUndefined(query.cursor);
  if (cursor !== undefined && typeof cursor !== 'string') throw new PorticoError('invalid_input', 'cursor must be text.', { field: 'cursor' });
  return { statuses, from, to, search, sort, order, limit, cursor };
}

async function runList(ctx: BusinessContext, scope: ListScope): Promise<InvoiceListPage> {
  const today = await businessToday(ctx);
  if (scope.clientId !== undefined) await requireClientRow(ctx.db, ctx.businessId, scope.clientId);
  const cursor = scope.cursor === undefined ? undefined : decodeInvoiceCursor(scope.cursor, scope.sort, scope.order, today);
  const asOf = cursor?.asOf ?? today;
  const key = sortKeySql(scope.sort, asOf);
  const direction = scope.order;

  const rows = await ctx.db
    .selectFrom('invoices')
    .select(['id', 'number', 'client_id', 'status', 'currency', 'issue_date', 'due_date', 'total', 'amount_paid', 'version'])
    .where((eb) => eb.and(filterConditions(eb, ctx.businessId, scope)))
    .$if(scope.statuses !== undefined, (qb) => qb.where((eb) => displayStatusIn(eb, scope.statuses!, asOf)))
    .$if(cursor !== undefined, (qb) =>
      qb.where(
        sql<SqlBool>`(${key}, id) ${sql.raw(direction === 'asc' ? '>' : '<')} (${cursorKeySql(cursor!.key)}, ${cursor!.id})`,
      ),
    )
    .orderBy(key, direction)
    .orderBy('id', direction)
    .limit(scope.limit + 1)
    .execute();

  const byStatus = await countByStoredStatus(ctx, scope);
  // The open ones are few: the overdue and the partly paid among them are counted from their rows.
  const open = await ctx.db
    .selectFrom('invoices')
    .select([
      sql<number | string>`sum(case when due_date < ${asOf} then 1 else 0 end)`.as('late'),
      sql<number | string>`sum(case when due_date >= ${asOf} and amount_paid > 0 then 1 else 0 end)`.as('partly'),
      (eb) => eb.fn.countAll<number | string>().as('sent'),
    ])
    .where((eb) => eb.and(filterConditions(eb, ctx.businessId, scope)))
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();
  const counts: Record<InvoiceStatusFilter, number> = {
    draft: 0,
    sent: 0,
    partially_paid: int(open.partly ?? 0),
    overdue: int(open.late ?? 0),
    paid: 0,
    void: 0,
    unpaid: 0,
  };
  for (const [status, n] of byStatus) counts[status] += n;
  counts.sent = int(open.sent);
  counts.unpaid = counts.sent;
  counts.sent -= counts.overdue + counts.partially_paid;
  const total = (scope.statuses ? displayStatusesOf(scope.statuses) : invoiceDisplayStatuses).reduce((sum, status) => sum + counts[status], 0);

  const page = rows.slice(0, scope.limit).map((row) => {
    const entry: InvoiceListEntry = {
      id: row.id,
      number: row.number,
      clientId: row.client_id,
      status: row.status,
      displayStatus: invoiceDisplayStatus({ status: row.status, dueDate: row.due_date, amountPaid: int(row.amount_paid) }, asOf),
      currency: row.currency,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      total: int(row.total),
      amountPaid: int(row.amount_paid),
      balance: row.status === 'void' ? 0 : int(row.total) - int(row.amount_paid),
      version: int(row.version),
    };
    return entry;
  });
  const last = page.at(-1);
  const nextCursor =
    rows.length > scope.limit && last
      ? encodeInvoiceCursor({ sort: scope.sort, order: scope.order, key: sortKeyOf(scope.sort, last), id: last.id, asOf })
      : null;
  return { invoices: page, nextCursor, counts, total, asOf };
}

/**
 * How many invoices match the filters other than `status`, per stored status
 * other than `sent` (the open ones are counted from their rows). A client's
 * unfiltered list, the portal's first page, reads them from the totals kept
 * per currency (statement-totals.ts) rather than from its whole history.
 */
async function countByStoredStatus(ctx: BusinessContext, scope: ListScope): Promise<Map<Exclude<InvoiceStatus, 'sent'>, number>> {
  const counts = new Map<Exclude<InvoiceStatus, 'sent'>, number>([
    ['draft', 0],
    ['paid', 0],
    ['void', 0],
  ]);
  const add = (status: Exclude<InvoiceStatus, 'sent'>, n: number | string) => counts.set(status, counts.get(status)! + int(n));
  if (scope.clientView && scope.clientId !== undefined && scope.from === undefined && scope.to === undefined && scope.search === undefined) {
    for (const row of await readStatementTotals(ctx.db, ctx.businessId, scope.clientId)) {
      add('draft', row.shown_drafts);
      add('paid', row.paid_invoices);
      add('void', row.void_invoices);
    }
    return counts;
  }
  // One pass down an index, no expression per row.
  const rows = await ctx.db
    .selectFrom('invoices')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where((eb) => eb.and(filterConditions(eb, ctx.businessId, scope)))
    .where('status', '!=', 'sent')
    .groupBy('status')
    .execute();
  for (const row of rows) if (row.status !== 'sent') add(row.status, row.n);
  return counts;
}

/** Every filter but the status one, which the counts leave out. */
function filterConditions(
  eb: ExpressionBuilder<PorticoSchema, 'invoices'>,
  businessId: string,
  scope: ListScope,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [eb('business_id', '=', businessId)];
  if (scope.clientId !== undefined) conditions.push(eb('client_id', '=', scope.clientId));
  if (scope.clientView) conditions.push(visibleToClient(eb));
  if (scope.from !== undefined) conditions.push(eb('issue_date', '>=', scope.from));
  if (scope.to !== undefined) conditions.push(eb('issue_date', '<=', scope.to));
  if (scope.search !== undefined) conditions.push(likeEscaped(sql.ref('search_text'), containsPattern(scope.search)));
  return conditions;
}

function sortKeySql(sort: InvoiceSortField, asOf: string) {
  switch (sort) {
    case 'issueDate':
      return sql<string>`issue_date`;
    case 'dueDate':
      return sql<string>`due_date`;
    case 'amount':
      return sql<number>`total`;
    case 'number':
      // Drafts have no number yet: they sort as '' (first ascending, last descending) on both engines.
      return sql<string>`coalesce(number, '')`;
    case 'status':
      return statusRankSql(asOf);
  }
}

function cursorKeySql(key: string | number) {
  return typeof key === 'number' ? sql`cast(${key} as bigint)` : sql`${key}`;
}

function sortKeyOf(sort: InvoiceSortField, entry: InvoiceListEntry): string | number {
  switch (sort) {
    case 'issueDate':
      return entry.issueDate;
    case 'dueDate':
      return entry.dueDate;
    case 'amount':
      return entry.total;
    case 'number':
      return entry.number ?? '';
    case 'status':
      return statusRank[entry.displayStatus];
  }
}

function emptyToUndefined(value: unknown): unknown {
  return value === undefined || value === null || value === '' ? undefined : value;
}
