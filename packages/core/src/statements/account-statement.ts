import { sql } from 'kysely';
import type { AgingBuckets } from '@portico/wire';
import { addDays } from '../businesses/business-today.js';
import { requireBusinessRow } from '../businesses/businesses.js';
import { requireClientRow } from '../clients/client-row.js';
import type { BusinessContext } from '../context.js';
import { int } from '../db/row-values.js';
import type { PaymentMethod } from '../payments/payments.js';
import { calendarDate, startOfCalendarDate } from '../shared/clock.js';
import { PorticoError } from '../shared/errors.js';
import { requireDate } from '../shared/validate.js';

/** `from` and `to` (calendar dates, inclusive); default: the business's calendar year so far. */
export interface AccountStatementQuery {
  from?: string;
  to?: string;
}

/** One line of the ledger: an invoice issued (a charge) or a payment received. */
export type AccountStatementEntry =
  | { kind: 'invoice'; date: string; invoiceId: string; invoiceNumber: string; dueDate: string; charge: number; balance: number }
  | {
      kind: 'payment';
      date: string;
      invoiceId: string;
      invoiceNumber: string;
      method: PaymentMethod;
      /** What is left of the payment after its refunds. */
      payment: number;
      refunded: number;
      balance: number;
    };

/** One currency's ledger over the period. */
export interface AccountStatementCurrency {
  currency: string;
  /** Invoiced before `from`, less what was paid before it. */
  opening: number;
  invoiced: number;
  paid: number;
  /** `opening + invoiced - paid`: what was owed at the end of `to`. */
  closing: number;
  /** Date order; on one day the invoices come before the payments. Each carries the running balance after it. */
  entries: AccountStatementEntry[];
  /** What was owed at the end of `to`, by days past due on that day. */
  aging: AgingBuckets;
}

export interface AccountStatement {
  clientId: string;
  from: string;
  /** The period's last day: never after `asOf`. */
  to: string;
  /** The business's today. */
  asOf: string;
  /** Sorted by code; a currency with no balance and nothing in the period is left out. */
  currencies: AccountStatementCurrency[];
}

type Sum = number | string | null;
/** An entry before the running balance is worked out. */
type UnbalancedEntry = AccountStatementEntry extends infer Entry ? (Entry extends unknown ? Omit<Entry, 'balance'> : never) : never;

/**
 * A client's statement of account for a period, per currency, in the
 * business's time zone: the opening balance, every invoice issued and every
 * payment received in the period in date order with the running balance,
 * the closing balance, and what was owed at the period's end by age. It
 * counts what `getStatement` counts: issued invoices (a draft, or a draft
 * voided without ever being issued, counts nowhere; nor does a void invoice,
 * which never has payments), and payments less their refunds (a refund has no
 * date of its own: it lowers its payment).
 *
 * `to` after the business's today is read as today; `from` after `to`, or a
 * date that is not one, is `invalid_input`.
 */
export async function getAccountStatement(ctx: BusinessContext, clientId: string, query: AccountStatementQuery = {}): Promise<AccountStatement> {
  const business = await requireBusinessRow(ctx.db, ctx.businessId);
  await requireClientRow(ctx.db, ctx.businessId, clientId);
  const asOf = calendarDate(ctx.clock.now(), business.time_zone);
  const period = statementPeriod(query, asOf);
  const { from, to } = period;
  const fromInstant = startOfCalendarDate(from, business.time_zone).getTime();
  const endInstant = startOfCalendarDate(addDays(to, 1), business.time_zone).getTime();

  const issued = () =>
    ctx.db
      .selectFrom('invoices')
      .where('invoices.business_id', '=', ctx.businessId)
      .where('invoices.client_id', '=', clientId)
      .where('invoices.status', 'in', ['sent', 'paid'])
      .where('invoices.number', 'is not', null);
  const received = () => ctx.db.selectFrom('payments').where('payments.business_id', '=', ctx.businessId).where('payments.client_id', '=', clientId);

  const [invoicedBefore, paidBefore, invoices, payments, owed] = await Promise.all([
    issued().select(['currency', sql<Sum>`sum(total)`.as('amount')]).where('issue_date', '<', from).groupBy('currency').execute(),
    received().select(['currency', sql<Sum>`sum(amount - refunded_amount)`.as('amount')]).where('received_at', '<', fromInstant).groupBy('currency').execute(),
    issued()
      .select(['id', 'number', 'currency', 'issue_date', 'due_date', 'total'])
      .where('issue_date', '>=', from)
      .where('issue_date', '<=', to)
      .orderBy('issue_date')
      .orderBy('number')
      .execute(),
    received()
      .innerJoin('invoices', (join) => join.onRef('invoices.id', '=', 'payments.invoice_id').onRef('invoices.business_id', '=', 'payments.business_id'))
      .select(['payments.currency', 'payments.amount', 'payments.refunded_amount', 'payments.received_at', 'payments.method', 'payments.invoice_id', 'invoices.number'])
      .where('payments.received_at', '>=', fromInstant)
      .where('payments.received_at', '<', endInstant)
      .orderBy('payments.received_at')
      .orderBy('payments.id')
      .execute(),
    // Each invoice issued by the end of the period, less what had been received on it by then.
    issued()
      .leftJoin('payments', (join) =>
        join.onRef('payments.invoice_id', '=', 'invoices.id').onRef('payments.business_id', '=', 'invoices.business_id').on('payments.received_at', '<', endInstant),
      )
      .select(['invoices.currency', 'invoices.due_date', sql<Sum>`invoices.total - coalesce(sum(payments.amount - payments.refunded_amount), 0)`.as('owed')])
      .where('invoices.issue_date', '<=', to)
      .groupBy(['invoices.id', 'invoices.currency', 'invoices.due_date', 'invoices.total'])
      .having(sql<boolean>`invoices.total - coalesce(sum(payments.amount - payments.refunded_amount), 0) > 0`)
      .execute(),
  ]);

  const ledgers = new Map<string, { opening: number; entries: UnbalancedEntry[]; aging: AgingBuckets }>();
  const ledger = (currency: string) => {
    let entry = ledgers.get(currency);
    if (!entry) ledgers.set(currency, (entry = { opening: 0, entries: [], aging: emptyAging() }));
    return entry;
  };
  for (const row of invoicedBefore) ledger(row.currency).opening += int(row.amount ?? 0);
  for (const row of paidBefore) ledger(row.currency).opening -= int(row.amount ?? 0);
  for (const row of invoices) {
    ledger(row.currency).entries.push({ kind: 'invoice', date: row.issue_date, invoiceId: row.id, invoiceNumber: row.number!, dueDate: row.due_date, charge: int(row.total) });
  }
  for (const row of payments) {
    const amount = int(row.amount);
    const refunded = int(row.refunded_amount);
    ledger(row.currency).entries.push({
      kind: 'payment',
      date: calendarDate(new Date(int(row.received_at)), business.time_zone),
      invoiceId: row.invoice_id,
      invoiceNumber: row.number ?? '',
      method: row.method,
      payment: amount - refunded,
      refunded,
    });
  }
  for (const row of owed) addToAging(ledger(row.currency).aging, row.due_date, int(row.owed ?? 0), to);

  const currencies: AccountStatementCurrency[] = [];
  for (const [currency, { opening, entries, aging }] of [...ledgers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Stable sort: invoices were read in issue order, payments in the order received.
    entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? 0 : a.kind === 'invoice' ? -1 : 1));
    let balance = opening;
    let invoiced = 0;
    let paid = 0;
    const withBalance = entries.map((entry): AccountStatementEntry => {
      if (entry.kind === 'invoice') {
        invoiced += entry.charge;
        balance += entry.charge;
      } else {
        paid += entry.payment;
        balance -= entry.payment;
      }
      return { ...entry, balance } as AccountStatementEntry;
    });
    if (opening === 0 && balance === 0 && withBalance.length === 0) continue;
    currencies.push({ currency, opening, invoiced, paid, closing: balance, entries: withBalance, aging });
  }
  return { clientId, from, to, asOf, currencies };
}

/** The period asked for, checked: default the calendar year of `asOf` so far; `to` no later than `asOf`. */
export function statementPeriod(query: AccountStatementQuery, asOf: string): { from: string; to: string } {
  if (typeof query !== 'object' || query === null) throw new PorticoError('invalid_input', 'A statement takes an optional from and to.');
  const asked = (value: string | undefined, field: 'from' | 'to') => (value === undefined || value === '' ? undefined : requireDate(value, field));
  const askedTo = asked(query.to, 'to');
  const to = askedTo === undefined || askedTo > asOf ? asOf : askedTo;
  const from = asked(query.from, 'from') ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw new PorticoError('invalid_input', `from (${from}) must be on or before to (${to}).`, { field: 'from' });
  return { from, to };
}

function emptyAging(): AgingBuckets {
  return { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
}

/** As `getStatement` buckets on its today: due on `day` or later is current, then by whole days past due. */
function addToAging(aging: AgingBuckets, dueDate: string, amount: number, day: string): void {
  if (dueDate >= day) aging.current += amount;
  else if (dueDate >= addDays(day, -30)) aging.days1to30 += amount;
  else if (dueDate >= addDays(day, -60)) aging.days31to60 += amount;
  else if (dueDate >= addDays(day, -90)) aging.days61to90 += amount;
  else aging.over90 += amount;
}
