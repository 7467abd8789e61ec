/** Support tickets, both sides. Live updates are short polling (see docs/support-tickets.md). */

export type TicketStatusWire = 'open' | 'pending' | 'closed';

export interface TicketAttachmentWire {
  id: string;
  filename: string;
  contentType: string;
  /** Bytes. */
  size: number;
  /** Relative to the server's base path: `/api/tickets/:id/attachments/:attachmentId` (or `/admin/...`). */
  url: string;
}

export interface TicketMessageWire {
  id: string;
  authorKind: 'client' | 'business' | 'system';
  authorName: string;
  /** Plain text, quoted history and signature already stripped for email replies. */
  body: string;
  /** Internal notes: only ever sent to the business side. */
  internal: boolean;
  source: 'portal' | 'admin' | 'email' | 'api';
  createdAt: string;
  attachments: TicketAttachmentWire[];
  /** Business side (`/admin`) only: the emails of this message that bounced, to which contact's address, when and why. */
  emailBounces?: Array<{ to: string; bouncedAt: string; status: string | null; reason: string | null }>;
  /**
   * Business side (`/admin`) only, on a client's email: what the reply
   * stripper removed (quoted history, signature, "Sent from my iPhone"), or
   * null when it removed nothing. The admin inbox shows it behind "quoted
   * text hidden".
   */
  quotedText?: string | null;
}

export interface TicketSummaryWire {
  id: string;
  /** Per business, for humans: "#12" in subjects and lists. */
  number: number;
  subject: string;
  status: TicketStatusWire;
  invoiceId: string | null;
  invoiceNumber: string | null;
  /** Unread for whoever asks: the client in `/api`, the business in `/admin`. */
  unread: boolean;
  /** The last visible message's first words (internal notes never show to the client). */
  preview: string;
  messageCount: number;
  lastMessageAt: string;
  createdAt: string;
}

/** `GET /api/tickets` */
export interface TicketListResponse {
  tickets: TicketSummaryWire[];
  unreadCount: number;
}

/** `POST /api/tickets` */
export interface OpenTicketRequest {
  subject: string;
  message: string;
  /** One of the client's own invoices, optional. */
  invoiceId?: string;
}

/** `GET /api/tickets/:id` (marks it read for the client), `POST /api/tickets` (201). */
export interface TicketThreadResponse {
  ticket: TicketSummaryWire;
  messages: TicketMessageWire[];
}

/** `POST /api/tickets/:id/messages` and `POST /admin/tickets/:id/messages` (201 with the message). */
export interface TicketReplyRequest {
  message: string;
  /** Business side only: a note the client never sees and is never emailed. */
  internal?: boolean;
}

/** `GET /admin/tickets` filters. */
export interface AdminTicketListQuery {
  /** Default on the server: every status. */
  status?: 'open' | 'pending' | 'closed' | 'all';
  /** Only tickets with a message the business has not read. */
  unread?: boolean;
}

/** `GET /admin/tickets?status=open|pending|closed|all&unread=1` */
export interface AdminTicketSummaryWire extends TicketSummaryWire {
  clientId: string;
  clientName: string;
}

export interface AdminTicketListResponse {
  tickets: AdminTicketSummaryWire[];
  unreadCount: number;
  /** Inbound mail waiting for a person (unknown sender, forged reply). */
  heldCount: number;
}

/** `GET /admin/tickets/unread-count`: for the host's own navigation badge. */
export interface AdminUnreadCountResponse {
  unread: number;
  held: number;
}

/** `GET /admin/tickets/:id` (marks it read for the business). Close and reopen answer the ticket alone (`AdminTicketSummaryWire`). */
export interface AdminTicketThreadResponse {
  ticket: AdminTicketSummaryWire;
  messages: TicketMessageWire[];
  client: { id: string; name: string; contacts: Array<{ name: string; email: string }> };
}

/** `GET /admin/inbound/held`: mail held for review. */
export interface HeldInboundWire {
  id: string;
  from: string | null;
  subject: string | null;
  receivedAt: string;
  /** Why it was held, for a person. */
  reason: string;
  /** The ticket it claimed to answer, if any. */
  ticketId: string | null;
  /** The stripped text, as it would be appended. */
  body: string;
  /** What the reply stripper removed from it (quoted history, signature), or null. */
  quotedText: string | null;
}

export interface HeldInboundListResponse {
  held: HeldInboundWire[];
}

/** `POST /admin/inbound/:id/accept` (`{ ticketId? }`): what became of the held message. */
export interface InboundAcceptResponse {
  id: string;
  outcome: 'appended' | 'opened' | 'held' | 'ignored' | 'duplicate';
  ticketId: string | null;
}

/**
 * `POST /webhooks/email/raw/:business` and `POST /webhooks/email/resend/:business`
 * (200): what became of the message. `event` is Resend's event type; an event
 * other than `email.received` is acknowledged as `ignored` with no id.
 */
export interface InboundReceivedResponse {
  received: true;
  event?: string;
  id: string | null;
  /** `bounced`: Resend's `email.bounced` marked an email Portico sent (`id` is its outbox id). */
  outcome: InboundAcceptResponse['outcome'] | 'bounced';
  ticketId: string | null;
}
