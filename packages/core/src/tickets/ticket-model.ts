import type { Selectable } from 'kysely';
import type { TicketMessageTable, TicketTable } from '../db/schema.js';
import { int } from '../db/row-values.js';

export type TicketStatus = TicketTable['status'];
export type TicketMessageSource = TicketMessageTable['source'];
export type TicketAuthorKind = TicketMessageTable['author_kind'];

/** A file as a caller hands it in: from the portal, the API or an inbound email. */
export interface AttachmentInput {
  filename: string;
  /** A MIME type; `application/octet-stream` (or none) is worked out from the file name. */
  contentType?: string;
  content: Uint8Array;
}

/** A file on a message, without its bytes (fetch them with `tickets.attachment`). */
export interface TicketAttachment {
  id: string;
  filename: string;
  contentType: string;
  /** Bytes. */
  size: number;
}

/** An email of a message that came back undelivered (business side only). */
export interface TicketEmailBounce {
  /** The contact's address the email went to. */
  to: string;
  bouncedAt: Date;
  /** The enhanced status code (`5.1.1`), when the bounce gave one. */
  status: string | null;
  /** The receiving server's or provider's words. */
  reason: string | null;
}

export interface TicketMessage {
  id: string;
  ticketId: string;
  authorKind: TicketAuthorKind;
  authorName: string;
  /** Plain text. Email replies arrive with quoted history and signature already stripped. */
  body: string;
  /** A note the client never sees and is never emailed. */
  internal: boolean;
  source: TicketMessageSource;
  createdAt: Date;
  attachments: TicketAttachment[];
  /** Business side only: the emails of this message that bounced (never shown to the client). */
  emailBounces?: TicketEmailBounce[];
  /**
   * Business side only, for a client's email: what the reply stripper
   * removed (quoted history, signature), or null when it removed nothing.
   */
  quotedText?: string | null;
}

/** A ticket in a list, as one side sees it: `unread`, `preview` and `messageCount` are that side's. */
export interface TicketSummary {
  id: string;
  /** Per business, for humans: "#12". */
  number: number;
  subject: string;
  status: TicketStatus;
  invoiceId: string | null;
  invoiceNumber: string | null;
  unread: boolean;
  /** The first words of the last message this side may see. */
  preview: string;
  messageCount: number;
  lastMessageAt: Date;
  createdAt: Date;
}

export interface AdminTicketSummary extends TicketSummary {
  clientId: string;
  clientName: string;
}

/** The client's view of a ticket: never an internal note. */
export interface TicketThread {
  ticket: TicketSummary;
  /** Oldest first. */
  messages: TicketMessage[];
}

export interface AdminTicketThread {
  ticket: AdminTicketSummary;
  /** Oldest first, internal notes included. */
  messages: TicketMessage[];
  client: { id: string; name: string; contacts: Array<{ id: string; name: string; email: string }> };
}

/** A tickets row with what the list queries add: the invoice's number and the side's message count and preview. */
export type TicketListRow = Selectable<TicketTable> & {
  invoice_number: string | null;
  message_count: number | string | bigint | null;
  preview: string | null;
};

export type AdminTicketListRow = TicketListRow & { client_name: string };

export function toTicketSummary(row: TicketListRow, side: 'client' | 'business'): TicketSummary {
  return {
    id: row.id,
    number: int(row.number),
    subject: row.subject,
    status: row.status,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    unread: (side === 'client' ? row.unread_for_client : row.unread_for_business) === 1,
    preview: previewOf(row.preview ?? ''),
    messageCount: int(row.message_count ?? 0),
    lastMessageAt: new Date(int(row.last_message_at)),
    createdAt: new Date(int(row.created_at)),
  };
}

export function toAdminTicketSummary(row: AdminTicketListRow): AdminTicketSummary {
  return { ...toTicketSummary(row, 'business'), clientId: row.client_id, clientName: row.client_name };
}

export function toTicketMessage(row: Selectable<TicketMessageTable>, attachments: TicketAttachment[]): TicketMessage {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    authorKind: row.author_kind,
    authorName: row.author_name,
    body: row.body_text,
    internal: row.internal === 1,
    source: row.source,
    createdAt: new Date(int(row.created_at)),
    attachments,
  };
}

/** Characters of a message the list query reads for its preview. */
export const PREVIEW_SOURCE_CHARS = 400;
const PREVIEW_CHARS = 140;

/** One line of the message's first words, cut at a word where it can be. */
function previewOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= PREVIEW_CHARS) return line;
  const cut = line.slice(0, PREVIEW_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > PREVIEW_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
