import { sql } from 'kysely';
import type { PaymentRow, PaymentTable } from '../db/schema.js';
import { int } from '../db/row-values.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { recordAudit } from '../audit/audit-log.js';
import { recordPaymentReceived } from '../events/event-data.js';
import { getInvoice, requireInvoiceRow } from '../invoices/invoice-queries.js';
import type { Invoice } from '../invoices/invoice-model.js';
import { requireAmount, requireCurrency } from '../money/money.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { optionalText } from '../shared/validate.js';
import { queueReceiptEmails } from './receipt-emails.js';
import { recordPaymentTotals, trackInvoiceTotals } from '../invoices/statement-totals.js';

export type PaymentMethod = PaymentTable['method'];
const paymentMethods: readonly PaymentMethod[] = ['card', 'bank_transfer', 'cash', 'check', 'stripe', 'other'];

export interface Payment {
  id: string;
  invoiceId: string;
  clientId: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  provider: string;
  providerReference: string | null;
  refundedAmount: number;
  receivedAt: Date;
  createdAt: Date;
}

export interface PaymentInput {
  invoiceId: string;
  /** Minor units; at most the invoice's balance. Partial payments are fine. */
  amount: number;
  /** Must be the invoice's currency; defaults to it. */
  currency?: string;
  method?: PaymentMethod;
  /** Who reported it (`manual`, `stripe`, ...). With `reference`, makes recording idempotent. */
  provider?: string;
  /** The provider's id for this payment (a bank reference, a Stripe payment intent). */
  reference?: string | null;
  receivedAt?: Date;
  /** Email the client's contacts a receipt (default true); false for payments the client already knows of, such as an import of old ones. */
  sendReceipt?: boolean;
}

export interface RecordedPayment {
  payment: Payment;
  invoice: Invoice;
  /** True when this provider reference was recorded before: nothing changed. */
  duplicate: boolean;
}

/**
 * Records money received against an invoice and, in the same transaction,
 * raises its amount paid; covering the balance marks it paid. The same
 * provider reference twice records once.
 */
export async function recordPayment(ctx: BusinessContext, input: PaymentInput): Promise<RecordedPayment> {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'A payment needs an invoiceId and an amount.');
  const amount = requireAmount(input.amount, 'amount');
  const method = input.method ?? 'other';
  if (!paymentMethods.includes(method)) {
    throw new PorticoError('invalid_input', `method must be one of ${paymentMethods.join(', ')}.`, { field: 'method' });
  }
  const provider = optionalText(input.provider, 'provider', { max: 50 }) ?? 'manual';
  const reference = optionalText(input.reference, 'reference', { max: 255 });
  if (input.sendReceipt !== undefined && typeof input.sendReceipt !== 'boolean') {
    throw new PorticoError('invalid_input', 'sendReceipt must be true or false.', { field: 'sendReceipt' });
  }
  if (input.receivedAt !== undefined && !(input.receivedAt instanceof Date && !Number.isNaN(input.receivedAt.getTime()))) {
    throw new PorticoError('invalid_input', 'receivedAt must be a valid Date.', { field: 'receivedAt' });
  }
  const invoiceRow = await requireInvoiceRow(ctx.db, ctx.businessId, input.invoiceId);
  const currency = input.currency === undefined ? invoiceRow.currency : requireCurrency(input.currency);

  try {
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      const existing = reference ? await findRecorded(trx, ctx.businessId, provider, reference, input.invoiceId) : undefined;
      if (existing) return { paymentId: existing.id, duplicate: true };

      const now = ctx.clock.now().getTime();
      // One guarded statement: concurrent payments can never push amount_paid past total.
      const applied = await trackInvoiceTotals(trx, ctx.businessId, input.invoiceId, () => trx
        .updateTable('invoices')
        .set({
          amount_paid: sql`amount_paid + ${amount}`,
          status: sql`case when amount_paid + ${amount} >= total then 'paid' else status end`,
          paid_at: sql`case when amount_paid + ${amount} >= total then ${now} else paid_at end`,
          version: sql`version + 1`,
          updated_at: now,
        })
        .where('business_id', '=', ctx.businessId)
        .where('id', '=', input.invoiceId)
        .where('status', '=', 'sent')
        .where('currency', '=', currency)
        .where(sql<boolean>`amount_paid + ${amount} <= total`)
        .executeTakeFirst());
      if (applied.numUpdatedRows === 0n) {
        // A concurrent delivery of this same provider payment may have just paid the
        // invoice (so ours no longer fits): that is a duplicate, not a refusal.
        const recorded = reference ? await findRecorded(trx, ctx.businessId, provider, reference, input.invoiceId) : undefined;
        if (recorded) return { paymentId: recorded.id, duplicate: true };
        await explainRefusal(trx, ctx.businessId, input.invoiceId, currency, amount);
      }

      const paymentId = newId('pay');
      await trx
        .insertInto('payments')
        .values({
          id: paymentId,
          business_id: ctx.businessId,
          client_id: invoiceRow.client_id,
          invoice_id: input.invoiceId,
          amount,
          currency,
          method,
          provider,
          provider_reference: reference,
          refunded_amount: 0,
          received_at: (input.receivedAt ?? ctx.clock.now()).getTime(),
          created_at: now,
        })
        .execute();
      await recordPaymentTotals(trx, ctx.businessId, invoiceRow.client_id, currency, { paid: amount, count: 1 });
      const receiptsQueued = input.sendReceipt === false ? 0 : await queueReceiptEmails(trx, ctx, paymentId);
      await recordAudit(trx, ctx, {
        action: 'payment.recorded',
        entityType: 'invoice',
        entityId: input.invoiceId,
        details: { paymentId, amount, currency, method, provider, reference, receiptsQueued },
      });
      await recordPaymentReceived(trx, ctx, paymentId);
      return { paymentId, duplicate: false };
    });
    return await loadRecorded(ctx, outcome.paymentId, outcome.duplicate);
  } catch (error) {
    // Two deliveries of the same provider payment raced; the other one recorded it.
    if (reference && isUniqueViolation(error)) {
      const existing = await findRecorded(ctx.db, ctx.businessId, provider, reference, input.invoiceId);
      if (existing) return loadRecorded(ctx, existing.id, true);
    }
    throw error;
  }
}

export interface PaymentListOptions {
  invoiceId?: string;
  clientId?: string;
}

/** Payments of the business, most recent first. */
export async function listPayments(ctx: BusinessContext, options: PaymentListOptions = {}): Promise<Payment[]> {
  let query = ctx.db.selectFrom('payments').selectAll().where('business_id', '=', ctx.businessId);
  if (options.invoiceId !== undefined) query = query.where('invoice_id', '=', options.invoiceId);
  if (options.clientId !== undefined) query = query.where('client_id', '=', options.clientId);
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toPayment);
}

async function explainRefusal(executor: Executor, businessId: string, invoiceId: string, currency: string, amount: number): Promise<never> {
  const invoice = await requireInvoiceRow(executor, businessId, invoiceId);
  const label = invoice.number ?? invoice.id;
  if (invoice.status !== 'sent') {
    const why = invoice.status === 'draft' ? 'is a draft; issue it first' : `is already ${invoice.status}`;
    throw new PorticoError('invoice_not_payable', `Invoice ${label} ${why}.`, { field: 'invoiceId' });
  }
  if (invoice.currency !== currency) {
    throw new PorticoError('currency_mismatch', `Invoice ${label} is in ${invoice.currency}, not ${currency}.`, { field: 'currency' });
  }
  const balance = int(invoice.total) - int(invoice.amount_paid);
  throw new PorticoError('overpayment', `A payment of ${amount} is more than the ${balance} still owed on invoice ${label}.`, {
    field: 'amount',
  });
}

/**
 * The payment already recorded under this provider reference, if any. The
 * same reference on another invoice is a mistake, not a repeat: refused.
 */
async function findRecorded(executor: Executor, businessId: string, provider: string, reference: string, invoiceId: string) {
  const existing = await executor
    .selectFrom('payments')
    .select(['id', 'invoice_id'])
    .where('business_id', '=', businessId)
    .where('provider', '=', provider)
    .where('provider_reference', '=', reference)
    .executeTakeFirst();
  if (existing && existing.invoice_id !== invoiceId) {
    throw new PorticoError('duplicate', `The ${provider} reference "${reference}" is already recorded as a payment of another invoice.`, {
      field: 'reference',
    });
  }
  return existing;
}

async function loadRecorded(ctx: BusinessContext, paymentId: string, duplicate: boolean): Promise<RecordedPayment> {
  const row = await ctx.db
    .selectFrom('payments')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('id', '=', paymentId)
    .executeTakeFirstOrThrow();
  return { payment: toPayment(row), invoice: await getInvoice(ctx, row.invoice_id), duplicate };
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    clientId: row.client_id,
    amount: int(row.amount),
    currency: row.currency,
    method: row.method,
    provider: row.provider,
    providerReference: row.provider_reference,
    refundedAmount: int(row.refunded_amount),
    receivedAt: new Date(int(row.received_at)),
    createdAt: new Date(int(row.created_at)),
  };
}
