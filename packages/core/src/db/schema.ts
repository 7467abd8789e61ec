import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely's view of Portico's tables. Conventions, the same on SQLite and Postgres:
 * - ids are prefixed random text (`inv_...`);
 * - money is an integer of minor units (`bigint` on Postgres) next to a currency code;
 * - instants are integer epoch milliseconds (`*_at`), calendar dates are `YYYY-MM-DD` text;
 * - flags are integers 0/1, structured settings are JSON text;
 * - every table a tenant owns has `business_id`, and every query filters on it.
 *
 * Postgres returns `bigint` and aggregates as strings, so readers convert with
 * Number() (see `row-values.ts`); the types below say `number | string` there.
 */
type Int = ColumnType<number | string, number, number>;
type Flag = ColumnType<number, number | undefined, number>;
type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;

export interface BusinessTable {
  id: string;
  slug: string;
  name: string;
  brand_color: string;
  logo_url: string | null;
  locale: string;
  time_zone: string;
  /** Where the portal is mounted, for links in emails: `https://billing.example.com/portal`. */
  portal_url: string;
  /** Origins allowed to embed the widgets cross-origin (JSON array of strings). */
  allowed_origins: string;
  invoice_prefix: string;
  /** Estimate numbers are this prefix plus `next_estimate_number`: `EST-0001`. */
  estimate_prefix: ColumnType<string, string | undefined, string>;
  next_invoice_number: Int;
  next_estimate_number: Int;
  next_ticket_number: Int;
  /** Free-form tenant settings (JSON object): email sender, reply window, feature switches. */
  settings: string;
  /**
   * Key of the HMACs in ticket reply addresses and Message-IDs (32 random
   * bytes, base64url), made on first use; never returned by any API.
   */
  reply_signing_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** `settings.inboundDomain`, lower-cased, kept in step with the settings for indexed lookups; null when it has none. */
  inbound_domain: ColumnType<string | null, string | null | undefined, string | null>;
  /** The registered name, when it differs from `name` (EN 16931 BT-27). */
  legal_name: OptionalText;
  /** JSON `PostalAddress` (`parties/party-fields.ts`): lines, postal code, city, region, country code. */
  address: OptionalText;
  /** VAT identifier with its country prefix, compact (`DE123456789`). */
  vat_id: OptionalText;
  /** Local tax registration number (a German Steuernummer). */
  tax_number: OptionalText;
  /** Company register entry (`HRB 12345, Amtsgericht Berlin`). */
  registration_number: OptionalText;
  contact_email: OptionalText;
  contact_phone: OptionalText;
  /** JSON `BankAccount`: holder, IBAN and BIC, or a local account and routing number. */
  bank_account: OptionalText;
  /** Free text printed with the bank details. */
  payment_instructions: OptionalText;
  /** Days from issue to due for new invoices; null: `settings.paymentTermsDays`, else 30. */
  payment_terms_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** Payment terms as printed (EN 16931 BT-20), such as "2% discount within 10 days". */
  payment_terms_text: OptionalText;
  /** Printed when a line is reverse-charged (EN 16931 BT-120); a standard sentence otherwise. */
  reverse_charge_note: OptionalText;
  /** Printed when a line is VAT-exempt: the legal ground for the exemption. */
  tax_exempt_note: OptionalText;
  created_at: Int;
  updated_at: Int;
}

export interface ClientTable {
  id: string;
  business_id: string;
  name: string;
  /** The host app's own id for this client, unique within the business. */
  external_id: string | null;
  locale: string | null;
  /** IANA zone the client chose for the times it is shown; null: the business's. */
  time_zone: string | null;
  notes: string | null;
  archived: Flag;
  /** JSON `PostalAddress` the client is billed at (EN 16931 BG-8). */
  billing_address: OptionalText;
  /** The client's VAT identifier with its country prefix (BT-48). */
  vat_id: OptionalText;
  tax_number: OptionalText;
  /** Name and external id folded for search (`shared/search-text.ts`); written with them. */
  search_text: string;
  created_at: Int;
  updated_at: Int;
}

export interface ContactTable {
  id: string;
  business_id: string;
  client_id: string;
  name: string;
  email: string;
  email_normalized: string;
  is_primary: Flag;
  /** Whether invoice and estimate emails (and receipts) go to this contact; ticket replies go to every contact. */
  receives_invoices: Flag;
  created_at: Int;
  updated_at: Int;
}

export type InvoiceStatusColumn = 'draft' | 'sent' | 'paid' | 'void';

export interface InvoiceTable {
  id: string;
  business_id: string;
  client_id: string;
  /** Assigned from the business's sequence when the invoice is issued; null while a draft. */
  number: string | null;
  status: InvoiceStatusColumn;
  currency: string;
  issue_date: string;
  due_date: string;
  subtotal: Int;
  discount_total: Int;
  tax_total: Int;
  total: Int;
  amount_paid: Int;
  notes: string | null;
  /** A draft the business chose to show the client. */
  shared_with_client: Flag;
  /** Bumped on every change a document would show; PDFs are cached per version. */
  version: Int;
  /** Number, notes and line descriptions folded for search (`shared/search-text.ts`); written with them. */
  search_text: string;
  /**
   * JSON `InvoiceParties` (`parties/invoice-parties.ts`): seller and buyer as
   * they were when the invoice was issued; null on drafts, which show the
   * business's and client's details as they are now.
   */
  parties: OptionalText;
  sent_at: Int | null;
  paid_at: Int | null;
  voided_at: Int | null;
  /** The estimate this invoice was made from, once accepted or converted. */
  estimate_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Int;
  updated_at: Int;
}

export type TaxCategoryColumn = 'standard' | 'zero' | 'exempt' | 'reverse_charge';

/** Line items of invoices (`invoice_lines`) and estimates (`estimate_lines`) share this shape. */
export interface LineTable {
  id: string;
  business_id: string;
  document_id: string;
  position: number;
  description: string;
  /** Quantity in thousandths (1.5 hours → 1500). */
  quantity_milli: Int;
  unit_price: Int;
  /** Tax rate in thousandths of a percent (20% → 20000). */
  tax_rate_milli: Int;
  /** VAT category (EN 16931 BT-151): `standard` (S), `zero` (Z), `exempt` (E), `reverse_charge` (AE). */
  tax_category: ColumnType<TaxCategoryColumn, TaxCategoryColumn | undefined, TaxCategoryColumn>;
  discount_kind: 'none' | 'percent' | 'amount';
  /** Thousandths of a percent for `percent`, minor units for `amount`. */
  discount_value: Int;
  gross: Int;
  discount: Int;
  tax: Int;
  total: Int;
}

/** `converted`: the business made it an invoice without the client's acceptance (accepted by phone, say). */
export type EstimateStatusColumn = 'draft' | 'sent' | 'accepted' | 'declined' | 'void' | 'converted';
type NullableInt = ColumnType<number | string | null, number | null | undefined, number | null>;
type NullableText = ColumnType<string | null, string | null | undefined, string | null>;

export interface EstimateTable {
  id: string;
  business_id: string;
  client_id: string;
  number: string;
  status: EstimateStatusColumn;
  currency: string;
  issue_date: string;
  valid_until: string;
  subtotal: Int;
  discount_total: Int;
  tax_total: Int;
  total: Int;
  notes: string | null;
  /** The invoice this estimate became once accepted or converted (its `estimate_id` points back). */
  invoice_id: string | null;
  version: Int;
  sent_at: NullableInt;
  voided_at: NullableInt;
  /** The acceptance record: who typed their name, when, from where, and the hash of the content they accepted. */
  accepted_at: NullableInt;
  accepted_by_name: NullableText;
  accepted_ip: NullableText;
  accepted_user_agent: NullableText;
  /** SHA-256 (hex) of the canonical content accepted (estimates/estimate-hash.ts). */
  accepted_version_hash: NullableText;
  declined_at: NullableInt;
  decline_reason: NullableText;
  created_at: Int;
  updated_at: Int;
}

export interface PaymentTable {
  id: string;
  business_id: string;
  client_id: string;
  invoice_id: string;
  amount: Int;
  currency: string;
  method: 'card' | 'bank_transfer' | 'cash' | 'check' | 'stripe' | 'other';
  /** `stripe`, `manual`, ...; with `provider_reference` it makes a payment idempotent. */
  provider: string;
  provider_reference: string | null;
  /** Refunded so far, in minor units. */
  refunded_amount: Int;
  received_at: Int;
  created_at: Int;
}

export interface TicketTable {
  id: string;
  business_id: string;
  client_id: string;
  number: Int;
  subject: string;
  status: 'open' | 'pending' | 'closed';
  invoice_id: string | null;
  unread_for_business: Flag;
  unread_for_client: Flag;
  last_message_at: Int;
  created_at: Int;
  updated_at: Int;
}

export interface TicketMessageTable {
  id: string;
  business_id: string;
  ticket_id: string;
  author_kind: 'client' | 'business' | 'system';
  /** The contact who wrote it (client side) or the host's user id (business side). */
  author_id: string | null;
  author_name: string;
  body_text: string;
  body_html: string | null;
  /** Internal notes are never shown to the client. */
  internal: Flag;
  source: 'portal' | 'admin' | 'email' | 'api';
  inbound_email_id: string | null;
  /** Our own Message-ID for the email sent for this message, if any. */
  email_message_id: string | null;
  /** An email reply: what the stripper removed (quoted history, signature); shown to the business only. */
  quoted_text: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Int;
}

/** A file on a ticket message; the bytes live in the row (`blob` on SQLite, `bytea` on Postgres). */
export interface TicketAttachmentTable {
  id: string;
  business_id: string;
  ticket_id: string;
  message_id: string;
  filename: string;
  /** A type on the allow-list (see tickets/attachments.ts), without parameters. */
  content_type: string;
  /** Bytes. */
  size: Int;
  /** Both drivers return a Node Buffer. */
  content: ColumnType<Uint8Array, Uint8Array, never>;
  created_at: Int;
}

export interface OutboxEmailTable {
  id: string;
  business_id: string;
  /** What caused it: `invoice_sent`, `sign_in_link`, `ticket_reply`, ... */
  kind: string;
  to_address: string;
  from_address: string;
  reply_to: string | null;
  subject: string;
  html: string;
  text: string;
  /** Extra headers (JSON object). */
  headers: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'bounced';
  attempts: Generated<number>;
  next_attempt_at: Int;
  locked_until: Int | null;
  last_error: string | null;
  provider_message_id: string | null;
  /**
   * For emails carrying a sign-in link: who the link is for (JSON). The link's
   * token is made by the worker just before sending, so no raw token is ever
   * stored; `html` and `text` hold a placeholder.
   */
  sign_in_link: string | null;
  /** The ticket message this email was sent for (a business's reply), if any. */
  ticket_message_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Ticket attachments sent with it (JSON array of ids, of this business); their bytes are read at send time. */
  attachment_ids: ColumnType<string | null, string | null | undefined, string | null>;
  /** When a bounce for it came back, its status code (`5.1.1`) and the reason the bounce gave. */
  bounced_at: ColumnType<number | string | null, number | null | undefined, number | null>;
  bounce_status: ColumnType<string | null, string | null | undefined, string | null>;
  bounce_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Int;
  sent_at: Int | null;
}

/**
 * What the development mailbox transport delivered, as sent (links included),
 * for the demo's mailbox page. Development only: never use that transport in
 * production.
 */
export interface DevelopmentMailboxTable {
  /** The outbox id. */
  id: string;
  business_id: string;
  kind: string;
  from_address: string;
  to_address: string;
  reply_to: string | null;
  subject: string;
  html: string;
  text: string;
  headers: string;
  delivered_at: Int;
}

export interface InboundEmailTable {
  id: string;
  business_id: string | null;
  source: 'resend' | 'raw' | 'smtp';
  /** Message-ID header, or a hash of the raw bytes when it has none; unique per business. */
  dedupe_key: string;
  provider_message_id: string | null;
  /** The message exactly as received (RFC 5322 bytes); a string is stored as its UTF-8 bytes. */
  raw: ColumnType<Uint8Array, Uint8Array | string, never>;
  from_address: string | null;
  to_address: string | null;
  subject: string | null;
  classification: 'reply' | 'new' | 'bounce' | 'auto_reply' | 'unknown';
  /** `appended` to a ticket (a new one when classification is `new`), `held` for a person, `ignored` (bounce, auto-reply), `discarded` by a person. */
  status: 'received' | 'appended' | 'held' | 'ignored' | 'discarded';
  ticket_id: string | null;
  /** What a person should know: attachments dropped, why it was ignored. */
  note: string | null;
  /** The sender, when they are a contact of the business (of the ticket's client, for a reply). */
  contact_id: string | null;
  client_id: string | null;
  /** Why it is held: `unknown_sender`, `sender_not_participant`, `ambiguous_sender`. */
  hold_reason: string | null;
  /** The reply stripped of quoted history and signature, as appended (or as it would be). */
  body_text: string | null;
  /** What the stripper removed from it (see ticket_messages.quoted_text). */
  quoted_text: ColumnType<string | null, string | null | undefined, string | null>;
  received_at: Int;
}

export interface InboundSettingsTable {
  business_id: string;
  /** SHA-256 (hex) of the secret a raw MIME POST must present; the secret itself is never stored. */
  raw_secret_hash: string | null;
  /** Sealed with the host's encryption key; never returned by any API. */
  resend_webhook_secret_sealed: string | null;
  resend_api_key_sealed: string | null;
  updated_at: Int;
}

export interface MagicLinkTokenTable {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  token_hash: string;
  business_id: string;
  client_id: string;
  contact_id: string;
  /** `host_grant`: issued to the host for its own signed-in user (auth/sign-in-grants.ts), never emailed. */
  purpose: 'invoice_email' | 'ticket_email' | 'estimate_email' | 'sign_in' | 'host_grant';
  /** The invoice the email was about, shown first after sign-in. */
  invoice_id: string | null;
  /** The ticket the email was about, shown first after sign-in (never together with invoice_id). */
  ticket_id: string | null;
  /** The estimate the email was about (purpose `estimate_email`); a link names one target at most. */
  estimate_id: NullableText;
  expires_at: Int;
  created_at: Int;
}

export interface SessionTable {
  /** SHA-256 of the session id, hex. */
  id_hash: string;
  business_id: string;
  client_id: string;
  contact_id: string;
  /** `cookie` for same-origin portals, `bearer` for widgets on another origin (shorter lived). */
  kind: 'cookie' | 'bearer';
  created_at: Int;
  last_seen_at: Int;
  idle_expires_at: Int;
  absolute_expires_at: Int;
  revoked_at: Int | null;
}

/** An "email me a link" request waiting for the outbox worker; deleted as it is turned into emails (or into none). */
export interface SignInRequestTable {
  id: string;
  business_id: string;
  email_normalized: string;
  requested_at: Int;
}

export interface RateLimitBucketTable {
  /** `scope:subject`, for example `sign-in:ip:203.0.113.9`. Subjects that are addresses are hashed. */
  key: string;
  window_start: Int;
  count: Int;
}

export interface WebhookEventTable {
  provider: string;
  event_id: string;
  business_id: string | null;
  type: string;
  received_at: Int;
  processed_at: Int | null;
}

export interface StripeAccountTable {
  business_id: string;
  /** Sealed with the host's encryption key; never returned by any API. */
  secret_key_sealed: string;
  publishable_key: string;
  webhook_secret_sealed: string;
  /** A Connect account to act for, if the platform uses Connect. */
  connected_account_id: string | null;
  updated_at: Int;
}

export interface AuditLogTable {
  id: string;
  business_id: string;
  /** Who did it: `api`, `admin:<user id>`, `client:<contact id>`, `system:stripe`, ... */
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  /** What changed (JSON object). */
  details: string;
  at: Int;
}

/** One change a host may care about, written in the change's own transaction (`events/`). */
export interface EventTable {
  /** `evt_...`: the Standard Webhooks `webhook-id`, the same on every delivery of the event. */
  id: string;
  business_id: string;
  /** `invoice.paid`, `ticket.replied`, ... (`events/event-types.ts`). */
  type: string;
  /** The version of `data`'s shape for this type. */
  payload_version: number;
  /** JSON object. */
  data: string;
  occurred_at: Int;
  /** For events recorded once per subject whoever notices first (`invoice.overdue:<invoice id>`); null otherwise. */
  once_key: OptionalText;
}

/** Lease columns shared by webhook deliveries and hook runs, claimed as outbox emails are. */
interface LeasedWork {
  status: 'pending' | 'sending' | 'succeeded' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Int;
  locked_until: NullableInt;
  last_error: NullableText;
}

export interface WebhookEndpointTable {
  id: string;
  business_id: string;
  url: string;
  description: NullableText;
  /** The Standard Webhooks secret (`whsec_...`), sealed with the host's encryption key. */
  secret_sealed: string;
  /** JSON array of event types, or `["*"]` for all. */
  event_types: string;
  enabled: Flag;
  created_at: Int;
  updated_at: Int;
}

export interface WebhookDeliveryTable extends LeasedWork {
  id: string;
  business_id: string;
  endpoint_id: string;
  event_id: string;
  /** The last attempt's HTTP status, if it got an answer. */
  response_status: ColumnType<number | null, number | null | undefined, number | null>;
  delivered_at: NullableInt;
  created_at: Int;
}

export interface WebhookAttemptTable {
  id: string;
  business_id: string;
  delivery_id: string;
  attempt: number;
  started_at: Int;
  duration_ms: number;
  response_status: number | null;
  /** The start of the answer's body (a few KB). */
  response_body: string | null;
  error: string | null;
}

export interface EventHookRunTable extends LeasedWork {
  /** The event's id. */
  id: string;
  business_id: string;
  type: string;
  finished_at: NullableInt;
}

/**
 * Per client and currency, what its statement and invoice-list counts would
 * otherwise sum over its whole history; moved by `invoices/statement-totals.ts`
 * in the transaction of every write that changes it.
 */
export interface ClientStatementTotalsTable {
  business_id: string;
  client_id: string;
  currency: string;
  payment_count: Int;
  /** Payments less refunds, all time. */
  paid_to_date: Int;
  /** The latest payment not refunded in full, null when there is none. */
  last_payment_id: string | null;
  last_payment_amount: NullableInt;
  last_payment_received_at: NullableInt;
  last_payment_invoice_id: string | null;
  last_payment_invoice_number: string | null;
  /** Drafts the business shares with the client. */
  shown_drafts: Int;
  paid_invoices: Int;
  /** Void invoices that had been issued (the client sees those). */
  void_invoices: Int;
}

export interface PorticoSchema {
  businesses: BusinessTable;
  clients: ClientTable;
  contacts: ContactTable;
  invoices: InvoiceTable;
  invoice_lines: LineTable;
  estimates: EstimateTable;
  estimate_lines: LineTable;
  payments: PaymentTable;
  client_statement_totals: ClientStatementTotalsTable;
  tickets: TicketTable;
  ticket_messages: TicketMessageTable;
  ticket_attachments: TicketAttachmentTable;
  outbox_emails: OutboxEmailTable;
  development_mailbox: DevelopmentMailboxTable;
  inbound_emails: InboundEmailTable;
  inbound_settings: InboundSettingsTable;
  magic_link_tokens: MagicLinkTokenTable;
  sessions: SessionTable;
  rate_limit_buckets: RateLimitBucketTable;
  sign_in_requests: SignInRequestTable;
  webhook_events: WebhookEventTable;
  audit_log: AuditLogTable;
  stripe_accounts: StripeAccountTable;
  events: EventTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  event_hook_runs: EventHookRunTable;
}

export type BusinessRow = Selectable<BusinessTable>;
export type ClientRow = Selectable<ClientTable>;
export type ContactRow = Selectable<ContactTable>;
export type InvoiceRow = Selectable<InvoiceTable>;
export type LineRow = Selectable<LineTable>;
export type EstimateRow = Selectable<EstimateTable>;
export type PaymentRow = Selectable<PaymentTable>;
export type NewInvoiceRow = Insertable<InvoiceTable>;
export type InvoiceUpdate = Updateable<InvoiceTable>;

/** A row to insert into table T (money and instants as numbers). */
export type NewRow<T extends keyof PorticoSchema> = Insertable<PorticoSchema[T]>;
/** Columns to change in table T. */
export type RowChanges<T extends keyof PorticoSchema> = Updateable<PorticoSchema[T]>;
