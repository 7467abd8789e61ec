import { int } from '../db/row-values.js';
import type { Executor } from '../context.js';
import type { TicketEmailBounce } from './ticket-model.js';

/**
 * The bounced emails of a ticket's messages, by message id, oldest first:
 * for the business's view of the thread (the client never sees them).
 */
export async function emailBouncesByMessage(executor: Executor, businessId: string, ticketId: string): Promise<Map<string, TicketEmailBounce[]>> {
  const rows = await executor
    .selectFrom('outbox_emails')
    .innerJoin('ticket_messages', (join) =>
      join.onRef('ticket_messages.id', '=', 'outbox_emails.ticket_message_id').onRef('ticket_messages.business_id', '=', 'outbox_emails.business_id'),
    )
    .select(['outbox_emails.ticket_message_id', 'outbox_emails.to_address', 'outbox_emails.bounced_at', 'outbox_emails.bounce_status', 'outbox_emails.bounce_reason'])
    .where('outbox_emails.business_id', '=', businessId)
    .where('ticket_messages.ticket_id', '=', ticketId)
    .where('outbox_emails.status', '=', 'bounced')
    .orderBy('outbox_emails.bounced_at')
    .orderBy('outbox_emails.id')
    .execute();
  const byMessage = new Map<string, TicketEmailBounce[]>();
  for (const row of rows) {
    const list = byMessage.get(row.ticket_message_id!) ?? [];
    list.push({ to: row.to_address, bouncedAt: new Date(int(row.bounced_at ?? 0)), status: row.bounce_status, reason: row.bounce_reason });
    byMessage.set(row.ticket_message_id!, list);
  }
  return byMessage;
}
