import {
  PorticoError,
  type AdminInvoiceListQuery,
  type InvoiceStatusFilter,
  type InvoiceSortField,
  type SortOrder,
} from '@portico/core';
import type { Context } from 'hono';

const single = ['from', 'to', 'q', 'sort', 'order', 'limit', 'cursor', 'clientId'] as const;

/**
 * The invoice list's query string as the wire describes it (`status` comma
 * separated, `limit` a whole number, the rest as given), for the core to
 * validate field by field. A parameter given twice, or a limit that is not a
 * number, is refused here (400 `invalid_input` naming the field). Parameters
 * it does not know are left alone (the ZIP download adds `ids`).
 */
export function invoiceListQueryFrom(c: Context, { admin = false }: { admin?: boolean } = {}): AdminInvoiceListQuery {
  const query: AdminInvoiceListQuery = {};
  const statuses = (c.req.queries('status') ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (statuses.length > 0) query.status = statuses as InvoiceStatusFilter[];
  for (const name of single) {
    if (name === 'clientId' && !admin) continue;
    const values = c.req.queries(name);
    if (!values || values.length === 0) continue;
    if (values.length > 1) throw new PorticoError('invalid_input', `${name} is given more than once.`, { field: name });
    const value = values[0]!;
    if (value === '') continue;
    switch (name) {
      case 'limit':
        if (!/^\d{1,4}$/.test(value)) throw new PorticoError('invalid_input', 'limit must be a whole number from 1 to 100.', { field: 'limit' });
        query.limit = Number(value);
        break;
      case 'sort':
        query.sort = value as InvoiceSortField;
        break;
      case 'order':
        query.order = value as SortOrder;
        break;
      default:
        query[name] = value;
    }
  }
  return query;
}
