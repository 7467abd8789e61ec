import { sql, type Kysely, type Selectable } from 'kysely';
import type { ClientStatementTotalsTable, PorticoSchema } from '../db/schema.js';
import { int } from '../db/row-values.js';
import type { Executor } from '../context.js';

/**
 * `client_statement_totals`: per client and currency, what the statement and
 * the invoice list's counts would otherwise add up over the client's whole
 * history. Every write that changes one of them moves it in its own
 * transaction: payments through `recordPaymentTotals`, invoices by running
 * the write inside `trackInvoiceTotals`. `checkStatementTotals` recomputes
 * every figure from the rows and reports what differs.
 */

export type StatementTotalsRow = Selectable<ClientStatementTotalsTable>;

/** The figures `checkStatementTotals` compares, as numbers. */
export interface StatementTotals {
  clientId: string;
  currency: string;
  paymentCount: number;
  paidToDate: number;
  lastPaymentId: string | null;
  shownDrafts: number;
  paidInvoices: number;
  voidInvoices: number;
}

export interface StatementTotalsDrift {
  clientId: string;
  currency: string;
  /** What the table holds; null when it has no row. */
  kept: StatementTotals | null;
  /** What the invoice and payment rows add up to. */
  computed: StatementTotals;
}

type Counted = Pick<StatementTotals, 'shownDrafts' | 'paidInvoices' | 'voidInvoices'>;

interface InvoiceState {
  client_id: string;
  currency: string;
  status: string;
  number: string | null;
  shared_with_client: number | string;
}

/** Where an invoice counts among the ones the client sees that are not open. */
function countedAs(row: InvoiceState | undefined): Counted {
  return {
    shownDrafts: row?.status === 'draft' && int(row.shared_with_client) === 1 ? 1 : 0,
    paidInvoices: row?.status === 'paid' ? 1 : 0,
    voidInvoices: row?.status === 'void' && row.number !== null ? 1 : 0,
  };
}

/**
 * Runs `write` (a change to one invoice, inside `trx`) and moves the totals
 * by what it changed. The invoice's row is locked before it is read (an
 * update that changes nothing takes Postgres's row lock; SQLite has one
 * writer), so a concurrent write cannot slip between the two readings.
 */
export async function trackInvoiceTotals<T>(trx: Executor, businessId: string, invoiceId: string, write: () => Promise<T>): Promise<T> {
  const before = await trx
    .updateTable('invoices')
    .set({ version: sql`version` })
    .where('business_id', '=', businessId)
    .where('id', '=', invoiceId)
    .returning(['client_id', 'currency', 'status', 'number', 'shared_with_client'])
    .executeTakeFirst();
  const result = await write();
  const after = await trx
    .selectFrom('invoices')
    .select(['client_id', 'currency', 'status', 'number', 'shared_with_client'])
    .where('business_id', '=', businessId)
    .where('id', '=', invoiceId)
    .executeTakeFirst();
  const was = countedAs(before);
  const is = countedAs(after);
  if (before && after && before.client_id === after.client_id && before.currency === after.currency) {
    await moveTotals(trx, businessId, after.client_id, after.currency, {
      shownDrafts: is.shownDrafts - was.shownDrafts,
      paidInvoices: is.paidInvoices - was.paidInvoices,
      voidInvoices: is.voidInvoices - was.voidInvoices,
    });
  } else {
    if (before) await moveTotals(trx, businessId, before.client_id, before.currency, negated(was));
    if (after) await moveTotals(trx, businessId, after.client_id, after.currency, is);
  }
  return result;
}

/** Inside the transaction that inserted a payment (`paid` its amount, `count` 1) or refunded part of one (`paid` minus the new refund, `count` 0). */
export async function recordPaymentTotals(
  trx: Executor,
  businessId: string,
  clientId: string,
  currency: string,
  change: { paid: number; count: number },
): Promise<void> {
  // The upsert takes the row's lock first, so the latest payment is read after any concurrent one has committed.
  await moveTotals(trx, businessId, clientId, currency, { paidToDate: change.paid, paymentCount: change.count });
  await refreshLastPayment(trx, businessId, clientId, currency);
}

async function refreshLastPayment(trx: Executor, businessId: string, clientId: string, currency: string): Promise<void> {
  const last = await latestPayment(trx, businessId, clientId, currency);
  await trx
    .updateTable('client_statement_totals')
    .set({
      last_payment_id: last?.id ?? null,
      last_payment_amount: last ? int(last.amount) : null,
      last_payment_received_at: last ? int(last.received_at) : null,
      last_payment_invoice_id: last?.invoice_id ?? null,
      last_payment_invoice_number: last?.number ?? null,
    })
    .where('business_id', '=', businessId)
    .where('client_id', '=', clientId)
    .where('currency', '=', currency)
    .execute();
}

/** The client's totals, one row per currency it has any. */
export function readStatementTotals(db: Executor, businessId: string, clientId: string): Promise<StatementTotalsRow[]> {
  return db.selectFrom('client_statement_totals').selectAll().where('business_id', '=', businessId).where('client_id', '=', clientId).execute();
}

/** Every client's totals of the business recomputed from the invoice and payment rows, and each that differs from the table. */
export async function checkStatementTotals(db: Executor, businessId: string): Promise<StatementTotalsDrift[]> {
  const computed = await computeStatementTotals(db, businessId);
  const kept = await db.selectFrom('client_statement_totals').selectAll().where('business_id', '=', businessId).execute();
  const keptByKey = new Map(kept.map((row) => [`${row.client_id} ${row.currency}`, totalsOf(row)]));
  const drifts: StatementTotalsDrift[] = [];
  for (const figures of computed) {
    const key = `${figures.clientId} ${figures.currency}`;
    const held = keptByKey.get(key) ?? null;
    keptByKey.delete(key);
    if (!held || !sameTotals(held, figures)) drifts.push({ clientId: figures.clientId, currency: figures.currency, kept: held, computed: figures });
  }
  // A kept row with no rows behind it must hold nothing.
  for (const held of keptByKey.values()) {
    const nothing = { ...held, paymentCount: 0, paidToDate: 0, lastPaymentId: null, shownDrafts: 0, paidInvoices: 0, voidInvoices: 0 };
    if (!sameTotals(held, nothing)) drifts.push({ clientId: held.clientId, currency: held.currency, kept: held, computed: nothing });
  }
  return drifts;
}

/**
 * Sets the business's totals to what its rows add up to, in one transaction:
 * for rows written in bulk around the services (an import, a bench's book).
 */
export async function rebuildStatementTotals(db: Kysely<PorticoSchema>, businessId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const computed = await computeStatementTotals(trx, businessId);
    await trx.deleteFrom('client_statement_totals').where('business_id', '=', businessId).execute();
    for (const figures of computed) {
      await trx
        .insertInto('client_statement_totals')
        .values({
          business_id: businessId,
          client_id: figures.clientId,
          currency: figures.currency,
          payment_count: figures.paymentCount,
          paid_to_date: figures.paidToDate,
          shown_drafts: figures.shownDrafts,
          paid_invoices: figures.paidInvoices,
          void_invoices: figures.voidInvoices,
        })
        .execute();
      await refreshLastPayment(trx, businessId, figures.clientId, figures.currency);
    }
  });
}

async function computeStatementTotals(db: Executor, businessId: string): Promise<StatementTotals[]> {
  const invoices = await db
    .selectFrom('invoices')
    .select([
      'client_id',
      'currency',
      sql<number | string>`sum(case when status = 'draft' and shared_with_client = 1 then 1 else 0 end)`.as('shown_drafts'),
      sql<number | string>`sum(case when status = 'paid' then 1 else 0 end)`.as('paid_invoices'),
      sql<number | string>`sum(case when status = 'void' and number is not null then 1 else 0 end)`.as('void_invoices'),
    ])
    .where('business_id', '=', businessId)
    .groupBy(['client_id', 'currency'])
    .execute();
  const payments = await db
    .selectFrom('payments')
    .select(['client_id', 'currency', (eb) => eb.fn.countAll<number | string>().as('n'), sql<number | string>`sum(amount - refunded_amount)`.as('paid')])
    .where('business_id', '=', businessId)
    .groupBy(['client_id', 'currency'])
    .execute();
  const byKey = new Map<string, StatementTotals>();
  const entry = (clientId: string, currency: string) => {
    const key = `${clientId} ${currency}`;
    let figures = byKey.get(key);
    if (!figures) {
      figures = { clientId, currency, paymentCount: 0, paidToDate: 0, lastPaymentId: null, shownDrafts: 0, paidInvoices: 0, voidInvoices: 0 };
      byKey.set(key, figures);
    }
    return figures;
  };
  for (const row of invoices) {
    Object.assign(entry(row.client_id, row.currency), {
      shownDrafts: int(row.shown_drafts),
      paidInvoices: int(row.paid_invoices),
      voidInvoices: int(row.void_invoices),
    });
  }
  for (const row of payments) {
    const figures = entry(row.client_id, row.currency);
    figures.paymentCount = int(row.n);
    figures.paidToDate = int(row.paid ?? 0);
    figures.lastPaymentId = (await latestPayment(db, businessId, row.client_id, row.currency))?.id ?? null;
  }
  return [...byKey.values()];
}

/** Adds to the client's totals in one currency, creating its row on the first change. */
async function moveTotals(
  trx: Executor,
  businessId: string,
  clientId: string,
  currency: string,
  change: Partial<Pick<StatementTotals, 'paymentCount' | 'paidToDate' | 'shownDrafts' | 'paidInvoices' | 'voidInvoices'>>,
): Promise<void> {
  const values = {
    payment_count: change.paymentCount ?? 0,
    paid_to_date: change.paidToDate ?? 0,
    shown_drafts: change.shownDrafts ?? 0,
    paid_invoices: change.paidInvoices ?? 0,
    void_invoices: change.voidInvoices ?? 0,
  };
  if (Object.values(values).every((value) => value === 0)) return;
  const added = (column: keyof typeof values) => sql<number>`client_statement_totals.${sql.ref(column)} + excluded.${sql.ref(column)}`;
  await trx
    .insertInto('client_statement_totals')
    .values({ business_id: businessId, client_id: clientId, currency, ...values })
    .onConflict((conflict) =>
      conflict.columns(['business_id', 'client_id', 'currency']).doUpdateSet({
        payment_count: added('payment_count'),
        paid_to_date: added('paid_to_date'),
        shown_drafts: added('shown_drafts'),
        paid_invoices: added('paid_invoices'),
        void_invoices: added('void_invoices'),
      }),
    )
    .execute();
}

/** The latest payment not refunded in full, straight off the payments_client_currency index. */
function latestPayment(db: Executor, businessId: string, clientId: string, currency: string) {
  return db
    .selectFrom('payments')
    .innerJoin('invoices', (join) => join.onRef('invoices.id', '=', 'payments.invoice_id').onRef('invoices.business_id', '=', 'payments.business_id'))
    .select(['payments.id', 'payments.amount', 'payments.received_at', 'payments.invoice_id', 'invoices.number'])
    .where('payments.business_id', '=', businessId)
    .where('payments.client_id', '=', clientId)
    .where('payments.currency', '=', currency)
    .where(sql<boolean>`payments.amount > payments.refunded_amount`)
    .orderBy('payments.received_at', 'desc')
    .orderBy('payments.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function totalsOf(row: StatementTotalsRow): StatementTotals {
  return {
    clientId: row.client_id,
    currency: row.currency,
    paymentCount: int(row.payment_count),
    paidToDate: int(row.paid_to_date),
    lastPaymentId: row.last_payment_id,
    shownDrafts: int(row.shown_drafts),
    paidInvoices: int(row.paid_invoices),
    voidInvoices: int(row.void_invoices),
  };
}

function sameTotals(a: StatementTotals, b: StatementTotals): boolean {
  return (Object.keys(a) as (keyof StatementTotals)[]).every((key) => a[key] === b[key]);
}

function negated(counted: Counted): Counted {
  return { shownDrafts: -counted.shownDrafts, paidInvoices: -counted.paidInvoices, voidInvoices: -counted.voidInvoices };
}
