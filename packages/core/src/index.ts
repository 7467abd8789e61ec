/**
 * @portico/core: one door, the typed API from `createPorticoApi` (every
 * domain operation, scoped to a business through `api.business(id)`), plus
 * the types it speaks, pure helpers, and the infrastructure a host wires in
 * (database, email transports and outbox worker, PDF renderers and caches).
 */
export { createPorticoApi, type PorticoApi, type PorticoApiOptions, type BusinessApi } from './api.js';
export {
  createDatabase,
  type CreateDatabaseOptions,
  type DatabaseDialect,
  type DatabaseOptions,
  type PorticoDatabase,
} from './db/create-database.js';
export type { PorticoSchema } from './db/schema.js';
export { PorticoError, isPorticoError, type PorticoErrorCode } from './shared/errors.js';
export { ManualClock, calendarDate, systemClock, type Clock } from './shared/clock.js';
export { supportedLocales, type Locale } from './shared/locales.js';
export { type Business, type BusinessInput, type BusinessUpdate } from './businesses/businesses.js';
export { type Client, type ClientInput, type ClientListOptions, type ClientUpdate } from './clients/clients.js';
export { type Contact, type ContactInput } from './clients/contacts.js';
export { type AccountHolder, type ClientAccount, type ClientAccountUpdate } from './clients/client-account.js';
export { type AccountContactInput, type AccountContactUpdate } from './clients/account-contacts.js';
export { lockableClientFields, type LockableClientField } from './businesses/client-field-locks.js';
export { businessProfileFields, type BusinessProfile, type BusinessProfileInput } from './businesses/business-profile.js';
export { type ClientBilling, type ClientBillingInput } from './clients/client-billing.js';
export { type BankAccount, type BankAccountInput, type PostalAddress, type PostalAddressInput } from './parties/party-fields.js';
export { type InvoiceBuyer, type InvoiceParties, type InvoiceSeller } from './invoices/invoice-parties.js';
export { taxNotesNeeded, taxSummary, type TaxSummaryEntry, type TaxSummaryLine } from './invoices/tax-summary.js';
export { type Invoice, type InvoiceLine, type InvoiceSummary } from './invoices/invoice-model.js';
export { type InvoiceInput, type InvoiceUpdate } from './invoices/invoices.js';
export { type InvoiceListOptions } from './invoices/invoice-queries.js';
export {
  DEFAULT_INVOICE_PAGE_SIZE,
  MAX_INVOICE_PAGE_SIZE,
  invoiceSortFields,
  type AdminInvoiceListEntry,
  type AdminInvoiceListQuery,
  type InvoiceListEntry,
  type InvoiceListPage,
  type InvoiceListQuery,
  type InvoiceSortField,
  type SortOrder,
} from './invoices/invoice-list.js';
export { type ClientInvoice, type InvoicePaymentEntry } from './invoices/client-invoice.js';
export { checkStatementTotals, rebuildStatementTotals, type StatementTotalsDrift } from './invoices/statement-totals.js';
export { type AgingBuckets, type Statement, type StatementCurrency, type StatementLastPayment } from './statements/statement.js';
export {
  getAccountStatement,
  statementPeriod,
  type AccountStatement,
  type AccountStatementCurrency,
  type AccountStatementEntry,
  type AccountStatementQuery,
} from './statements/account-statement.js';
export {
  invoiceDisplayStatus,
  invoiceDisplayStatuses,
  invoiceStatusFilters,
  type InvoiceDisplayStatus,
  type InvoiceStatus,
  type InvoiceStatusFilter,
} from './invoices/invoice-status.js';
export { type ComputedLine, type DocumentTotals, type LineInput, type TaxCategory } from './invoices/line-totals.js';
export { type Payment, type PaymentInput, type PaymentListOptions, type PaymentMethod, type RecordedPayment } from './payments/payments.js';
export { type AuditEntry } from './audit/audit-log.js';
export { MAX_AMOUNT, formatMoney, requireCurrency, toDecimalString, totalsByCurrency, type Money } from './money/money.js';
export { INVOICE_LINK_TTL_MS, SIGN_IN_LINK_TTL_MS, type MagicLinkState } from './auth/magic-links.js';
export { SESSION_LIFETIMES, type ClientSession, type SessionKind, type StartedSession } from './auth/sessions.js';
export { rateLimitKey, type RateLimit, type RateLimitVerdict } from './auth/rate-limiter.js';
export { type RedeemedSignIn } from './auth/sign-in.js';
export { SIGN_IN_GRANT_TTL_MS, type SignInGrant, type SignInGrantOptions } from './auth/sign-in-grants.js';
export { type SendInvoiceOptions, type SentInvoice } from './invoices/send-invoice.js';
export { type Estimate, type EstimateAcceptance, type EstimateSummary } from './estimates/estimate-model.js';
export { type EstimateInput, type EstimateUpdate } from './estimates/estimates.js';
export { type EstimateListOptions } from './estimates/estimate-queries.js';
export { type ClientEstimate } from './estimates/client-estimates.js';
export { type AcceptEstimateInput, type ConvertedEstimate, type EstimateAnswer } from './estimates/estimate-acceptance.js';
export { type SendEstimateOptions, type SentEstimate } from './estimates/send-estimate.js';
export { estimateDisplayStatus, estimateDisplayStatuses, type EstimateDisplayStatus, type EstimateStatus } from './estimates/estimate-status.js';
export { estimateContentHash, type EstimateContent } from './estimates/estimate-hash.js';
export { type EstimateAcceptanceSetting } from './businesses/estimate-settings.js';
export { businessOrigins, configuredPortalPage, signInLinkUrl } from './businesses/portal-page.js';
export { type CoreContext, type BusinessContext } from './context.js';
export { brandColor, linkColor, textColorOn } from './shared/brand-colors.js';
export { type BounceDetails, type BouncedEmail } from './email/bounces/mark-bounced.js';
export { MAX_EMAIL_ATTACHMENT_BYTES } from './tickets/email-attachments.js';
export { mailboxEmailAttachment, mailboxEmailAttachments, type MailboxAttachment } from './tickets/mailbox-attachments.js';
export { createOutboxWorker } from './outbox-worker.js';
export {
  type OutboxEnricher,
  type OutboxLogger,
  type OutboxRunResult,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from './email/outbox-worker.js';
export { exponentialBackoff, type BackoffOptions } from './shared/backoff.js';
export { createEventWorker } from './event-worker.js';
export {
  type EventProducer,
  type EventRunResult,
  type EventWorker,
  type EventWorkerLogger,
  type EventWorkerOptions,
} from './events/event-worker.js';
export { createEventHooks, type EventHandler, type EventHooks } from './events/event-hooks.js';
export { EVENT_TYPES, PAYLOAD_VERSIONS, isEventType, type EventType } from './events/event-types.js';
export { type EventListOptions, type EventPage, type PorticoEvent } from './events/event-log.js';
export {
  type WebhookEndpoint,
  type WebhookEndpointInput,
  type WebhookEndpointUpdate,
  type WebhookEndpointWithSecret,
} from './events/webhook-endpoints.js';
export {
  type DeliveryListOptions,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryDetail,
  type WebhookDeliveryStatus,
} from './events/webhook-deliveries.js';
export { isPublicAddress } from './events/webhook-urls.js';
export {
  EmailDeliveryError,
  type EmailAttachment,
  developmentMailboxTransport,
  getMailboxEmail,
  isEmailDeliveryError,
  listMailbox,
  resendTransport,
  smtpTransport,
  type EmailTransport,
  type MailboxEmail,
  type MailboxListOptions,
  type OutgoingEmail,
  type ResendTransportOptions,
  type SendResult,
  type SmtpEmailTransport,
  type SmtpTransportOptions,
} from './email/transports/index.js';
export {
  emailStrings,
  renderEstimateEmail,
  renderEstimateResponseEmail,
  renderInvoiceEmail,
  renderSignInEmail,
  renderTicketReplyEmail,
  type EmailStrings,
  type EstimateEmailInput,
  type EstimateResponseEmailInput,
  type InvoiceEmailInput,
  type RenderedEmail,
  type SignInEmailInput,
  type TicketReplyEmailInput,
} from './email/templates/index.js';
export { requireLocale } from './shared/locales.js';
export { MAX_ZIP_IDS, type ClientDocumentSelection } from './documents/client-documents.js';
export {
  createEstimatePdfRenderer,
  createInvoicePdfRenderer,
  createReceiptPdfRenderer,
  createStatementPdfRenderer,
  directoryDocumentCache,
  estimatePdfCacheKey,
  invoicePdfCacheKey,
  memoryDocumentCache,
  receiptPdfCacheKey,
  statementPdfCacheKey,
  tieredDocumentCache,
  type DocumentCache,
  type EstimatePdfRenderer,
  type InvoicePdfRenderer,
  type ReceiptPdfRenderer,
  type StatementPdfRenderer,
  type InvoicePdfRendererOptions,
  type MemoryCacheOptions,
} from './documents/document-cache.js';
export { documentStrings, type DocumentPaymentStatus, type DocumentStrings } from './documents/document-strings.js';
export { documentPaymentStatus, renderInvoicePdf, type InvoiceDocumentInput } from './documents/invoice-pdf.js';
export { renderEstimatePdf, type EstimateDocumentInput } from './documents/estimate-pdf.js';
export { receiptStatus, renderReceiptPdf, type Receipt, type ReceiptDocumentInput } from './documents/receipt-pdf.js';
export { renderStatementPdf, type StatementDocumentInput } from './documents/statement-pdf.js';
export { ledgerStrings, type LedgerStrings, type ReceiptStatus } from './documents/ledger-strings.js';
export {
  createEstimateFileNamer,
  estimateCsvColumns,
  estimateCsvHeader,
  estimateCsvRow,
  estimateZipStream,
} from './documents/estimate-zip.js';
export { type DocumentZipOptions } from './documents/document-zip.js';
export { createPdfRenderWorker, type PdfRenderWorker, type PdfRenderWorkerOptions } from './documents/pdf-render-worker.js';
export {
  createZipNamer,
  csvField,
  invoiceCsvColumns,
  invoiceCsvHeader,
  invoiceCsvRow,
  invoiceZipStream,
  type InvoiceZipOptions,
} from './documents/invoice-zip.js';
export { createSecretBox, type SecretBox } from './shared/secret-box.js';
export {
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_ATTACHMENT_BYTES,
  MAX_MESSAGE_ATTACHMENT_BYTES,
  MAX_MESSAGE_LENGTH,
  MAX_SUBJECT_LENGTH,
  allowedAttachmentExtensions,
  inboundDomain,
  type AdminTicketSummary,
  type AdminTicketThread,
  type AttachmentContent,
  type AttachmentInput,
  type AttachmentViewer,
  type ClientReplyInput,
  type OpenTicketInput,
  type TicketAttachment,
  type TicketEmailBounce,
  type TicketAuthorKind,
  type TicketMessage,
  type TicketMessageSource,
  type TicketStatus,
  type TicketSummary,
  type TicketThread,
} from './tickets/index.js';
export { type AdminTicketListQuery, type BusinessReplyInput } from './tickets/business-tickets.js';
export { type StripeSettings, type StripeSettingsInput } from './payments/stripe/stripe-settings.js';
export { type StripeConnection, type StripeDependencies } from './payments/stripe/stripe-connection.js';
export {
  type CheckoutRequest,
  type CheckoutState,
  type StartedCheckout,
  type SyncCheckoutRequest,
} from './payments/stripe/checkout.js';
export { type StripeWebhookRequest, type WebhookOutcome } from './payments/stripe/stripe-webhook.js';
export { type RefundOutcome } from './payments/refunds.js';
export {
  MAX_INBOUND_BYTES,
  holdReasonText,
  type DmarcResult,
  type DnsResolver,
  type SmtpEnvelope,
  type HeldInbound,
  type HeldListOptions,
  type HoldReason,
  type InboundOutcome,
  type InboundSettings,
  type InboundSettingsInput,
  type InboundSource,
  type ReceiveInboundOptions,
  type ReceivedInbound,
  type ResendInboundDependencies,
  type ResendWebhookRequest,
  type ResendWebhookResult,
} from './tickets/inbound/index.js';
