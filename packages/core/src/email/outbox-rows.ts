import type { Selectable } from 'kysely';
import type { OutboxEmailTable } from '../db/schema.js';
import { parseJson } from '../db/row-values.js';
import type { OutgoingEmail } from './transports/transport.js';

export type OutboxRow = Selectable<OutboxEmailTable>;

/** What a transport gets: the stored message, addressed and ready. */
export function toOutgoingEmail(row: OutboxRow): OutgoingEmail {
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
