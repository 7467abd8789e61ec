import { sql, type Transaction } from 'kysely';
import type { BusinessRow, InvoiceRow, PorticoSchema, RowChanges } from '../db/schema.js';
import { int } from '../db/row-values.js';
import { recordAudit } from '../audit/audit-log.js';
import { addDays, businessToday } from '../businesses/business-today.js';
import { requireBusinessRow } from '../businesses/businesses.js';
import { requireClientRow } from '../clients/client-row.js';
import { requireCurrency } from '../money/money.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { optionalText, requireBoolean, requireDate } from '../shared/validate.js';
import { computeLines, type ComputedLine, type LineInput } from './line-totals.js';
import { insertLines } from './document-lines.js';
import { commonDraftChanges, replaceLines, totalsColumns } from './document-edits.js';
import { nextDocumentNumber } from '../businesses/document-numbers.js';
import { getInvoice, requireInvoiceRow } from './invoice-queries.js';
import { invoiceSearchText, refreshInvoiceSearchText } from './invoice-search-text.js';
import type { Invoice } from './invoice-model.js';
import { assertInvoiceMove } from './invoice-status.js';
import { currentParties } from './invoice-parties.js';
import { trackInvoiceTotals } from './statement-totals.js';

export interface InvoiceInput {
  clientId: string;
  currency: string;
  /** Defaults to today in the business's time zone. */
  issueDate?: string;
  /** Defaults to the issue date plus the business's `paymentTermsDays` (else `settings.paymentTermsDays`, else 30). */
  dueDate?: string;
  lines?: LineInput[];
  notes?: string | null;
  /** Show this draft to the client in the portal. */
  sharedWithClient?: boolean;
}

export type InvoiceUpdate = Partial<InvoiceInput>;

const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** Creates a draft invoice; totals are computed from the lines, never typed in. */
export async function createInvoice(ctx: BusinessContext, input: InvoiceInput): Promise<Invoice> {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'An invoice needs a clientId and a currency.');
  const currency = requireCurrency(input.currency);
  const lines = computeLines(input.lines ?? []);
  const notes = optionalText(input.notes, 'notes');
  const shared = input.sharedWithClient === undefined ? false : requireBoolean(input.sharedWithClient, 'sharedWithClient');
  const business = await requireBusinessRow(ctx.db, ctx.businessId);
  const issueDate = input.issueDate === undefined ? await businessToday(ctx) : requireDate(input.issueDate, 'issueDate');
  const dueDate = resolveDueDate(input.dueDate, issueDate, business);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await requireClientRow(trx, ctx.businessId, input.clientId);
    return insertDraftInvoice(trx, ctx, { clientId: input.clientId, currency, issueDate, dueDate, lines, notes, sharedWithClient: shared });
  });
  return getInvoice(ctx, id);
}

/** A checked draft, lines computed: what `insertDraftInvoice` stores. */
export interface DraftInvoiceRow {
  clientId: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  lines: readonly ComputedLine[];
  notes: string | null;
  sharedWithClient: boolean;
  /** The estimate it is made from. */
  estimateId?: string;
}

/**
 * Inserts a draft invoice with its lines and its audit entry, inside the
 * caller's transaction (an estimate's acceptance makes its invoice in the
 * acceptance's own). Totals are the sums of the lines. Returns its id.
 */
export async function insertDraftInvoice(trx: Executor, ctx: BusinessContext, draft: DraftInvoiceRow): Promise<string> {
  const now = ctx.clock.now().getTime();
  const id = newId('inv');
  const totals = totalsColumns(draft.lines);
  await trackInvoiceTotals(trx, ctx.businessId, id, () => trx
    .insertInto('invoices')
    .values({
      id,
      business_id: ctx.businessId,
      client_id: draft.clientId,
      number: null,
      status: 'draft',
      currency: draft.currency,
      issue_date: draft.issueDate,
      due_date: draft.dueDate,
      ...totals,
      amount_paid: 0,
      notes: draft.notes,
      shared_with_client: draft.sharedWithClient ? 1 : 0,
      version: 1,
      search_text: invoiceSearchText({ number: null, notes: draft.notes, descriptions: draft.lines.map((line) => line.description) }),
      sent_at: null,
      paid_at: null,
      voided_at: null,
      estimate_id: draft.estimateId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute());
  await insertLines(trx, 'invoice_lines', ctx.businessId, id, draft.lines);
  await recordAudit(trx, ctx, {
    action: 'invoice.created',
    entityType: 'invoice',
    entityId: id,
    details: { clientId: draft.clientId, currency: draft.currency, total: totals.total, ...(draft.estimateId ? { estimateId: draft.estimateId } : {}) },
  });
  return id;
}

/** Changes a draft. Issued invoices are immutable: void and re-issue instead. */
export async function updateInvoice(ctx: BusinessContext, invoiceId: string, patch: InvoiceUpdate): Promise<Invoice> {
  if (typeof patch !== 'object' || patch === null) throw new PorticoError('invalid_input', 'An invoice update must be an object.');
  const current = await requireInvoiceRow(ctx.db, ctx.businessId, invoiceId);
  assertDraft(current);
  const business = await requireBusinessRow(ctx.db, ctx.businessId);
  const { changes: common, lines } = commonDraftChanges(current, patch);
  const changes: RowChanges<'invoices'> = { ...common };
  if (patch.dueDate !== undefined || patch.issueDate !== undefined) {
    changes.due_date = resolveDueDate(
      patch.dueDate ?? current.due_date,
      changes.issue_date ?? current.issue_date,
      business,
    );
  }
  if (patch.sharedWithClient !== undefined) changes.shared_with_client = requireBoolean(patch.sharedWithClient, 'sharedWithClient') ? 1 : 0;

  await ctx.db.transaction().execute(async (trx) => {
    if (patch.clientId !== undefined) {
      await requireClientRow(trx, ctx.businessId, patch.clientId);
      changes.client_id = patch.clientId;
    }
    const updated = await trackInvoiceTotals(trx, ctx.businessId, invoiceId, () =>
      trx
        .updateTable('invoices')
        .set({ ...changes, version: sql`version + 1`, updated_at: ctx.clock.now().getTime() })
        .where('business_id', '=', ctx.businessId)
        .where('id', '=', invoiceId)
        .where('status', '=', 'draft')
        .executeTakeFirst(),
    );
    if (updated.numUpdatedRows === 0n) assertDraft(await requireInvoiceRow(trx, ctx.businessId, invoiceId));
    if (lines) {
      await replaceLines(trx, 'invoice_lines', ctx.businessId, invoiceId, lines);
    }
    if (changes.notes !== undefined || lines) await refreshInvoiceSearchText(trx, ctx.businessId, invoiceId);
    await recordAudit(trx, ctx, {
      action: 'invoice.updated',
      entityType: 'invoice',
      entityId: invoiceId,
      details: { fields: Object.keys(patch) },
    });
  });
  return getInvoice(ctx, invoiceId);
}

/**
 * Issues a draft: it becomes `sent` and takes the next number in the
 * business's sequence. An invoice with nothing to pay (total 0) is paid at once.
 */
export async function issueInvoice(ctx: BusinessContext, invoiceId: string): Promise<Invoice> {
  await ctx.db.transaction().execute((trx) => trackInvoiceTotals(trx, ctx.businessId, invoiceId, () => issueInside(trx, ctx, invoiceId)));
  return getInvoice(ctx, invoiceId);
}

/** The issue's steps, in its transaction; the totals are moved around them. */
async function issueInside(trx: Transaction<PorticoSchema>, ctx: BusinessContext, invoiceId: string): Promise<void> {
  const current = await requireInvoiceRow(trx, ctx.businessId, invoiceId);
  assertInvoiceMove(current.status, 'sent');
  const now = ctx.clock.now().getTime();
  // Guarded by its own condition, so of two concurrent issues exactly one wins
  // (and takes a number: the sequence has no gaps). Paid-or-sent is decided from
  // the row's own total, not from the read above, which an edit may have outdated.
  const claimed = await trx
    .updateTable('invoices')
    .set({
      status: sql<'paid' | 'sent'>`case when total = 0 then 'paid' else 'sent' end`,
      sent_at: now,
      paid_at: sql<number | null>`case when total = 0 then cast(${now} as bigint) else null end`,
      version: sql`version + 1`,
      updated_at: now,
    })
    .where('business_id', '=', ctx.businessId)
    .where('id', '=', invoiceId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) {
    assertInvoiceMove((await requireInvoiceRow(trx, ctx.businessId, invoiceId)).status, 'sent');
  }
  // Counted once the row is ours: an edit can no longer change the lines under us.
  const lineCount = await trx
    .selectFrom('invoice_lines')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('business_id', '=', ctx.businessId)
    .where('document_id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  if (int(lineCount.n as number) === 0) {
    throw new PorticoError('invoice_has_no_lines', 'An invoice needs at least one line item before it is issued.', { field: 'lines' });
  }
  const number = await nextDocumentNumber(trx, ctx.businessId, 'invoice');
  // The seller and buyer as they are now are what this invoice says, whatever changes later.
  const parties = currentParties(await requireBusinessRow(trx, ctx.businessId), await requireClientRow(trx, ctx.businessId, current.client_id));
  await trx.updateTable('invoices').set({ number, parties: JSON.stringify(parties) }).where('business_id', '=', ctx.businessId).where('id', '=', invoiceId).execute();
  await refreshInvoiceSearchText(trx, ctx.businessId, invoiceId);
  await recordAudit(trx, ctx, { action: 'invoice.issued', entityType: 'invoice', entityId: invoiceId, details: { number } });
}

/** Voids a draft, or a sent invoice nothing has been paid on. */
export async function voidInvoice(ctx: BusinessContext, invoiceId: string, reason?: string): Promise<Invoice> {
  const note = optionalText(reason, 'reason', { max: 1000 });
  await ctx.db.transaction().execute(async (trx) => {
    const current = await requireInvoiceRow(trx, ctx.businessId, invoiceId);
    assertInvoiceMove(current.status, 'void');
    const now = ctx.clock.now().getTime();
    const voided = await trackInvoiceTotals(trx, ctx.businessId, invoiceId, () =>
      trx
        .updateTable('invoices')
        .set({ status: 'void', voided_at: now, version: sql`version + 1`, updated_at: now })
        .where('business_id', '=', ctx.businessId)
        .where('id', '=', invoiceId)
        .where('status', 'in', ['draft', 'sent'])
        .where('amount_paid', '=', 0)
        .executeTakeFirst(),
    );
    if (voided.numUpdatedRows === 0n) {
      const latest = await requireInvoiceRow(trx, ctx.businessId, invoiceId);
      assertInvoiceMove(latest.status, 'void');
      throw new PorticoError('invoice_has_payments', 'This invoice has payments recorded against it; refund them before voiding.');
    }
    await recordAudit(trx, ctx, { action: 'invoice.voided', entityType: 'invoice', entityId: invoiceId, details: { reason: note } });
  });
  return getInvoice(ctx, invoiceId);
}

/** The due date given, or the issue date plus the business's payment terms (its profile's, else `settings.paymentTermsDays`, else 30). */
export function resolveDueDate(dueDate: string | undefined, issueDate: string, business: BusinessRow): string {
  if (dueDate === undefined) {
    const terms = business.payment_terms_days ?? (JSON.parse(business.settings) as { paymentTermsDays?: unknown }).paymentTermsDays;
    return addDays(issueDate, typeof terms === 'number' && Number.isInteger(terms) && terms >= 0 ? terms : DEFAULT_PAYMENT_TERMS_DAYS);
  }
  const due = requireDate(dueDate, 'dueDate');
  if (due < issueDate) {
    throw new PorticoError('due_before_issue', `dueDate (${due}) cannot be before issueDate (${issueDate}).`, { field: 'dueDate' });
  }
  return due;
}

function assertDraft(row: InvoiceRow): void {
  if (row.status !== 'draft') {
    throw new PorticoError(
      'invoice_not_editable',
      `Invoice ${row.number ?? row.id} is ${row.status}; only drafts can be changed. Void it and issue a new one.`,
    );
  }
}
