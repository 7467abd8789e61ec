import type { Kysely } from 'kysely';
import { parseJson } from '../db/row-values.js';
import type { PorticoSchema } from '../db/schema.js';
import type { Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import type { DeferredEmailParts } from '../email/outbox.js';
import type { OutboxEnricher } from '../email/outbox-worker.js';
import type { OutboxRow } from '../email/outbox-rows.js';
import { EmailDeliveryError, type EmailAttachment } from '../email/transports/transport.js';

/** The most one email carries in attachments, all together (bytes); a reply with more keeps its files in the portal. */
export const MAX_EMAIL_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_EMAIL_ATTACHMENTS = 20;

/**
 * What the outbox stores for ticket attachments an email is to carry (pass
 * it to enqueueEmail): ids of this business's attachments, at most
 * MAX_EMAIL_ATTACHMENT_BYTES together. The bytes stay where they are and are
 * read when the email is sent (withTicketAttachments).
 */
export async function deferredTicketAttachments(executor: Executor, businessId: string, value: unknown): Promise<DeferredEmailParts> {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return {};
  if (!Array.isArray(value) || value.length > MAX_EMAIL_ATTACHMENTS || value.some((id) => typeof id !== 'string' || id === '' || id.length > 100)) {
    throw new PorticoError('invalid_input', `attachmentIds must be a list of at most ${MAX_EMAIL_ATTACHMENTS} attachment ids.`, { field: 'attachmentIds' });
  }
  const ids = [...new Set(value as string[])];
  const files = await ticketAttachmentsAmong(executor, businessId, ids).select(['id', 'size']).execute();
  if (files.length !== ids.length) {
    throw new PorticoError('invalid_input', 'attachmentIds names an attachment this business does not have.', { field: 'attachmentIds' });
  }
  const total = files.reduce((sum, file) => sum + Number(file.size), 0);
  if (total > MAX_EMAIL_ATTACHMENT_BYTES) {
    throw new PorticoError('invalid_input', `The attachments come to ${total} bytes; an email carries at most ${MAX_EMAIL_ATTACHMENT_BYTES}.`, { field: 'attachmentIds' });
  }
  return { attachmentIds: JSON.stringify(ids) };
}

/** The ticket attachments an outbox row names, in the order attached. */
export function emailAttachmentIds(row: Pick<OutboxRow, 'attachment_ids'>): string[] {
  return row.attachment_ids === null ? [] : parseJson<string[]>(row.attachment_ids, []);
}

/** This business's ticket attachments among `ids` (not empty), to select from: only the columns needed, bytes only when sent. */
export function ticketAttachmentsAmong(executor: Executor, businessId: string, ids: readonly string[]) {
  return executor.selectFrom('ticket_attachments').where('business_id', '=', businessId).where('id', 'in', [...ids]);
}

/** These ticket attachments of this business, bytes and all, by id (one that is gone is missing). */
export async function ticketAttachmentsById(db: Kysely<PorticoSchema>, businessId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, never>();
  const files = await ticketAttachmentsAmong(db, businessId, ids).select(['id', 'filename', 'content_type', 'size', 'content']).execute();
  return new Map(files.map((file) => [file.id, file]));
}

/**
 * The outbox enricher that attaches a ticket reply's files as it is sent,
 * read from its own business's ticket attachments only, in the order stored.
 * One that is gone fails the email for good: sending it without would say
 * something it does not.
 */
export const withTicketAttachments: OutboxEnricher = async (db, _now, row, email) => {
  const attachments = await loadEmailAttachments(db, row);
  return attachments.length > 0 ? { ...email, attachments } : email;
};

async function loadEmailAttachments(db: Kysely<PorticoSchema>, row: Pick<OutboxRow, 'business_id' | 'attachment_ids'>): Promise<EmailAttachment[]> {
  const ids = emailAttachmentIds(row);
  const byId = await ticketAttachmentsById(db, row.business_id, ids);
  return ids.map((id) => {
    const file = byId.get(id);
    if (!file) throw new EmailDeliveryError(`Attachment ${id} of this email no longer exists.`, { permanent: true });
    return { filename: file.filename, contentType: file.content_type, content: file.content };
  });
}
