import { sql } from 'kysely';
import type { EstimateRow, LineRow, RowChanges } from '../db/schema.js';
import { int } from '../db/row-values.js';
import { recordAudit } from '../audit/audit-log.js';
import { recordEstimateEvent } from '../events/event-data.js';
import { businessToday } from '../businesses/business-today.js';
import { requireBusinessRow, toBusiness, type Business } from '../businesses/businesses.js';
import type { BusinessContext, Executor } from '../context.js';
import { enqueueEmail } from '../email/outbox.js';
import { renderEstimateResponseEmail, type EstimateResponseEmailInput } from '../email/templates/index.js';
import { readLineRows, toComputedLine } from '../invoices/document-lines.js';
import type { Invoice } from '../invoices/invoice-model.js';
import { getInvoice } from '../invoices/invoice-queries.js';
import { insertDraftInvoice, resolveDueDate } from '../invoices/invoices.js';
import { sendInvoice } from '../invoices/send-invoice.js';
import { PorticoError } from '../shared/errors.js';
import { optionalText, requireText } from '../shared/validate.js';
import { getClientEstimate, requireClientEstimateRow, type ClientEstimate } from './client-estimates.js';
import { estimateRowHash, type Estimate } from './estimate-model.js';
import { getEstimate, requireEstimateRow } from './estimate-queries.js';
import { estimateAcceptanceOf, notifyEmailOf } from '../businesses/estimate-settings.js';

export interface AcceptEstimateInput {
  /** The client's name, typed (at most 200 characters). */
  name: string;
  /** The confirmation tick: must be `true`. */
  confirmed: boolean;
  /** Where the acceptance came from (the server passes the request's). */
  ip?: string | null;
  userAgent?: string | null;
}

export interface EstimateAnswer {
  estimate: ClientEstimate;
  /** The invoice it became (accepting only). */
  invoiceId: string | null;
}

const MAX_USER_AGENT = 500;

/**
 * The client accepts a sent, unexpired estimate: one guarded UPDATE ...
 * WHERE status = 'sent' records the name, instant, IP, user agent and the
 * hash of the content accepted, so of any number of concurrent acceptances
 * exactly one wins. In the same transaction the estimate becomes a draft
 * invoice carrying every line and total exactly (linked both ways), the
 * business is emailed, and the audit log records both. With the business's
 * `settings.estimateAcceptance: 'send_invoice'` the invoice is then sent at
 * once. Final: anything else is a PorticoError and changes nothing.
 */
export async function acceptEstimateAsClient(ctx: BusinessContext, clientId: string, estimateId: string, input: AcceptEstimateInput): Promise<EstimateAnswer> {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'Accepting needs the name typed and confirmed: true.');
  const name = requireText(input.name, 'name', { max: 200 });
  if (input.confirmed !== true) {
    throw new PorticoError('invalid_input', 'Tick the confirmation to accept the estimate (confirmed: true).', { field: 'confirmed' });
  }
  const ip = optionalText(input.ip, 'ip', { max: 100 });
  const userAgent = typeof input.userAgent === 'string' && input.userAgent !== '' ? input.userAgent.slice(0, MAX_USER_AGENT) : null;
  const business = toBusiness(await requireBusinessRow(ctx.db, ctx.businessId));
  const today = await businessToday(ctx);

  const invoiceId = await ctx.db.transaction().execute(async (trx) => {
    const row = await requireClientEstimateRow(trx, ctx.businessId, clientId, estimateId);
    assertRespondable(row, today);
    // A sent estimate cannot change (only drafts are edited), so the lines read here are the ones accepted.
    const lines = await readLineRows(trx, 'estimate_lines', ctx.businessId, estimateId);
    const versionHash = estimateRowHash(row, lines);
    const now = ctx.clock.now().getTime();
    await claimAnswer(trx, ctx, row, today, {
      status: 'accepted',
      accepted_at: now,
      accepted_by_name: name,
      accepted_ip: ip,
      accepted_user_agent: userAgent,
      accepted_version_hash: versionHash,
    });
    await recordAudit(trx, ctx, {
      action: 'estimate.accepted',
      entityType: 'estimate',
      entityId: estimateId,
      details: { name, ip, userAgent, versionHash },
    });
    const invoiceId = await convertInTransaction(trx, ctx, row, lines, today);
    await queueResponseEmail(trx, ctx, business, row, {
      kind: 'accepted',
      name,
      draftInvoice: estimateAcceptanceOf(business.settings) === 'draft_invoice',
    });
    await recordEstimateEvent(trx, ctx, 'estimate.accepted', estimateId);
    return invoiceId;
  });
  if (estimateAcceptanceOf(business.settings) === 'send_invoice') await sendInvoice(ctx, invoiceId);
  return { estimate: await getClientEstimate(ctx, clientId, estimateId), invoiceId };
}

/** The client declines a sent, unexpired estimate, with an optional reason (at most 1000 characters). Final; the business is emailed. */
export async function declineEstimateAsClient(
  ctx: BusinessContext,
  clientId: string,
  estimateId: string,
  input: { reason?: string | null } = {},
): Promise<EstimateAnswer> {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'A decline is an object with an optional reason.');
  const reason = optionalText(input.reason, 'reason', { max: 1000 });
  const business = toBusiness(await requireBusinessRow(ctx.db, ctx.businessId));
  const today = await businessToday(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await requireClientEstimateRow(trx, ctx.businessId, clientId, estimateId);
    assertRespondable(row, today);
    await claimAnswer(trx, ctx, row, today, { status: 'declined', declined_at: ctx.clock.now().getTime(), decline_reason: reason });
    await recordAudit(trx, ctx, { action: 'estimate.declined', entityType: 'estimate', entityId: estimateId, details: { reason } });
    await queueResponseEmail(trx, ctx, business, row, { kind: 'declined', reason });
    await recordEstimateEvent(trx, ctx, 'estimate.declined', estimateId);
  });
  return { estimate: await getClientEstimate(ctx, clientId, estimateId), invoiceId: null };
}

export interface ConvertedEstimate {
  estimate: Estimate;
  invoice: Invoice;
}

/**
 * The business turns a sent estimate into an invoice itself (the client
 * agreed some other way), expired or not: it becomes `converted`, with no
 * acceptance record, and the invoice a draft, or sent at once with
 * `{ send: true }`. Linked both ways, every line and total carried exactly.
 */
export async function convertEstimate(ctx: BusinessContext, estimateId: string, options: { send?: boolean } = {}): Promise<ConvertedEstimate> {
  if (options.send !== undefined && typeof options.send !== 'boolean') {
    throw new PorticoError('invalid_input', 'send must be true or false.', { field: 'send' });
  }
  const business = toBusiness(await requireBusinessRow(ctx.db, ctx.businessId));
  const today = await businessToday(ctx);
  const invoiceId = await ctx.db.transaction().execute(async (trx) => {
    const row = await requireEstimateRow(trx, ctx.businessId, estimateId);
    const lines = await readLineRows(trx, 'estimate_lines', ctx.businessId, estimateId);
    const now = ctx.clock.now().getTime();
    const claimed = await trx
      .updateTable('estimates')
      .set({ status: 'converted', version: sql`version + 1`, updated_at: now })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', estimateId)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) {
      throw new PorticoError('estimate_not_acceptable', `Estimate ${row.number} is ${row.status}; only a sent estimate can be converted.`);
    }
    return convertInTransaction(trx, ctx, row, lines, today);
  });
  const invoice = options.send ? (await sendInvoice(ctx, invoiceId)).invoice : await getInvoice(ctx, invoiceId);
  return { estimate: await getEstimate(ctx, estimateId), invoice };
}

/** The draft invoice an estimate becomes, dated today, with the estimate's lines as stored; links both ways. */
async function convertInTransaction(
  trx: Executor,
  ctx: BusinessContext,
  row: EstimateRow,
  lines: readonly LineRow[],
  today: string,
): Promise<string> {
  const invoiceId = await insertDraftInvoice(trx, ctx, {
    clientId: row.client_id,
    currency: row.currency,
    issueDate: today,
    dueDate: resolveDueDate(undefined, today, await requireBusinessRow(trx, ctx.businessId)),
    lines: lines.map(toComputedLine),
    notes: row.notes,
    sharedWithClient: false,
    estimateId: row.id,
  });
  await trx.updateTable('estimates').set({ invoice_id: invoiceId }).where('business_id', '=', ctx.businessId).where('id', '=', row.id).execute();
  await recordAudit(trx, ctx, { action: 'estimate.converted', entityType: 'estimate', entityId: row.id, details: { invoiceId } });
  return invoiceId;
}

/**
 * Records the client's answer with one UPDATE guarded by its own condition
 * (still sent, still valid): of any number of concurrent answers exactly one
 * changes the row; every other is refused as the row now stands.
 */
async function claimAnswer(trx: Executor, ctx: BusinessContext, row: EstimateRow, today: string, answer: RowChanges<'estimates'>): Promise<void> {
  const claimed = await trx
    .updateTable('estimates')
    .set({ ...answer, version: sql`version + 1`, updated_at: ctx.clock.now().getTime() })
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', row.client_id)
    .where('id', '=', row.id)
    .where('status', '=', 'sent')
    .where('valid_until', '>=', today)
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) refuseAnswer(await requireEstimateRow(trx, ctx.businessId, row.id), today);
}

/** Only a sent estimate on or before its valid-until date takes an answer. */
function assertRespondable(row: EstimateRow, today: string): void {
  if (row.status !== 'sent' || row.valid_until < today) refuseAnswer(row, today);
}

function refuseAnswer(row: EstimateRow, today: string): never {
  if (row.status === 'sent' && row.valid_until < today) {
    throw new PorticoError('estimate_expired', `Estimate ${row.number} was valid until ${row.valid_until} and can no longer be accepted or declined.`);
  }
  const state = row.status === 'void' ? 'void' : `already ${row.status}`;
  throw new PorticoError('estimate_not_acceptable', `Estimate ${row.number} is ${state}; its answer is final.`);
}

/** Tells the business (at `settings.notifyEmail`, in its own language) that a client answered; nothing when it set no address. */
async function queueResponseEmail(
  trx: Executor,
  ctx: BusinessContext,
  business: Business,
  row: EstimateRow & { clientName: string },
  response: EstimateResponseEmailInput['response'],
): Promise<void> {
  const to = notifyEmailOf(business.settings);
  if (to === null) return;
  const email = renderEstimateResponseEmail({
    business,
    clientName: row.clientName,
    estimate: { number: row.number, currency: row.currency, total: int(row.total), validUntil: row.valid_until },
    response,
    locale: business.locale,
  });
  await enqueueEmail(trx, ctx, { kind: `estimate_${response.kind}`, to, ...email });
}
