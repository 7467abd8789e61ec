import type { Executor } from '../../context.js';
import { readTicketMessageId } from '../message-id.js';
import { replyTokenFromAddress } from '../reply-token.js';
import { existingReplySigningKey } from '../signing-key.js';
import type { BounceReport } from '../../email/bounces/read-bounce.js';

/** The SMTP transport's own Message-IDs: `<out_...@domain>`. */
const outboxMessageIdPattern = /^<(out_[A-Za-z0-9_-]+)@[^\s<>@]+>$/;
const MAX_CANDIDATES = 50;

interface Candidate {
  id: string;
  to_address: string;
  reply_to: string | null;
  ticket_message_id: string | null;
  sent_at: number | string | null;
}

/**
 * The outbox emails of this business a bounce is about. An email is named by
 * one of our own Message-IDs the bounce quotes (a signed ticket message id,
 * checked with the business's key, or the SMTP transport's `<out_...@...>`),
 * or by the reply address of the returned message (written by us, so an
 * exact match within the business is proof enough). A reply goes to each
 * contact as an email of its own sharing one Message-ID, so the failed
 * recipients choose among them; a reply address alone names the latest
 * email to that contact on that ticket. When nothing tells several emails
 * apart, none is chosen.
 */
export async function bouncedOutboxIds(executor: Executor, businessId: string, report: BounceReport): Promise<string[]> {
  const key = await existingReplySigningKey(executor, businessId);
  const ticketMessageIds = new Set<string>();
  const outboxIds = new Set<string>();
  for (const value of report.messageIds) {
    const subject = key && readTicketMessageId(key, businessId, value);
    if (subject && subject.messageId !== null) ticketMessageIds.add(subject.messageId);
    const outboxId = outboxMessageIdPattern.exec(value)?.[1];
    if (outboxId) outboxIds.add(outboxId);
  }
  const replyAddresses = new Set(
    report.replyTo.flatMap((value) => (replyTokenFromAddress(value) === undefined ? [] : [bareAddress(value)])),
  );
  if (ticketMessageIds.size + outboxIds.size + replyAddresses.size === 0) return [];

  const candidates: Candidate[] = await executor
    .selectFrom('outbox_emails')
    .select(['id', 'to_address', 'reply_to', 'ticket_message_id', 'sent_at'])
    .where('business_id', '=', businessId)
    .where('status', 'in', ['sent', 'bounced'])
    .where((eb) =>
      eb.or([
        ...(ticketMessageIds.size > 0 ? [eb('ticket_message_id', 'in', [...ticketMessageIds])] : []),
        ...(outboxIds.size > 0 ? [eb('id', 'in', [...outboxIds])] : []),
        ...(replyAddresses.size > 0 ? [eb(eb.fn('lower', ['reply_to']), 'in', [...replyAddresses])] : []),
      ]),
    )
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_CANDIDATES)
    .execute();

  const recipients = new Set(report.recipients);
  const toFailed = (rows: Candidate[]) => (recipients.size === 0 ? rows : rows.filter((row) => recipients.has(row.to_address.toLowerCase())));
  const byReplyAddress = (rows: Candidate[]) => rows.filter((row) => row.reply_to !== null && replyAddresses.has(row.reply_to.toLowerCase()));

  const named = toFailed(candidates.filter((row) => outboxIds.has(row.id) || (row.ticket_message_id !== null && ticketMessageIds.has(row.ticket_message_id))));
  if (named.length === 1) return [named[0]!.id];
  if (named.length > 1) {
    // One Message-ID, several recipients, and no failed recipient given: the reply address tells them apart.
    const narrowed = byReplyAddress(named);
    return narrowed.length === 1 ? [narrowed[0]!.id] : recipients.size > 0 ? named.map((row) => row.id) : [];
  }
  const latest = toFailed(byReplyAddress(candidates))[0];
  return latest ? [latest.id] : [];
}

/** The address in `"Name" <a@b>` or `a@b`, lower-cased. */
function bareAddress(value: string): string {
  return (/<([^<>\s]+)>\s*$/.exec(value)?.[1] ?? value.trim()).toLowerCase();
}
