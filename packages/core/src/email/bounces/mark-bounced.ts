import { recordAudit } from '../../audit/audit-log.js';
import { recordEvent } from '../../events/event-log.js';
import type { BusinessContext, Executor } from '../../context.js';

export interface BounceDetails {
  /** The enhanced status code (`5.1.1`), when the bounce gives one. */
  status: string | null;
  reason: string | null;
  /** How the bounce came, for the audit log: `dsn` (a delivery status notification by mail), `resend`, or another provider's name. */
  via: string;
}

export interface BouncedEmail {
  /** The outbox id. */
  id: string;
  kind: string;
  ticketMessageId: string | null;
}

/** The most of a bounce's reason kept, in characters. */
export const MAX_REASON_LENGTH = 1000;

/**
 * Marks sent emails of this business bounced, with when and why, and writes
 * an audit entry for each; call it in the transaction that took the bounce.
 * Only `sent` emails change: one already bounced (the same bounce again)
 * or of another business is left as it is and not returned.
 */
export async function markOutboxBounced(
  executor: Executor,
  ctx: BusinessContext,
  outboxIds: readonly string[],
  details: BounceDetails,
): Promise<BouncedEmail[]> {
  const marked: BouncedEmail[] = [];
  const reason = details.reason === null ? null : details.reason.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_LENGTH) || null;
  for (const id of new Set(outboxIds)) {
    const row = await executor
      .updateTable('outbox_emails')
      .set({ status: 'bounced', bounced_at: ctx.clock.now().getTime(), bounce_status: details.status, bounce_reason: reason })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', id)
      .where('status', '=', 'sent')
      .returning(['id', 'kind', 'ticket_message_id', 'to_address'])
      .executeTakeFirst();
    if (!row) continue;
    marked.push({ id: row.id, kind: row.kind, ticketMessageId: row.ticket_message_id });
    await recordAudit(executor, ctx, {
      action: 'email.bounced',
      entityType: 'email',
      entityId: row.id,
      details: { kind: row.kind, ticketMessageId: row.ticket_message_id, status: details.status, reason, via: details.via },
    });
    await recordEvent(executor, ctx, 'email.bounced', {
      email: { id: row.id, kind: row.kind, to: row.to_address, ticketMessageId: row.ticket_message_id },
      bounce: { status: details.status, reason, via: details.via },
    });
  }
  return marked;
}
