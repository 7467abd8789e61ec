import type { BusinessContext, Executor } from '../../context.js';
import { bouncedOutboxIds } from './match-bounce.js';
import { markOutboxBounced, type BouncedEmail } from '../../email/bounces/mark-bounced.js';
import { readBounce, type BounceReport } from '../../email/bounces/read-bounce.js';

/**
 * A bounce that came in by mail: the sent emails it is about are marked
 * bounced (with its status code and reason) and audited. Returns the report
 * and what was marked; nothing is marked when the bounce names no email of
 * this business, or only ones already marked.
 */
export async function recordBounce(
  executor: Executor,
  ctx: BusinessContext,
  raw: Uint8Array,
): Promise<{ report: BounceReport; marked: BouncedEmail[] }> {
  const report = await readBounce(raw);
  const ids = await bouncedOutboxIds(executor, ctx.businessId, report);
  const marked = await markOutboxBounced(executor, ctx, ids, { status: report.status, reason: report.reason, via: 'dsn' });
  return { report, marked };
}

/** The note on a stored bounce: what it marked, for a person looking at the inbound mail. */
export function bounceNote(classificationReason: string, report: BounceReport, marked: readonly BouncedEmail[]): string {
  const status = report.status === null ? '' : ` (${report.status})`;
  const outcome =
    marked.length === 0
      ? 'it names no email of ours that is still marked sent'
      : `marked ${marked.length} sent email${marked.length === 1 ? '' : 's'} bounced${status}`;
  return `Not added to any ticket: ${classificationReason}; ${outcome}.`;
}
