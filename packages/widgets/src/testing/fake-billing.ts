import type { InvoiceDisplayStatusWire, InvoiceListItem } from '@portico/wire';
import { countsOf, type FakeServer, type RecordedRequest } from './fake-server.js';

const statusOrder: InvoiceDisplayStatusWire[] = ['draft', 'sent', 'partially_paid', 'overdue', 'paid', 'void'];

/**
 * Answers `GET <path>` like the server's invoice list does, over an array the
 * test owns (and may change between pages): filters, sort, order, limit, a
 * cursor, counts per status (ignoring the status filter) and the total.
 * The cursor is the last row's sort key and id, so rows added before it do
 * not shift the next page.
 */
export function serveInvoiceList<Item extends InvoiceListItem>(server: FakeServer, path: string, invoices: () => Item[]): void {
  server.on('GET', path, (request: RecordedRequest) => {
    const query = request.query;
    const statuses = query.get('status')?.split(',').filter(Boolean) ?? [];
    const q = query.get('q')?.toLowerCase() ?? '';
    const from = query.get('from') ?? '';
    const to = query.get('to') ?? '';
    const sort = query.get('sort') ?? 'issueDate';
    const order = query.get('order') ?? 'desc';
    const limit = Number(query.get('limit') ?? 25);
    const matchesOthers = invoices().filter(
      (invoice) =>
        (!q || (invoice.number ?? '').toLowerCase().includes(q) || ('clientName' in invoice && String(invoice.clientName).toLowerCase().includes(q))) &&
        (!from || invoice.issueDate >= from) &&
        (!to || invoice.issueDate <= to),
    );
    const unpaid = (invoice: Item): boolean => statuses.includes('unpaid') && invoice.status === 'sent' && invoice.balance > 0;
    const matching = matchesOthers.filter((invoice) => statuses.length === 0 || statuses.includes(invoice.displayStatus) || unpaid(invoice));
    const key = (invoice: Item): string | number => {
      switch (sort) {
        case 'status':
          return statusOrder.indexOf(invoice.displayStatus);
        case 'dueDate':
          return invoice.dueDate;
        case 'amount':
          return invoice.total;
        case 'number':
          return invoice.number ?? '';
        default:
          return invoice.issueDate;
      }
    };
    const compare = (a: Item, b: Item): number => {
      const ka = key(a);
      const kb = key(b);
      const primary = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return order === 'asc' ? primary : -primary;
    };
    const sorted = [...matching].sort(compare);
    const cursor = query.get('cursor');
    let start = 0;
    if (cursor) {
      const after = JSON.parse(atob(cursor)) as { key: string | number; id: string };
      start = sorted.findIndex((invoice) => compare(invoice, { ...invoice, id: after.id, ...keyed(sort, after.key) } as Item) > 0);
      if (start < 0) start = sorted.length;
    }
    const page = sorted.slice(start, start + limit);
    const last = page.at(-1);
    const more = start + limit < sorted.length;
    return {
      status: 200,
      body: {
        invoices: page,
        nextCursor: more && last ? btoa(JSON.stringify({ key: key(last), id: last.id })) : null,
        counts: countsOf(matchesOthers),
        total: matching.length,
      },
    };
  });
}

/** A stand-in row carrying only the sort key, to compare against the cursor. */
function keyed(sort: string, key: string | number): Partial<InvoiceListItem> {
  switch (sort) {
    case 'status':
      return { displayStatus: statusOrder[key as number]! };
    case 'dueDate':
      return { dueDate: key as string };
    case 'amount':
      return { total: key as number };
    case 'number':
      return { number: key as string };
    default:
      return { issueDate: key as string };
  }
}
