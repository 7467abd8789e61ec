import { recordAudit } from '../audit/audit-log.js';
import { documentLinkTtlMs, queueClientLinkEmails } from '../auth/client-link-emails.js';
import { businessToday } from '../businesses/business-today.js';
import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import type { BusinessContext } from '../context.js';
import { int } from '../db/row-values.js';
import { renderEstimateEmail } from '../email/templates/index.js';
import type { Estimate } from './estimate-model.js';
import { getEstimate, requireEstimateRow } from './estimate-queries.js';
import { markEstimateSent } from './estimates.js';

export interface SendEstimateOptions {
  /** How long the links in this email work (default 7 days, or the business's `settings.invoiceLinkTtlDays`). */
  linkTtlMs?: number;
}

export interface SentEstimate {
  estimate: Estimate;
  /** One email per contact of the client. */
  emailsQueued: number;
}

/**
 * Sends an estimate: a draft becomes `sent` (from then on the client sees it
 * and it can no longer be edited), and every contact of the client gets the
 * same branded email as an invoice, in the client's language, whose button
 * signs them in and opens the estimate. The emails are queued in the same
 * transaction. Sending again sends new links; a void, declined, accepted,
 * converted or expired estimate is refused.
 */
export async function sendEstimate(ctx: BusinessContext, estimateId: string, options: SendEstimateOptions = {}): Promise<SentEstimate> {
  const business = toBusiness(await requireBusinessRow(ctx.db, ctx.businessId));
  const ttlMs = documentLinkTtlMs(business, options.linkTtlMs);
  const today = await businessToday(ctx);
  const emailsQueued = await ctx.db.transaction().execute(async (trx) => {
    await markEstimateSent(trx, ctx, estimateId, today);
    const row = await requireEstimateRow(trx, ctx.businessId, estimateId);
    const estimate = { number: row.number, currency: row.currency, total: int(row.total), validUntil: row.valid_until };
    const queued = await queueClientLinkEmails(trx, ctx, business, {
      clientId: row.client_id,
      kind: 'estimate_sent',
      purpose: 'estimate_email',
      target: { estimateId },
      ttlMs,
      what: 'estimate',
      render: (email) => renderEstimateEmail({ estimate, ...email }),
    });
    await recordAudit(trx, ctx, { action: 'estimate.sent', entityType: 'estimate', entityId: estimateId, details: { recipients: queued } });
    return queued;
  });
  return { estimate: await getEstimate(ctx, estimateId), emailsQueued };
}
