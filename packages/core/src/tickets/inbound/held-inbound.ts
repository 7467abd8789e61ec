import { recordAudit } from '../../audit/audit-log.js';
import type { BusinessContext, Executor } from '../../context.js';
import { PorticoError } from '../../shared/errors.js';
import { int } from '../../db/row-values.js';
import type { ReceivedInbound } from './inbound-store.js';
import { parseInbound } from '../../email/inbound/parse-inbound.js';
import { refusedNote, writeToTicket } from './receive-inbound.js';
import { contactsWithAddress, holdReasonText, type HoldReason } from './sender-check.js';

/** A held email, for the person deciding what to do with it. */
export interface HeldInbound {
  id: string;
  from: string | null;
  subject: string | null;
  receivedAt: Date;
  reasonCode: HoldReason;
  /** Why it was held, for a person. */
  reason: string;
  /** The ticket it claimed to answer, if any. */
  ticketId: string | null;
  /** The stripped text, as it would be appended. */
  body: string;
  /** What the stripper removed from it (quoted history, signature), or null. */
  quotedText: string | null;
}

export interface HeldListOptions {
  /** At most this many, newest first (default 100, at most 500). */
  limit?: number;
}

export async function listHeldInbound(ctx: BusinessContext, options: HeldListOptions = {}): Promise<HeldInbound[]> {
  const limit = options?.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new PorticoError('invalid_input', 'limit must be a whole number from 1 to 500.', { field: 'limit' });
  const rows = await ctx.db
    .selectFrom('inbound_emails')
    .select(['id', 'from_address', 'subject', 'received_at', 'hold_reason', 'ticket_id', 'body_text', 'quoted_text'])
    .where('business_id', '=', ctx.businessId)
    .where('status', '=', 'held')
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const reasonCode = (row.hold_reason ?? 'unknown_sender') as HoldReason;
    return {
      id: row.id,
      from: row.from_address,
      subject: row.subject,
      receivedAt: new Date(int(row.received_at)),
      reasonCode,
      reason: holdReasonText[reasonCode] ?? reasonCode,
      ticketId: row.ticket_id,
      body: row.body_text ?? '',
      quotedText: row.quoted_text,
    };
  });
}

/**
 * Lets a held email in: into `ticketId` when given, else into the ticket it
 * answered, else as a new ticket of the one client whose contact sent it.
 * The message is written as the sender's contact when they are one at the
 * ticket's client, otherwise under the From name.
 */
export async function acceptHeldInbound(ctx: BusinessContext, id: string, options: { ticketId?: string } = {}): Promise<ReceivedInbound> {
  const chosenTicket = options?.ticketId;
  if (chosenTicket !== undefined && (typeof chosenTicket !== 'string' || chosenTicket === '')) {
    throw new PorticoError('invalid_input', 'ticketId must be the id of a ticket.', { field: 'ticketId' });
  }
  const held = await requireHeldRow(ctx.db, ctx.businessId, id);
  const mail = await parseInbound(rawBytes(held.raw));

  return ctx.db.transaction().execute(async (trx) => {
    await claimHeld(trx, ctx.businessId, held.id, 'appended');
    const ticketId = chosenTicket ?? held.ticket_id;
    const ticket = ticketId === null ? undefined : await trx.selectFrom('tickets').select(['id', 'client_id']).where('business_id', '=', ctx.businessId).where('id', '=', ticketId).executeTakeFirst();
    if (ticketId !== null && !ticket) throw new PorticoError('ticket_not_found', 'No such ticket.', { field: 'ticketId' });
    const contacts = held.from_address === null ? [] : await contactsWithAddress(trx, ctx.businessId, held.from_address);
    const clientId = ticket?.client_id ?? soleClient(contacts);
    const contactId = contacts.find((c) => c.client_id === clientId)?.id ?? null;

    const written = await writeToTicket(trx, ctx, { inboundEmailId: held.id, mail, body: held.body_text ?? '', quotedText: held.quoted_text, clientId, contactId }, ticket?.id ?? null);
    if (written === 'empty') throw new PorticoError('invalid_input', 'This email has neither text nor an attachment that can be added.', { field: 'id' });
    await trx
      .updateTable('inbound_emails')
      .set({ ticket_id: written.ticketId, client_id: clientId, contact_id: contactId, note: refusedNote(written.refused) })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', held.id)
      .execute();
    await recordAudit(trx, ctx, { action: 'inbound.accepted', entityType: 'inbound_email', entityId: held.id, details: { ticketId: written.ticketId } });
    return { id: held.id, outcome: ticket ? 'appended' : 'opened', ticketId: written.ticketId };
  });
}

/** Drops a held email: it stays stored (raw, for the record) but is never shown as held again. */
export async function discardHeldInbound(ctx: BusinessContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireHeldRow(trx, ctx.businessId, id);
    await claimHeld(trx, ctx.businessId, id, 'discarded');
    await recordAudit(trx, ctx, { action: 'inbound.discarded', entityType: 'inbound_email', entityId: id });
  });
}

async function requireHeldRow(executor: Executor, businessId: string, id: string) {
  const row = await executor
    .selectFrom('inbound_emails')
    .select(['id', 'status', 'raw', 'from_address', 'ticket_id', 'body_text', 'quoted_text'])
    .where('business_id', '=', businessId)
    .where('id', '=', typeof id === 'string' ? id : '')
    .executeTakeFirst();
  if (!row) throw new PorticoError('inbound_email_not_found', 'No such inbound email.', { field: 'id' });
  if (row.status !== 'held') throw notHeld(row.status);
  return row;
}

/**
 * Moves the row out of `held` in one conditional statement, so two people
 * accepting (or one accepting, one discarding) at once can't both act on it.
 */
async function claimHeld(trx: Executor, businessId: string, id: string, status: 'appended' | 'discarded'): Promise<void> {
  const result = await trx
    .updateTable('inbound_emails')
    .set({ status })
    .where('business_id', '=', businessId)
    .where('id', '=', id)
    .where('status', '=', 'held')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notHeld('handled');
}

function notHeld(status: string): PorticoError {
  return new PorticoError('invalid_status_transition', `Only held mail can be accepted or discarded; this email is ${status}.`, { field: 'id' });
}

function soleClient(contacts: ReadonlyArray<{ client_id: string }>): string {
  const clients = new Set(contacts.map((c) => c.client_id));
  if (clients.size !== 1) {
    throw new PorticoError('invalid_input', 'Name the ticket to add this email to (ticketId): its sender is not a contact of exactly one client.', {
      field: 'ticketId',
    });
  }
  return [...clients][0]!;
}

/** better-sqlite3 and pg read a blob/bytea as a Buffer; text written into the column by hand reads back as text. */
function rawBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}
