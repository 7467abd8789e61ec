/**
 * Request and response shapes of the HTTP API: the server and the widgets'
 * typed client both import them from here.
 */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface HealthBody {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
}

/** `POST /auth/sessions/:business`: a widget on another origin redeems a link for a bearer token. */
export interface SignInBody {
  token: string;
}

export interface SignInResponse {
  /** Send as `Authorization: Bearer <sessionToken>`; keep it in memory only. */
  sessionToken: string;
  expiresAt: string;
  /** The invoice the email was about, to show first. */
  invoiceId: string | null;
  /** The ticket the email was about (a ticket reply), to show first; a link names at most one of the two. */
  ticketId: string | null;
}

/** `POST /auth/request-link/:business`: "email me a link"; always answers 202 `{ status: 'sent' }`. */
export interface RequestLinkBody {
  email: string;
}

/** `GET /api/session`: who is signed in, and the brand to show. */
export interface SessionResponse {
  business: {
    slug: string;
    name: string;
    brandColor: string;
    logoUrl: string | null;
    locale: string;
    /** Set when the business takes card payments online (Stripe configured): no Pay now without it. */
    onlinePayments: { publishableKey: string; connectedAccountId: string | null } | null;
  };
  client: { id: string; name: string; locale: string | null };
  contact: { id: string; name: string; email: string } | null;
  expiresAt: string;
}

// ---------------------------------------------------------------------------
// Billing (the client's side): statement, invoice list, one invoice, documents.
// Amounts are integers of minor units of `currency`; dates are `YYYY-MM-DD`.
// ---------------------------------------------------------------------------

export type InvoiceDisplayStatusWire = 'draft' | 'sent' | 'overdue' | 'paid' | 'void';

/** Money owed, bucketed by days past due (open invoices only). */
export interface AgingBuckets {
  /** Not yet due. */
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
}

/** One currency's figures. Drafts and void invoices count nowhere. */
export interface StatementCurrency {
  currency: string;
  /** Payments received, all time. */
  paidToDate: number;
  /** Balance of every open (sent, unpaid) invoice. */
  outstanding: number;
  /** The part of `outstanding` past its due date. */
  overdue: number;
  aging: AgingBuckets;
  lastPayment: { amount: number; receivedAt: string; invoiceId: string; invoiceNumber: string | null } | null;
}

/** `GET /api/statement` */
export interface StatementResponse {
  /** The business's today, which decides what is overdue. */
  asOf: string;
  /** One entry per currency the client was ever billed in, sorted by code. */
  currencies: StatementCurrency[];
}

export type InvoiceSortField = 'issueDate' | 'dueDate' | 'status' | 'amount' | 'number';

/**
 * `GET /api/invoices` query: `status` (comma-separated display statuses),
 * `from`/`to` (issue date range, inclusive), `q` (text: number, line
 * descriptions, notes), `sort` (InvoiceSortField, default issueDate), `order`
 * (asc|desc, default desc), `limit` (1-100, default 25), `cursor` (from the
 * previous page). Status sorts draft, sent, overdue, paid, void.
 */
export interface InvoiceListQuery {
  status?: InvoiceDisplayStatusWire[];
  from?: string;
  to?: string;
  q?: string;
  sort?: InvoiceSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

export interface InvoiceListItem {
  id: string;
  number: string | null;
  status: 'draft' | 'sent' | 'paid' | 'void';
  displayStatus: InvoiceDisplayStatusWire;
  currency: string;
  issueDate: string;
  dueDate: string;
  total: number;
  amountPaid: number;
  balance: number;
  /** Changes when the invoice changes: PDFs are cached per version. */
  version: number;
}

/** `GET /api/invoices` */
export interface InvoiceListResponse {
  invoices: InvoiceListItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many invoices match the filters other than `status`, per display status (for filter chips). */
  counts: Record<InvoiceDisplayStatusWire, number>;
  /** How many match every filter. */
  total: number;
}

export interface InvoiceLineWire {
  description: string;
  quantity: number;
  unitPrice: number;
  /** Percent. */
  taxRate: number;
  discountAmount: number;
  gross: number;
  tax: number;
  total: number;
}

/** `GET /api/invoices/:id`: everything the preview shows. */
export interface InvoiceDetailResponse extends InvoiceListItem {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  notes: string | null;
  lines: InvoiceLineWire[];
  /** Oldest first. `amount` as received; `refundedAmount` of it went back (`amountPaid` already counts both). */
  payments: Array<{ amount: number; refundedAmount: number; receivedAt: string; method: string }>;
  client: { name: string };
  business: { name: string; brandColor: string; logoUrl: string | null; locale: string };
}

// Documents are plain downloads, not JSON:
// `GET /api/invoices/:id/pdf`: application/pdf.
// `GET /api/invoices/download.zip`, with the list's filters or `?ids=a,b,c` for a
// selection: a ZIP of PDFs plus `invoices.csv`, streamed.

// ---------------------------------------------------------------------------
// The business's side (`/admin/*`, guarded by the host's `authorizeAdmin`).
// ---------------------------------------------------------------------------

/** `GET /admin/invoices`: same query as the client list, plus `clientId`. */
export interface AdminInvoiceListItem extends InvoiceListItem {
  clientId: string;
  clientName: string;
}

export interface AdminInvoiceListResponse {
  invoices: AdminInvoiceListItem[];
  nextCursor: string | null;
  counts: Record<InvoiceDisplayStatusWire, number>;
  total: number;
}

/** `POST /admin/invoices/:id/send` */
export interface AdminSendInvoiceResponse {
  invoice: AdminInvoiceListItem;
  emailsQueued: number;
}

// ---------------------------------------------------------------------------
// Paying online (Stripe embedded Checkout).
// ---------------------------------------------------------------------------

/** `POST /api/invoices/:id/checkout`: optional JSON body. */
export interface CheckoutRequest {
  /** Where Stripe sends the client back to (must be on one of the business's origins); default: the portal page. */
  returnUrl?: string;
}

/** What the pay button needs to mount Stripe's form. The amount is computed by the server from the invoice. */
export interface CheckoutResponse {
  sessionId: string;
  /** For Stripe.js `initEmbeddedCheckout({ fetchClientSecret })`. */
  clientSecret: string;
  publishableKey: string;
  /** Load Stripe.js with `{ stripeAccount }` when set: the session lives on that Connect account. */
  connectedAccountId: string | null;
  amount: number;
  currency: string;
}

/** `GET /api/checkout/:sessionId`: asks Stripe how it went, and books the payment if it is paid. */
export interface CheckoutStatusResponse {
  invoiceId: string;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  invoice: { status: 'draft' | 'sent' | 'paid' | 'void'; displayStatus: InvoiceDisplayStatusWire; amountPaid: number; balance: number; version: number };
}

// ---------------------------------------------------------------------------
// Support tickets. Live updates are short polling (see docs/support-tickets.md).
// ---------------------------------------------------------------------------

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
