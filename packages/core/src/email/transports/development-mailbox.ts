import type { Kysely } from 'kysely';
import type { PorticoSchema } from '../../db/schema.js';
import { int, intOrNull, parseJson } from '../../db/row-values.js';
import type { OutboxRow } from '../outbox-rows.js';
import type { EmailTransport, OutgoingEmail, SendResult } from './transport.js';

/** A sent email as the demo's mailbox page shows it. */
export interface MailboxEmail {
  id: string;
  businessId: string;
  kind: string;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  status: 'sent' | 'bounced';
  providerMessageId: string | null;
  createdAt: Date;
  sentAt: Date;
}

export interface MailboxListOptions {
  businessId?: string;
  /** Only mail to this address (compared case-insensitively). */
  to?: string;
  /** At most this many, newest first (default 50, at most 500). */
  limit?: number;
}

/**
 * Delivers nowhere: the worker marks each email sent with provider id
 * `dev:<outbox id>`, and the mail stays readable in the outbox for
 * `listMailbox` and `getMailboxEmail`. For development and demos only.
 */
export function developmentMailboxTransport(): EmailTransport {
  return {
    name: 'development-mailbox',
    async send(email: OutgoingEmail): Promise<SendResult> {
      return { providerMessageId: `dev:${email.id}` };
    },
  };
}

/** Sent emails, newest first, with their HTML and text. */
export async function listMailbox(db: Kysely<PorticoSchema>, options: MailboxListOptions = {}): Promise<MailboxEmail[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
  let query = db.selectFrom('outbox_emails').selectAll().where('status', 'in', ['sent', 'bounced']);
  if (options.businessId !== undefined) query = query.where('business_id', '=', options.businessId);
  if (options.to !== undefined) {
    query = query.where((eb) => eb(eb.fn('lower', ['to_address']), '=', options.to!.trim().toLowerCase()));
  }
  const rows = await query.orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toMailboxEmail);
}

/** One sent email by outbox id; undefined when there is none (or it hasn't been sent yet). */
export async function getMailboxEmail(db: Kysely<PorticoSchema>, id: string): Promise<MailboxEmail | undefined> {
  if (typeof id !== 'string') return undefined;
  const row = await db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('id', '=', id)
    .where('status', 'in', ['sent', 'bounced'])
    .executeTakeFirst();
  return row && toMailboxEmail(row);
}

function toMailboxEmail(row: OutboxRow): MailboxEmail {
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
    status: row.status as 'sent' | 'bounced',
    providerMessageId: row.provider_message_id,
    createdAt: new Date(int(row.created_at)),
    sentAt: new Date(intOrNull(row.sent_at) ?? int(row.created_at)),
  };
}
