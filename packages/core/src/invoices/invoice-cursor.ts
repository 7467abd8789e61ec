import { PorticoError } from '../shared/errors.js';
import { requireDate } from '../shared/validate.js';

export type InvoiceSortField = 'issueDate' | 'dueDate' | 'status' | 'amount' | 'number';
export type SortOrder = 'asc' | 'desc';

/**
 * Where a page ended: the last row's sort key and id (the tie-breaker), for
 * the sort it was made with, and the day the listing was read as of, so every
 * page of one listing tells `sent` from `overdue` the same way.
 */
export interface InvoiceCursor {
  sort: InvoiceSortField;
  order: SortOrder;
  key: string | number;
  id: string;
  asOf: string;
}

const CURSOR_VERSION = 1;
const MAX_CURSOR_LENGTH = 600;
const numericSorts: ReadonlySet<InvoiceSortField> = new Set(['status', 'amount']);

/** Opaque to callers: base64url of a small JSON object. */
export function encodeInvoiceCursor(cursor: InvoiceCursor): string {
  const body = { v: CURSOR_VERSION, s: cursor.sort, o: cursor.order, k: cursor.key, i: cursor.id, d: cursor.asOf };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/**
 * Reads a cursor back, refusing anything this module did not make for this
 * same sort and order (`invalid_input` on field `cursor`): a cursor is never
 * trusted to carry a value of the wrong type into SQL.
 */
export function decodeInvoiceCursor(value: unknown, sort: InvoiceSortField, order: SortOrder, today: string): InvoiceCursor {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) {
    throw invalidCursor('It is not a cursor this list handed out.');
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('It is not a cursor this list handed out.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidCursor('It is not a cursor this list handed out.');
  const { v, s, o, k, i, d } = body as Record<string, unknown>;
  if (v !== CURSOR_VERSION) throw invalidCursor('It is not a cursor this list handed out.');
  if (s !== sort || o !== order) {
    throw invalidCursor(`It was made for another sort (${String(s)} ${String(o)}); start again from the first page.`);
  }
  if (typeof i !== 'string' || !/^inv_[A-Za-z0-9_-]{1,60}$/.test(i)) throw invalidCursor('Its invoice id is malformed.');
  let key: string | number;
  if (numericSorts.has(sort)) {
    if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0) throw invalidCursor('Its sort key is malformed.');
    key = k;
  } else if (sort === 'number') {
    if (typeof k !== 'string' || k.length > 100) throw invalidCursor('Its sort key is malformed.');
    key = k;
  } else {
    key = asDate(k, 'Its sort key is malformed.');
  }
  const asOf = asDate(d, 'Its date is malformed.');
  if (asOf > today) throw invalidCursor('Its date is in the future.');
  return { sort, order, key, id: i, asOf };
}

function asDate(value: unknown, message: string): string {
  try {
    return requireDate(value, 'cursor');
  } catch {
    throw invalidCursor(message);
  }
}

function invalidCursor(why: string): PorticoError {
  return new PorticoError('invalid_input', `cursor is not valid: ${why}`, { field: 'cursor' });
}
