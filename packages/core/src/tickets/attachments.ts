import { int } from '../db/row-values.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { newOrderedId } from '../shared/ids.js';
import type { PreparedAttachment } from './attachment-rules.js';
import type { TicketAttachment } from './ticket-model.js';
import { requireTicketRow } from './ticket-rows.js';

export interface AttachmentContent {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** Who asks for a file: a client (only its own tickets, never internal notes) or the business. */
export type AttachmentViewer = { clientId: string } | 'business';

export async function insertAttachments(
  executor: Executor,
  businessId: string,
  at: { ticketId: string; messageId: string; now: number },
  files: readonly PreparedAttachment[],
): Promise<void> {
  if (files.length === 0) return;
  await executor
    .insertInto('ticket_attachments')
    .values(
      files.map((file) => ({
        id: newOrderedId('att'),
        business_id: businessId,
        ticket_id: at.ticketId,
        message_id: at.messageId,
        filename: file.filename,
        content_type: file.contentType,
        size: file.content.length,
        content: file.content,
        created_at: at.now,
      })),
    )
    .execute();
}

/** The files of a ticket's messages (no bytes), by message id, in the order they were given. */
export async function attachmentsByMessage(executor: Executor, businessId: string, ticketId: string): Promise<Map<string, TicketAttachment[]>> {
  const rows = await executor
    .selectFrom('ticket_attachments')
    .select(['id', 'message_id', 'filename', 'content_type', 'size'])
    .where('business_id', '=', businessId)
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byMessage = new Map<string, TicketAttachment[]>();
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    list.push({ id: row.id, filename: row.filename, contentType: row.content_type, size: int(row.size) });
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}

/**
 * One file with its bytes. A client gets only files of its own tickets'
 * messages, never of an internal note; anything else reads as not found
 * (`ticket_not_found` for another client's ticket), with nothing read out.
 */
export async function readAttachment(
  ctx: BusinessContext,
  ticketId: string,
  attachmentId: string,
  viewer: AttachmentViewer,
): Promise<AttachmentContent> {
  const clientId = viewer === 'business' ? undefined : requireViewer(viewer);
  await requireTicketRow(ctx.db, ctx.businessId, ticketId, clientId);
  let query = ctx.db
    .selectFrom('ticket_attachments')
    .innerJoin('ticket_messages', (join) =>
      join
        .onRef('ticket_messages.id', '=', 'ticket_attachments.message_id')
        .onRef('ticket_messages.business_id', '=', 'ticket_attachments.business_id'),
    )
    .select(['ticket_attachments.filename', 'ticket_attachments.content_type', 'ticket_attachments.content'])
    .where('ticket_attachments.business_id', '=', ctx.businessId)
    .where('ticket_attachments.ticket_id', '=', ticketId)
    .where('ticket_attachments.id', '=', typeof attachmentId === 'string' ? attachmentId : '');
  if (clientId !== undefined) query = query.where('ticket_messages.internal', '=', 0);
  const row = await query.executeTakeFirst();
  if (!row) throw new PorticoError('attachment_not_found', 'No such attachment on this ticket.', { field: 'attachmentId' });
  return { filename: row.filename, contentType: row.content_type, content: toBytes(row.content) };
}

function requireViewer(viewer: unknown): string {
  const clientId = (viewer as { clientId?: unknown } | null)?.clientId;
  if (typeof clientId !== 'string' || clientId === '') {
    throw new PorticoError('invalid_input', "viewer must be 'business' or { clientId }.", { field: 'viewer' });
  }
  return clientId;
}

/**
 * better-sqlite3 and pg both hand a blob/bytea back as a Buffer; a host's own
 * pg pool with the bytea parser turned off would give Postgres's hex text.
 */
function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string' && value.startsWith('\\x')) return Buffer.from(value.slice(2), 'hex');
  throw new Error('The database returned an attachment in a form Portico does not read.');
}
