import type { ReactiveControllerHost } from 'lit';
import type { EstimateDisplayStatusWire, EstimateListItem } from '@portico/wire';
import type { SortState } from '../shared/invoice-table.js';

export type EstimateSortField = 'number' | 'status' | 'issueDate' | 'validUntil' | 'total';

/** Waiting for an answer first, then the answered ones, the dead ones last. */
const statusRank: Record<EstimateDisplayStatusWire, number> = { sent: 0, expired: 1, accepted: 2, converted: 3, declined: 4, void: 5, draft: 6 };

const compare: Record<EstimateSortField, (a: EstimateListItem, b: EstimateListItem) => number> = {
  number: (a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }),
  status: (a, b) => statusRank[a.displayStatus] - statusRank[b.displayStatus],
  issueDate: (a, b) => a.issueDate.localeCompare(b.issueDate),
  validUntil: (a, b) => a.validUntil.localeCompare(b.validUntil),
  // Totals of different currencies are not comparable: by currency, then amount.
  total: (a, b) => a.currency.localeCompare(b.currency) || a.total - b.total,
};

/**
 * The estimate list's order, kept in the page: the server sends every
 * estimate at once (a client has few), so sorting needs no request. Drives
 * the same sortable headers as the invoice tables (`renderSortHeader`).
 */
export class EstimateSort implements SortState<EstimateSortField> {
  sort: EstimateSortField = 'issueDate';
  order: 'asc' | 'desc' = 'desc';

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Again on the same column flips the order; a new column starts descending for dates and totals. */
  sortBy(field: EstimateSortField): void {
    if (this.sort === field) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = field;
      this.order = field === 'number' || field === 'status' ? 'asc' : 'desc';
    }
    this.host.requestUpdate();
  }

  /** The items in this order (ties keep the server's order: newest first). */
  sorted(items: readonly EstimateListItem[]): EstimateListItem[] {
    const sign = this.order === 'asc' ? 1 : -1;
    const by = compare[this.sort];
    return items.map((item, index) => ({ item, index })).sort((a, b) => sign * by(a.item, b.item) || a.index - b.index).map(({ item }) => item);
  }
}
