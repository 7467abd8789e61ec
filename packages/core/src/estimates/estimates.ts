import { sql } from 'kysely';
import type { EstimateRow, RowChanges } from '../db/schema.js';
import { int } from '../db/row-values.js';
import { recordAudit } from '../audit/audit-log.js';
import { addDays, businessToday } from '../businesses/business-today.js';
import { requireBusinessRow } from '../businesses/businesses.js';
import { nextDocumentNumber } from '../businesses/document-numbers.js';
import { requireClientRow } from '../clients/client-row.js';
import type { BusinessContext, Executor } from '../context.js';
import { insertLines } from '../invoices/document-lines.js';
import { commonDraftChanges, replaceLines, totalsColumns } from '../invoices/document-edits.js';
import { computeLines, type LineInput } from '../invoices/line-totals.js';
import { requireCurrency } from '../money/money.js';
import { PorticoError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { optionalText, requireDate } from '../shared/validate.js';
import type { Estimate } from './estimate-model.js';
import { getEstimate, requireEstimateRow } from './estimate-queries.js';

export interface EstimateInput {
  clientId: string;
  currency: string;
  /** Defaults to today in the business's time zone. */
  issueDate?: string;
  /** The last day it can be accepted. Defaults to the issue date plus `settings.estimateValidDays` (30). */
  validUntil?: string;
  lines?: LineInput[];
  notes?: string | null;
}

export type EstimateUpdate = Partial<EstimateInput>;

const DEFAULT_VALID_DAYS = 30;

/**
 * Creates a draft estimate with the next number of the business's estimate
 * sequence (`EST-0001`), taken in the same transaction: concurrent creations
 * never share one. Lines, taxes and discounts are computed as an invoice's.
 */
export async function createEstimate(ctx: BusinessContext, input: EstimateInput): Promise<Estimate> {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'An estimate needs a clientId and a currency.');
  const currency = requireCurrency(input.currency);
  const lines = computeLines(input.lines ?? []);
  const notes = optionalText(input.notes, 'notes');
  const business = await requireBusinessRow(ctx.db, ctx.businessId);
  const issueDate = input.issueDate === undefined ? await businessToday(ctx) : requireDate(input.issueDate, 'issueDate');
  const validUntil = resolveValidUntil(input.validUntil, issueDate, business.settings);
  const now = ctx.clock.now().getTime();
  const id = newId('est');
  const totals = totalsColumns(lines);

  await ctx.db.transaction().execute(async (trx) => {
    await requireClientRow(trx, ctx.businessId, input.clientId);
    const number = await nextDocumentNumber(trx, ctx.businessId, 'estimate');
    await trx
      .insertInto('estimates')
      .values({
        id,
        business_id: ctx.businessId,
        client_id: input.clientId,
        number,
        status: 'draft',
        currency,
        issue_date: issueDate,
        valid_until: validUntil,
        ...totals,
        notes,
        invoice_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertLines(trx, 'estimate_lines', ctx.businessId, id, lines);
    await recordAudit(trx, ctx, {
      action: 'estimate.created',
      entityType: 'estimate',
      entityId: id,
      details: { clientId: input.clientId, number, currency, total: totals.total },
    });
  });
  return getEstimate(ctx, id);
}

/** Changes a draft. A sent estimate is what the client may accept: void it and make a new one instead. */
export async function updateEstimate(ctx: BusinessContext, estimateId: string, patch: EstimateUpdate): Promise<Estimate> {
  if (typeof patch !== 'object' || patch === null) throw new PorticoError('invalid_input', 'An estimate update must be an object.');
  const current = await requireEstimateRow(ctx.db, ctx.businessId, estimateId);
  assertDraft(current);
  const business = await requireBusinessRow(ctx.db, ctx.businessId);
  const { changes: common, lines } = commonDraftChanges(current, patch);
  const changes: RowChanges<'estimates'> = { ...common };
  if (patch.validUntil !== undefined || patch.issueDate !== undefined) {
    changes.valid_until = resolveValidUntil(patch.validUntil ?? current.valid_until, changes.issue_date ?? current.issue_date, business.settings);
  }

  await ctx.db.transaction().execute(async (trx) => {
    if (patch.clientId !== undefined) {
      await requireClientRow(trx, ctx.businessId, patch.clientId);
      changes.client_id = patch.clientId;
    }
    const updated = await trx
      .updateTable('estimates')
      .set({ ...changes, version: sql`version + 1`, updated_at: ctx.clock.now().getTime() })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', estimateId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) assertDraft(await requireEstimateRow(trx, ctx.businessId, estimateId));
    if (lines) {
      await replaceLines(trx, 'estimate_lines', ctx.businessId, estimateId, lines);
    }
    await recordAudit(trx, ctx, { action: 'estimate.updated', entityType: 'estimate', entityId: estimateId, details: { fields: Object.keys(patch) } });
  });
  return getEstimate(ctx, estimateId);
}

/**
 * Marks a draft sent (the client can see it from now on), if it has lines
 * and is not already past its valid-until date. Guarded by its own
 * condition; an estimate already sent is left as it is. Call inside the
 * transaction that queues its emails.
 */
export async function markEstimateSent(trx: Executor, ctx: BusinessContext, estimateId: string, today: string): Promise<void> {
  const row = await requireEstimateRow(trx, ctx.businessId, estimateId);
  if (row.status !== 'draft' && row.status !== 'sent') {
    throw new PorticoError('invalid_status_transition', `Estimate ${row.number} is ${row.status} and cannot be sent.`);
  }
  if (row.valid_until < today) {
    throw new PorticoError('estimate_expired', `Estimate ${row.number} was valid until ${row.valid_until}; change the date before sending it.`, {
      field: 'validUntil',
    });
  }
  if (row.status === 'sent') return;
  const now = ctx.clock.now().getTime();
  const claimed = await trx
    .updateTable('estimates')
    .set({ status: 'sent', sent_at: now, version: sql`version + 1`, updated_at: now })
    .where('business_id', '=', ctx.businessId)
    .where('id', '=', estimateId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) return; // Sent by a concurrent call: its emails and ours both go.
  const lineCount = await trx
    .selectFrom('estimate_lines')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('business_id', '=', ctx.businessId)
    .where('document_id', '=', estimateId)
    .executeTakeFirstOrThrow();
  if (int(lineCount.n as number) === 0) {
    throw new PorticoError('estimate_has_no_lines', 'An estimate needs at least one line item before it is sent.', { field: 'lines' });
  }
}

/** Voids a draft or a sent estimate (expired included): it can no longer be accepted. Final. */
export async function voidEstimate(ctx: BusinessContext, estimateId: string, reason?: string): Promise<Estimate> {
  const note = optionalText(reason, 'reason', { max: 1000 });
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now().getTime();
    const voided = await trx
      .updateTable('estimates')
      .set({ status: 'void', voided_at: now, version: sql`version + 1`, updated_at: now })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', estimateId)
      .where('status', 'in', ['draft', 'sent'])
      .executeTakeFirst();
    if (voided.numUpdatedRows === 0n) {
      const row = await requireEstimateRow(trx, ctx.businessId, estimateId);
      throw new PorticoError('invalid_status_transition', `Estimate ${row.number} is ${row.status}; only a draft or sent estimate can be voided.`);
    }
    await recordAudit(trx, ctx, { action: 'estimate.voided', entityType: 'estimate', entityId: estimateId, details: { reason: note } });
  });
  return getEstimate(ctx, estimateId);
}

function resolveValidUntil(validUntil: string | undefined, issueDate: string, settingsJson: string): string {
  if (validUntil === undefined) {
    const days = (JSON.parse(settingsJson) as { estimateValidDays?: unknown }).estimateValidDays;
    return addDays(issueDate, typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 3650 ? days : DEFAULT_VALID_DAYS);
  }
  const until = requireDate(validUntil, 'validUntil');
  if (until < issueDate) {
    throw new PorticoError('invalid_input', `validUntil (${until}) cannot be before issueDate (${issueDate}).`, { field: 'validUntil' });
  }
  return until;
}

function assertDraft(row: EstimateRow): void {
  if (row.status !== 'draft') {
    throw new PorticoError('estimate_not_editable', `Estimate ${row.number} is ${row.status}; only drafts can be changed. Void it and make a new one.`);
  }
}
