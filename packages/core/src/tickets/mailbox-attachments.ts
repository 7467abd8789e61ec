import type { Kysely } from 'kysely';
import { int } from '../db/row-values.js';
import type { PorticoSchema } from '../db/schema.js';
import { emailAttachmentIds, ticketAttachmentsAmong, ticketAttachmentsById } from './email-attachments.js';

/*
 * The development mailbox (email/transports/development-mailbox.ts) keeps
 * what was sent; the files a ticket reply carried are read back from the
 * ticket attachments its outbox row names, for the demo's mailbox page.
 */

/** A file a delivered email carried, as the mailbox lists it. */
export interface MailboxAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/**
 * The files a delivered email carried: the ticket attachments its outbox row
 * names, of its own business, in the order attached. Without their bytes.
 */
export async function mailboxEmailAttachments(db: Kysely<PorticoSchema>, emailId: string): Promise<MailboxAttachment[]> {
  const attached = await attachedIds(db, emailId);
  if (!attached || attached.ids.length === 0) return [];
  const files = await ticketAttachmentsAmong(db, attached.businessId, attached.ids).select(['id', 'filename', 'content_type', 'size']).execute();
  const byId = new Map(files.map((file) => [file.id, file]));
  return attached.ids.flatMap((id) => {
    const file = byId.get(id);
    return file ? [{ id, filename: file.filename, contentType: file.content_type, size: int(file.size) }] : [];
  });
}

/** One file a delivered email carried, with its bytes; undefined when that email carried no such file. */
export async function mailboxEmailAttachment(
  db: Kysely<PorticoSchema>,
  emailId: string,
  attachmentId: string,
): Promise<(MailboxAttachment & { content: Uint8Array }) | undefined> {
  const attached = await attachedIds(db, emailId);
  if (!attached?.ids.includes(attachmentId)) return undefined;
  const file = (await ticketAttachmentsById(db, attached.businessId, [attachmentId])).get(attachmentId);
  return file && { id: file.id, filename: file.filename, contentType: file.content_type, size: int(file.size), content: file.content };
}

/** The business of a delivered email and the attachments its outbox row names, in the order attached. */
async function attachedIds(db: Kysely<PorticoSchema>, emailId: string): Promise<{ businessId: string; ids: string[] } | undefined> {
  if (typeof emailId !== 'string') return undefined;
  const delivered = await db
    .selectFrom('development_mailbox')
    .innerJoin('outbox_emails', (join) => join.onRef('outbox_emails.id', '=', 'development_mailbox.id').onRef('outbox_emails.business_id', '=', 'development_mailbox.business_id'))
    .select(['outbox_emails.business_id', 'outbox_emails.attachment_ids'])
    .where('development_mailbox.id', '=', emailId)
    .executeTakeFirst();
  return delivered && { businessId: delivered.business_id, ids: emailAttachmentIds(delivered) };
}
