import type { Kysely, Selectable } from 'kysely';
import type { DevelopmentMailboxTable, PorticoSchema } from '../../db/schema.js';
import { int } from '../../db/row-values.js';
import { toOutgoingEmail } from '../outbox-rows.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import type { EmailTransport, OutgoingEmail, SendResult } from './transport.js';

/** A delivered email as the demo's mailbox page shows it. */
export interface MailboxEmail extends OutgoingEmail {
  deliveredAt: Date;
}

export interface MailboxListOptions {
  businessId?: string;
  /** Only mail to this address (compared case-insensitively). */
  to?: string;
  /** At most this many, newest first (default 50, at most 500). */
  limit?: number;
}

/**
 * Delivers into the `development_mailbox` table instead of the world, for
 * `listMailbox` and `getMailboxEmail` (the demo's mailbox page). It keeps
 * what was sent, sign-in links included, so it is for development and demos
 * only; production uses Resend or SMTP.
 */
export function developmentMailboxTransport(db: Kysely<PorticoSchema>, clock: Clock = systemClock): EmailTransport {
  return {
    name: 'development-mailbox',
    async send(email: OutgoingEmail): Promise<SendResult> {
      await db
        .insertInto('development_mailbox')
        .values({
          id: email.id,
          business_id: email.businessId,
          kind: email.kind,
          from_address: email.from,
          to_address: email.to,
          reply_to: email.replyTo,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: JSON.stringify(email.headers),
          delivered_at: clock.now().getTime(),
        })
        // A resend after a lost acknowledgement replaces the earlier copy.
        .onConflict((oc) => oc.column('id').doUpdateSet({ html: email.html, text: email.text, delivered_at: clock.now().getTime() }))
        .execute();
      return { providerMessageId: `dev:${email.id}` };
    },
  };
}

/** Delivered emails, newest first. */
export async function listMailbox(db: Kysely<PorticoSchema>, options: MailboxListOptions = {}): Promise<MailboxEmail[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
  let query = db.selectFrom('development_mailbox').selectAll();
  if (options.businessId !== undefined) query = query.where('business_id', '=', options.businessId);
  if (options.to !== undefined) {
    query = query.where((eb) => eb(eb.fn('lower', ['to_address']), '=', options.to!.trim().toLowerCase()));
  }
  const rows = await query.orderBy('delivered_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toMailboxEmail);
}

/** One delivered email by outbox id; undefined when there is none. */
export async function getMailboxEmail(db: Kysely<PorticoSchema>, id: string): Promise<MailboxEmail | undefined> {
  if (typeof id !== 'string') return undefined;
  const row = await db.selectFrom('development_mailbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMailboxEmail(row);
}

function toMailboxEmail(row: Selectable<DevelopmentMailboxTable>): MailboxEmail {
  return { ...toOutgoingEmail(row), deliveredAt: new Date(int(row.delivered_at)) };
}
