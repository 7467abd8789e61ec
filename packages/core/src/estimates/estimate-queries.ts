import type { EstimateRow } from '../db/schema.js';
import { businessToday } from '../businesses/business-today.js';
import type { BusinessContext, Executor } from '../context.js';
import { readLineRows } from '../invoices/document-lines.js';
import { PorticoError } from '../shared/errors.js';
import { toEstimate, toEstimateSummary, type Estimate, type EstimateSummary } from './estimate-model.js';
import { estimateDisplayStatuses, type EstimateDisplayStatus } from './estimate-status.js';

export async function getEstimate(ctx: BusinessContext, estimateId: string): Promise<Estimate> {
  const row = await requireEstimateRow(ctx.db, ctx.businessId, estimateId);
  return toEstimate(row, await readLineRows(ctx.db, 'estimate_lines', ctx.businessId, estimateId), await businessToday(ctx));
}

export interface EstimateListOptions {
  clientId?: string;
  /** Display statuses to include; `expired` and `sent` are told apart by the business's today. */
  status?: EstimateDisplayStatus | EstimateDisplayStatus[];
}

/** The business's estimates, newest issue date first. */
export async function listEstimates(ctx: BusinessContext, options: EstimateListOptions = {}): Promise<EstimateSummary[]> {
  const today = await businessToday(ctx);
  let query = ctx.db.selectFrom('estimates').selectAll().where('business_id', '=', ctx.businessId);
  if (options.clientId !== undefined) query = query.where('client_id', '=', options.clientId);
  if (options.status !== undefined) {
    const wanted = Array.isArray(options.status) ? options.status : [options.status];
    for (const status of wanted) {
      if (!estimateDisplayStatuses.includes(status)) {
        throw new PorticoError('invalid_input', `status must be one of ${estimateDisplayStatuses.join(', ')}.`, { field: 'status' });
      }
    }
    query = query.where((eb) =>
      eb.or(
        wanted.map((status) => {
          if (status === 'expired') return eb.and([eb('status', '=', 'sent'), eb('valid_until', '<', today)]);
          if (status === 'sent') return eb.and([eb('status', '=', 'sent'), eb('valid_until', '>=', today)]);
          return eb('status', '=', status);
        }),
      ),
    );
  }
  const rows = await query.orderBy('issue_date', 'desc').orderBy('number', 'desc').execute();
  return rows.map((row) => toEstimateSummary(row, today));
}

/** The estimate row, only if it belongs to this business; otherwise `estimate_not_found`. */
export async function requireEstimateRow(executor: Executor, businessId: string, estimateId: string): Promise<EstimateRow> {
  const row =
    typeof estimateId === 'string'
      ? await executor.selectFrom('estimates').selectAll().where('business_id', '=', businessId).where('id', '=', estimateId).executeTakeFirst()
      : undefined;
  if (!row) {
    throw new PorticoError('estimate_not_found', `No estimate with id ${JSON.stringify(estimateId)} in this business.`, { field: 'estimateId' });
  }
  return row;
}
