import { sql } from 'kysely';
import type { AgingBuckets } from '@portico/wire';
import { int } from '../db/row-values.js';
import { addDays, businessToday } from '../businesses/business-today.js';
import { requireClientRow } from '../clients/client-row.js';
import type { BusinessContext } from '../context.js';
import { readStatementTotals, type StatementTotalsRow } from '../invoices/statement-totals.js';

export type { AgingBuckets };

export interface StatementLastPayment {
  amount: number;
  receivedAt: Date;
  invoiceId: string;
  invoiceNumber: string | null;
}

/** One currency's figures. Drafts and void invoices count nowhere. */
export interface StatementCurrency {
  currency: string;
  /** Payments received, all time, less what was refunded. */
  paidToDate: number;
  /** Balance of every open (sent, unpaid) invoice. */
  outstanding: number;
  /** The part of `outstanding` past its due date. */
  overdue: number;
  aging: AgingBuckets;
  /** The latest payment not refunded in full. */
  lastPayment: StatementLastPayment | null;
}

export interface Statement {
  clientId: string;
  /** The business's today, which decides what is overdue. */
  asOf: string;
  /**
   * One entry per currency the client was billed in (an open invoice or a
   * payment in it), sorted by code. A currency whose only invoices had
   * nothing to pay (total 0) has no entry: every figure of it would be 0.
   */
  currencies: StatementCurrency[];
}

type Sum = number | string | null;

/**
 * A client's account with the business, per currency, as of the business's
 * today in its time zone: what is owed and its aging summed over the open
 * invoices alone (few, read off a covering index), paid to date and the last
 * payment from the totals kept per currency. Nothing reads the paid history.
 */
export async function getStatement(ctx: BusinessContext, clientId: string): Promise<Statement> {
  const today = await businessToday(ctx);
  await requireClientRow(ctx.db, ctx.businessId, clientId);
  const back30 = addDays(today, -30);
  const back60 = addDays(today, -60);
  const back90 = addDays(today, -90);
  const open = (condition: ReturnType<typeof sql>) => sql<Sum>`sum(case when ${condition} then total - amount_paid else 0 end)`;

  // Open invoices are few beside paid ones: only they are read, straight off an index.
  const owed = await ctx.db
    .selectFrom('invoices')
    .select([
      'currency',
      sql<Sum>`sum(total - amount_paid)`.as('outstanding'),
      open(sql`due_date >= ${today}`).as('current'),
      open(sql`due_date < ${today} and due_date >= ${back30}`).as('days1to30'),
      open(sql`due_date < ${back30} and due_date >= ${back60}`).as('days31to60'),
      open(sql`due_date < ${back60} and due_date >= ${back90}`).as('days61to90'),
      open(sql`due_date < ${back90}`).as('over90'),
    ])
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', clientId)
    .where('status', '=', 'sent')
    .groupBy('currency')
    .execute();
  // Paid to date and the last payment are kept per currency as payments are recorded (invoices/statement-totals.ts).
  const kept = await readStatementTotals(ctx.db, ctx.businessId, clientId);
  const owedByCurrency = new Map(owed.map((row) => [row.currency, row]));
  const paidByCurrency = new Map(kept.filter((row) => int(row.payment_count) > 0).map((row) => [row.currency, row]));
  const codes = [...new Set([...owedByCurrency.keys(), ...paidByCurrency.keys()])].sort();

  const currencies: StatementCurrency[] = [];
  for (const currency of codes) {
    const row = owedByCurrency.get(currency);
    const aging: AgingBuckets = {
      current: int(row?.current ?? 0),
      days1to30: int(row?.days1to30 ?? 0),
      days31to60: int(row?.days31to60 ?? 0),
      days61to90: int(row?.days61to90 ?? 0),
      over90: int(row?.over90 ?? 0),
    };
    const outstanding = int(row?.outstanding ?? 0);
    const totals = paidByCurrency.get(currency);
    currencies.push({
      currency,
      paidToDate: int(totals?.paid_to_date ?? 0),
      outstanding,
      overdue: outstanding - aging.current,
      aging,
      lastPayment: totals ? lastPaymentOf(totals) : null,
    });
  }
  return { clientId, asOf: today, currencies };
}

function lastPaymentOf(totals: StatementTotalsRow): StatementLastPayment | null {
  if (totals.last_payment_id === null || totals.last_payment_invoice_id === null) return null;
  return {
    amount: int(totals.last_payment_amount ?? 0),
    receivedAt: new Date(int(totals.last_payment_received_at ?? 0)),
    invoiceId: totals.last_payment_invoice_id,
    invoiceNumber: totals.last_payment_invoice_number,
  };
}
