import type { Executor } from '../context.js';

/**
 * For tests: the inbound_emails row the inbound pipeline stores before it
 * writes into a ticket (the ticket functions check it exists in the business).
 */
export async function insertTestInboundEmail(
  executor: Executor,
  row: { id: string; businessId: string; at: number; status?: 'received' | 'appended' | 'held'; ticketId?: string | null; messageId?: string },
): Promise<void> {
  await executor
    .insertInto('inbound_emails')
    .values({
      id: row.id,
      business_id: row.businessId,
      source: 'raw',
      dedupe_key: row.messageId ?? row.id,
      provider_message_id: null,
      raw: new TextEncoder().encode('From: ann@globex.test\r\n\r\nHello'),
      from_address: 'ann@globex.test',
      to_address: null,
      subject: null,
      classification: row.ticketId ? 'reply' : 'new',
      status: row.status ?? 'received',
      ticket_id: row.ticketId ?? null,
      note: null,
      received_at: row.at,
    })
    .execute();
}
