import type { BusinessContext } from '../context.js';
import type { EstimateRow } from '../db/schema.js';
import { businessToday } from '../businesses/business-today.js';
import { requireClientEstimateRow } from '../estimates/client-estimates.js';
import { toEstimate } from '../estimates/estimate-model.js';
import { requireEstimateRow } from '../estimates/estimate-queries.js';
import { currentParties } from '../invoices/invoice-parties.js';
import { PorticoError } from '../shared/errors.js';
import type { Locale } from '../shared/locales.js';
import { documentContext, MAX_ZIP_IDS, type DocumentContext } from './client-documents.js';
import type { EstimateDocumentInput } from './estimate-pdf.js';

/** Estimates read from the database at a time while a ZIP is made. */
const BATCH = 50;

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
  const ids = selection.ids === undefined ? await sentEstimateIds(ctx, clientId) : await requireVisibleIds(ctx, clientId, selection.ids);
  return (async function* () {
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      const rows = await visibleRows(ctx, clientId, batch);
      const byId = new Map(rows.map((row) => [row.id, row]));
      // A row gone between the check and now (never: sent estimates are not deleted) is left out rather than failing mid-download.
      yield* await toInputs(ctx, context, batch.flatMap((id) => byId.get(id) ?? []));
    }
  })();
}

async function requireVisibleIds(ctx: BusinessContext, clientId: string, requested: readonly string[]): Promise<string[]> {
  if (!Array.isArray(requested) || requested.some((id) => typeof id !== 'string' || id === '')) {
    throw new PorticoError('invalid_input', 'ids must be a list of estimate ids.', { field: 'ids' });
  }
  const ids = [...new Set(requested)];
  if (ids.length === 0) throw new PorticoError('invalid_input', 'ids must name at least one estimate.', { field: 'ids' });
  if (ids.length > MAX_ZIP_IDS) throw new PorticoError('invalid_input', `ids may name at most ${MAX_ZIP_IDS} estimates.`, { field: 'ids' });
  for (let start = 0; start < ids.length; start += 500) {
    const batch = ids.slice(start, start + 500);
    const found = await ctx.db
      .selectFrom('estimates')
      .select('id')
      .where('business_id', '=', ctx.businessId)
      .where('client_id', '=', clientId)
      .where('sent_at', 'is not', null)
      .where('id', 'in', batch)
      .execute();
    if (found.length !== batch.length) throw new PorticoError('estimate_not_found', 'No such estimate.', { field: 'ids' });
  }
  return ids;
}

async function sentEstimateIds(ctx: BusinessContext, clientId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('estimates')
    .select('id')
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', clientId)
    .where('sent_at', 'is not', null)
    .orderBy('issue_date', 'desc')
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => row.id);
}

async function visibleRows(ctx: BusinessContext, clientId: string, ids: string[]): Promise<EstimateRow[]> {
  return ctx.db
    .selectFrom('estimates')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', clientId)
    .where('sent_at', 'is not', null)
    .where('id', 'in', ids)
    .execute();
}

/** The PDF inputs of these rows (all of one client), their lines read in one query, the seller and buyer as they are now. */
async function toInputs(ctx: BusinessContext, context: DocumentContext, rows: readonly EstimateRow[]): Promise<EstimateDocumentInput[]> {
  if (rows.length === 0) return [];
  const lines = await ctx.db
    .selectFrom('estimate_lines')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where(
      'document_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  const today = await businessToday(ctx);
  const parties = currentParties(context.businessRow, context.clientRow);
  return rows.map((row) => ({
    estimate: toEstimate(
      row,
      lines.filter((line) => line.document_id === row.id),
      today,
    ),
    business: context.business,
    client: { name: parties.buyer.name },
    parties,
    locale: context.locale,
  }));
}
