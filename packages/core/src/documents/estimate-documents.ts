import type { BusinessContext } from '../context.js';
import type { EstimateRow } from '../db/schema.js';
import { businessToday } from '../businesses/business-today.js';
import { listClientEstimates, requireClientEstimateRow } from '../estimates/client-estimates.js';
import { toEstimate } from '../estimates/estimate-model.js';
import { requireEstimateRow } from '../estimates/estimate-queries.js';
import { readLineRowsOf } from '../invoices/document-lines.js';
import { currentParties } from '../invoices/invoice-parties.js';
import { PorticoError } from '../shared/errors.js';
import type { Locale } from '../shared/locales.js';
import { documentContext, MAX_ZIP_IDS, type DocumentContext } from './client-documents.js';
import type { EstimateDocumentInput } from './estimate-pdf.js';

/** Estimates read from the database at a time while a ZIP is made. */
const BATCH = 50;
/** Ids checked at a time before a ZIP starts. */
const CHECK_BATCH = 500;

/**
 * What the PDF of one of the business's estimates is made from, drafts
 * included (the business's own view); another business's is
 * `estimate_not_found`. `locale` defaults to the client's, then the business's.
 */
export async function estimateDocument(ctx: BusinessContext, estimateId: string, locale?: Locale): Promise<EstimateDocumentInput> {
  const row = await requireEstimateRow(ctx.db, ctx.businessId, estimateId);
  const context = await documentContext(ctx, row.client_id, locale);
  return (await toInputs(ctx, context, [row]))[0]!;
}

/** The PDF of one of the client's sent estimates; a draft, another client's or another business's is `estimate_not_found`, nothing of it read out. */
export async function clientEstimateDocument(ctx: BusinessContext, clientId: string, estimateId: string, locale?: Locale): Promise<EstimateDocumentInput> {
  const { clientName: _clientName, ...row } = await requireClientEstimateRow(ctx.db, ctx.businessId, clientId, estimateId);
  const context = await documentContext(ctx, clientId, locale);
  return (await toInputs(ctx, context, [row]))[0]!;
}

/**
 * The client's estimates for a ZIP, in the order of `ids` (each once), read
 * `BATCH` at a time as they are consumed; without `ids`, every estimate the
 * client was sent, newest first. Every id must be one of the client's sent
 * estimates: a draft, another client's or an unknown id is
 * `estimate_not_found` before the first byte, so a ZIP never leaves one out
 * without a word. Checked (all of them) before this returns.
 */
export async function clientEstimateDocuments(
  ctx: BusinessContext,
  clientId: string,
  selection: { ids?: readonly string[] },
  locale?: Locale,
): Promise<AsyncIterable<EstimateDocumentInput>> {
  const context = await documentContext(ctx, clientId, locale);
  const ids =
    selection.ids === undefined ? (await listClientEstimates(ctx, clientId)).map((estimate) => estimate.id) : await requireSentIds(ctx, clientId, selection.ids);
  return (async function* () {
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      const byId = new Map((await sentRows(ctx, clientId, batch)).map((row) => [row.id, row]));
      // Sent estimates are never deleted: every id checked is still here.
      yield* await toInputs(ctx, context, batch.flatMap((id) => byId.get(id) ?? []));
    }
  })();
}

async function requireSentIds(ctx: BusinessContext, clientId: string, requested: readonly string[]): Promise<string[]> {
  if (!Array.isArray(requested) || requested.some((id) => typeof id !== 'string' || id === '')) {
    throw new PorticoError('invalid_input', 'ids must be a list of estimate ids.', { field: 'ids' });
  }
  const ids = [...new Set(requested)];
  if (ids.length === 0) throw new PorticoError('invalid_input', 'ids must name at least one estimate.', { field: 'ids' });
  if (ids.length > MAX_ZIP_IDS) throw new PorticoError('invalid_input', `ids may name at most ${MAX_ZIP_IDS} estimates.`, { field: 'ids' });
  for (let start = 0; start < ids.length; start += CHECK_BATCH) {
    const batch = ids.slice(start, start + CHECK_BATCH);
    if ((await sentRows(ctx, clientId, batch, ['id'])).length !== batch.length) {
      throw new PorticoError('estimate_not_found', 'No such estimate.', { field: 'ids' });
    }
  }
  return ids;
}

/** These of the client's estimates that were sent (what the client may see), in no order. */
function sentRows(ctx: BusinessContext, clientId: string, ids: string[]): Promise<EstimateRow[]>;
function sentRows(ctx: BusinessContext, clientId: string, ids: string[], columns: ['id']): Promise<Array<Pick<EstimateRow, 'id'>>>;
function sentRows(ctx: BusinessContext, clientId: string, ids: string[], columns?: ['id']): Promise<Array<Pick<EstimateRow, 'id'>>> {
  const query = ctx.db
    .selectFrom('estimates')
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', clientId)
    .where('sent_at', 'is not', null)
    .where('id', 'in', ids);
  return columns ? query.select(columns).execute() : query.selectAll().execute();
}

/** The PDF inputs of these rows (all of one client), their lines read in one query, the seller and buyer as they are now. */
async function toInputs(ctx: BusinessContext, context: DocumentContext, rows: readonly EstimateRow[]): Promise<EstimateDocumentInput[]> {
  if (rows.length === 0) return [];
  const lines = await readLineRowsOf(ctx.db, 'estimate_lines', ctx.businessId, rows.map((row) => row.id));
  const today = await businessToday(ctx);
  const parties = currentParties(context.businessRow, context.clientRow);
  return rows.map((row) => ({
    estimate: toEstimate(row, lines.get(row.id) ?? [], today),
    business: context.business,
    client: { name: parties.buyer.name },
    parties,
    locale: context.locale,
  }));
}
