import type { EstimateRow } from '../db/schema.js';
import { businessToday } from '../businesses/business-today.js';
import type { BusinessContext, Executor } from '../context.js';
import { requireBusinessRow } from '../businesses/businesses.js';
import { requireClientRow } from '../clients/client-row.js';
import { readLineRows } from '../invoices/document-lines.js';
import { currentParties, type InvoiceParties } from '../invoices/invoice-parties.js';
import { PorticoError } from '../shared/errors.js';
import { toEstimate, toEstimateSummary, type Estimate, type EstimateSummary } from './estimate-model.js';

/** One estimate as its client sees it. */
export interface ClientEstimate extends Estimate {
  clientName: string;
  /** Sent and not past its valid-until date: the client may accept or decline it. */
  canRespond: boolean;
  /** Seller and buyer as they are now: an estimate freezes no copy (the invoice it becomes does, when issued). */
  parties: InvoiceParties;
}

/**
 * The client's estimates, newest first: every one that was ever sent,
 * whatever it is now. Drafts (and drafts voided unsent) are never shown.
 */
export async function listClientEstimates(ctx: BusinessContext, clientId: string): Promise<EstimateSummary[]> {
  if (typeof clientId !== 'string') throw new PorticoError('client_not_found', 'No such client.', { field: 'clientId' });
  const today = await businessToday(ctx);
  const rows = await ctx.db
    .selectFrom('estimates')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', clientId)
    .where('sent_at', 'is not', null)
    .orderBy('issue_date', 'desc')
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => toEstimateSummary(row, today));
}

/** One of the client's sent estimates; another client's, another business's or a never-sent draft is `estimate_not_found`, nothing of it read out. */
export async function getClientEstimate(ctx: BusinessContext, clientId: string, estimateId: string): Promise<ClientEstimate> {
  const { clientName, ...row } = await requireClientEstimateRow(ctx.db, ctx.businessId, clientId, estimateId);
  const today = await businessToday(ctx);
  const estimate = toEstimate(row, await readLineRows(ctx.db, 'estimate_lines', ctx.businessId, estimateId), today);
  const parties = currentParties(await requireBusinessRow(ctx.db, ctx.businessId), await requireClientRow(ctx.db, ctx.businessId, clientId));
  return { ...estimate, clientName, canRespond: estimate.displayStatus === 'sent', parties };
}

/** The estimate row with its client's name, only if the client may see it. */
export async function requireClientEstimateRow(
  executor: Executor,
  businessId: string,
  clientId: string,
  estimateId: string,
): Promise<EstimateRow & { clientName: string }> {
  const row =
    typeof clientId === 'string' && typeof estimateId === 'string'
      ? await executor
          .selectFrom('estimates')
          .innerJoin('clients', (join) => join.onRef('clients.id', '=', 'estimates.client_id').onRef('clients.business_id', '=', 'estimates.business_id'))
          .selectAll('estimates')
          .select('clients.name as clientName')
          .where('estimates.business_id', '=', businessId)
          .where('estimates.client_id', '=', clientId)
          .where('estimates.id', '=', estimateId)
          .where('estimates.sent_at', 'is not', null)
          .executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('estimate_not_found', 'No such estimate.', { field: 'estimateId' });
  return row;
}
