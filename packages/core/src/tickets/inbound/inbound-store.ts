import { createHash } from 'node:crypto';
import type { BusinessContext, Executor } from '../../context.js';
import type { NewRow, RowChanges } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import type { ParsedInbound } from '../../email/inbound/parse-inbound.js';

export type InboundSource = 'resend' | 'raw' | 'smtp';

export type InboundOutcome =
  /** Added to the ticket it answers (a closed one reopens). */
  | 'appended'
  /** A new ticket for the known client who wrote. */
  | 'opened'
  /** Kept for a person to accept or discard: unknown or unexpected sender. */
  | 'held'
  /** A bounce or an automatic answer: kept, never in a thread, never answered. */
  | 'ignored'
  /** Received before (same Message-ID, or the same bytes): nothing changed. */
  | 'duplicate';

export interface ReceivedInbound {
  /** The inbound_emails row (the first one, for a duplicate). */
  id: string;
  outcome: InboundOutcome;
  ticketId: string | null;
}

/** Longer Message-IDs are kept as their hash: the key is indexed. */
const MAX_KEY_MESSAGE_ID_LENGTH = 250;

/**
 * What makes two deliveries the same message: its Message-ID, or the hash
 * of its bytes when it has none. The same message through two routes (the
 * webhook and SMTP) has the same Message-ID; without one, only a repeat of
 * the very same bytes is recognized.
 */
export function dedupeKey(mail: ParsedInbound, raw: Uint8Array): string {
  if (mail.messageId !== null && mail.messageId !== '') {
    return mail.messageId.length <= MAX_KEY_MESSAGE_ID_LENGTH ? `mid:${mail.messageId}` : `mid-sha256:${sha256(mail.messageId)}`;
  }
  return `raw-sha256:${sha256(raw)}`;
}

/**
 * Stores the message unless this business has it already. One statement, so
 * deliveries at once can't both store it: the unique index decides, and a
 * loser (on Postgres, after waiting for the winner's transaction) gets
 * undefined and reads the winner's row.
 */
export async function insertInboundRow(trx: Executor, row: NewRow<'inbound_emails'>): Promise<boolean> {
  const inserted = await trx
    .insertInto('inbound_emails')
    .values(row)
    .onConflict((oc) => oc.columns(['business_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function newInboundRow(
  ctx: BusinessContext,
  mail: ParsedInbound,
  raw: Uint8Array,
  options: { source: InboundSource; providerMessageId: string | null },
): NewRow<'inbound_emails'> {
  return {
    id: newId('inb'),
    business_id: ctx.businessId,
    source: options.source,
    dedupe_key: dedupeKey(mail, raw),
    provider_message_id: options.providerMessageId,
    raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength),
    from_address: mail.from?.address ?? null,
    to_address: mail.recipients.join(', ').slice(0, 2000) || null,
    subject: mail.subject.slice(0, 1000) || null,
    classification: 'unknown',
    status: 'received',
    ticket_id: null,
    note: null,
    contact_id: null,
    client_id: null,
    hold_reason: null,
    body_text: null,
    received_at: ctx.clock.now().getTime(),
  };
}

export async function updateInboundRow(trx: Executor, businessId: string, id: string, changes: RowChanges<'inbound_emails'>): Promise<void> {
  await trx.updateTable('inbound_emails').set(changes).where('business_id', '=', businessId).where('id', '=', id).execute();
}

/** What an earlier delivery of the same message came to. */
export async function findDuplicate(executor: Executor, businessId: string, key: string): Promise<ReceivedInbound | undefined> {
  const row = await executor
    .selectFrom('inbound_emails')
    .select(['id', 'ticket_id'])
    .where('business_id', '=', businessId)
    .where('dedupe_key', '=', key)
    .executeTakeFirst();
  return row && { id: row.id, outcome: 'duplicate', ticketId: row.ticket_id };
}

/** A message this business already has under a provider's id (a webhook sent again). */
export async function findByProviderMessageId(ctx: BusinessContext, source: InboundSource, providerMessageId: string): Promise<ReceivedInbound | undefined> {
  const row = await ctx.db
    .selectFrom('inbound_emails')
    .select(['id', 'ticket_id'])
    .where('business_id', '=', ctx.businessId)
    .where('provider_message_id', '=', providerMessageId)
    .where('source', '=', source)
    .executeTakeFirst();
  return row && { id: row.id, outcome: 'duplicate', ticketId: row.ticket_id };
}

function sha256(value: Uint8Array | string): string {
  return createHash('sha256').update(value).digest('hex');
}
