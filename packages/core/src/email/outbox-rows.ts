import type { Selectable } from 'kysely';
import type { OutboxEmailTable } from '../db/schema.js';
import { parseJson } from '../db/row-values.js';
import type { OutgoingEmail } from './transports/transport.js';

export type OutboxRow = Selectable<OutboxEmailTable>;

/** The columns of a stored message (the outbox and the development mailbox share them). */
export type StoredMessageRow = Pick<
  OutboxRow,
  'id' | 'business_id' | 'kind' | 'from_address' | 'to_address' | 'reply_to' | 'subject' | 'html' | 'text' | 'headers'
>;

/** What a transport gets: the stored message, addressed and ready. */
export function toOutgoingEmail(row: StoredMessageRow): OutgoingEmail {
  return {
    id: row.id,
    businessId: row.business_id,
    kind: row.kind,
    from: row.from_address,
    to: row.to_address,
    replyTo: row.reply_to,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: parseJson<Record<string, string>>(row.headers, {}),
  };
}
