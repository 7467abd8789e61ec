import type { Client, InvoiceSummary, Money } from '@portico/core';

/** One currency's figures on the dashboard, all in minor units of `currency`. */
export interface CurrencyTotals {
  currency: string;
  /** Totals of issued invoices (sent, overdue, paid); drafts and void ones are not invoiced. */
  invoiced: number;
  /** Money received. */
  paid: number;
  /** Balance still owed on sent invoices, overdue ones included. */
  outstanding: number;
  /** The part of `outstanding` that is past its due date. */
  overdue: number;
}

/** Per-currency totals, sorted by currency code: amounts in different currencies are never added up. */
export function currencyTotals(invoices: readonly InvoiceSummary[]): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const invoice of invoices) {
    if (invoice.status === 'draft' || invoice.status === 'void') continue;
    let totals = byCurrency.get(invoice.currency);
    if (!totals) {
      totals = { currency: invoice.currency, invoiced: 0, paid: 0, outstanding: 0, overdue: 0 };
      byCurrency.set(invoice.currency, totals);
    }
    totals.invoiced += invoice.total;
    totals.paid += invoice.amountPaid;
    if (invoice.status === 'sent') totals.outstanding += invoice.balance;
    if (invoice.displayStatus === 'overdue') totals.overdue += invoice.balance;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** What each client still owes, per currency (only currencies with a balance). */
export function balancesByClient(invoices: readonly InvoiceSummary[], clients: readonly Client[]): Map<string, Money[]> {
  const result = new Map<string, Money[]>(clients.map((client) => [client.id, []]));
  for (const totals of groupBy(invoices, (invoice) => invoice.clientId)) {
    const owed = currencyTotals(totals.items).filter((t) => t.outstanding > 0);
    result.set(totals.key, owed.map((t) => ({ amount: t.outstanding, currency: t.currency })));
  }
  return result;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Array<{ key: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()].map(([k, list]) => ({ key: k, items: list }));
}
