import { listAudit } from './audit/audit-log.js';
import { createClient, getClient, listClients, updateClient } from './clients/clients.js';
import { addContact, findContactsByEmail, removeContact, updateContact } from './clients/contacts.js';
import { getClientAccount, updateClientAccount } from './clients/client-account.js';
import { issueSignInGrant } from './auth/sign-in-grants.js';
import { addAccountContact, removeAccountContact, updateAccountContact } from './clients/account-contacts.js';
import { createInvoice, issueInvoice, updateInvoice, voidInvoice } from './invoices/invoices.js';
import { getInvoice, listInvoices, invoiceNumbers } from './invoices/invoice-queries.js';
import { listClientInvoices, searchInvoices } from './invoices/invoice-list.js';
import { getClientInvoice } from './invoices/client-invoice.js';
import { clientInvoiceDocument, clientInvoiceDocuments } from './documents/client-documents.js';
import { clientEstimateDocument, clientEstimateDocuments, estimateDocument } from './documents/estimate-documents.js';
import { getStatement } from './statements/statement.js';
import { getAccountStatement } from './statements/account-statement.js';
import { clientReceiptDocument, receiptDocument } from './documents/receipt-documents.js';
import { clientStatementDocument } from './documents/statement-documents.js';
import { getClientTicket, listClientTickets, openTicket, replyAsClient } from './tickets/client-tickets.js';
import { closeTicket, getTicket, listTickets, reopenTicket, replyToTicket, ticketBadgeCounts } from './tickets/business-tickets.js';
import { readAttachment } from './tickets/attachments.js';
import { listPayments, recordPayment } from './payments/payments.js';
import { startCheckout, syncCheckout, type CheckoutRequest, type SyncCheckoutRequest } from './payments/stripe/checkout.js';
import { sendInvoice } from './invoices/send-invoice.js';
import { createEstimate, updateEstimate, voidEstimate } from './estimates/estimates.js';
import { getEstimate, listEstimates } from './estimates/estimate-queries.js';
import { sendEstimate } from './estimates/send-estimate.js';
import { getClientEstimate, listClientEstimates } from './estimates/client-estimates.js';
import { acceptEstimateAsClient, convertEstimate, declineEstimateAsClient } from './estimates/estimate-acceptance.js';
import { markEmailBounced } from './email/outbox.js';
import { getEvent, listEvents } from './events/event-log.js';
import {
  createWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  removeWebhookEndpoint,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookEndpointInput,
  type WebhookEndpointUpdate,
} from './events/webhook-endpoints.js';
import { getWebhookDelivery, listWebhookDeliveries, redeliverWebhook } from './events/webhook-deliveries.js';
import { configureStripe, getStripeSettings, removeStripe, type StripeSettingsInput } from './payments/stripe/stripe-settings.js';
import {
  acceptHeldInbound,
  configureInbound,
  discardHeldInbound,
  getInboundSettings,
  listHeldInbound,
  receiveInbound,
  removeInboundSettings,
  type InboundSettingsInput,
} from './tickets/inbound/index.js';
import type { BusinessContext } from './context.js';
import type { ApiServices } from './api-services.js';

/** Everything one business owns, every call scoped to `ctx.businessId`. */
export function businessApi(ctx: BusinessContext, services: ApiServices) {
  return {
    id: ctx.businessId,
    clients: {
      create: createClient.bind(null, ctx),
      update: updateClient.bind(null, ctx),
      get: getClient.bind(null, ctx),
      list: listClients.bind(null, ctx),
      /**
       * `(contactId, { ttlSeconds? })`: a single-use grant, two minutes by
       * default, that signs the host's own signed-in user in as this contact
       * with no email (`<portico-portal grant="…">`).
       */
      signInGrant: issueSignInGrant.bind(null, ctx),
    },
    contacts: {
      add: addContact.bind(null, ctx),
      update: updateContact.bind(null, ctx),
      remove: removeContact.bind(null, ctx),
      findByEmail: findContactsByEmail.bind(null, ctx),
    },
    /**
     * The client's own side of its profile, as the signed-in contact edits it
     * in the portal: every call takes `{ clientId, contactId }` (the session's),
     * refuses the fields the business locked (`settings.lockedClientFields`)
     * and another client's contact (`contact_not_found`), and writes what
     * changed to the audit log on the client.
     */
    account: {
      /** Billing details, language, contacts (with who receives invoices) and the locked fields. */
      get: getClientAccount.bind(null, ctx),
      /** `{ name?, billingAddress?, vatId?, taxNumber?, contactName?, language?, timeZone? }`. */
      update: updateClientAccount.bind(null, ctx),
      /** `{ name, email, receivesInvoices? }`. */
      addContact: addAccountContact.bind(null, ctx),
      /** `{ name?, email?, receivesInvoices? }`: the last contact who receives invoices keeps them (`last_invoice_recipient`). */
      updateContact: updateAccountContact.bind(null, ctx),
      /** Not the signed-in contact itself, nor the last who receives invoices. */
      removeContact: removeAccountContact.bind(null, ctx),
    },
    invoices: {
      create: createInvoice.bind(null, ctx),
      update: updateInvoice.bind(null, ctx),
      issue: issueInvoice.bind(null, ctx),
      /** Issues a draft if needed and emails every contact of the client a sign-in link to it. */
      send: sendInvoice.bind(null, ctx),
      void: voidInvoice.bind(null, ctx),
      get: getInvoice.bind(null, ctx),
      list: listInvoices.bind(null, ctx),
      /** The numbers of these invoices by id (null for an unnumbered draft), in one query: what a list of estimates shows of the invoices they became. */
      numbersOf: invoiceNumbers.bind(null, ctx),
      /** The business's invoices across clients: filtered, sorted, paged by cursor, with counts per status. */
      search: searchInvoices.bind(null, ctx),
      /** One client's invoices as the client sees them (shared drafts only), paged by cursor, with counts. */
      listForClient: listClientInvoices.bind(null, ctx),
      /** One invoice as its client sees it; another client's invoice or an unshared draft is `invoice_not_found`. */
      getForClient: getClientInvoice.bind(null, ctx),
    },
    /**
     * Estimates: numbered from the business's own sequence (`EST-0001`), lines
     * computed as invoices' are. The `...ForClient` and `...AsClient` calls are
     * the client's side: they take the signed-in client's id and answer
     * `estimate_not_found` for anyone else's estimate or a never-sent draft.
     */
    estimates: {
      /** A draft; `validUntil` defaults to the issue date plus `settings.estimateValidDays` (30). */
      create: createEstimate.bind(null, ctx),
      /** Drafts only (`estimate_not_editable` once sent). */
      update: updateEstimate.bind(null, ctx),
      /** Marks a draft sent and emails every contact of the client a sign-in link that opens it. */
      send: sendEstimate.bind(null, ctx),
      void: voidEstimate.bind(null, ctx),
      /** The business makes a sent estimate an invoice itself (no acceptance record): `converted`. */
      convert: convertEstimate.bind(null, ctx),
      get: getEstimate.bind(null, ctx),
      /** By `clientId` and display status (`expired` is a sent estimate past its valid-until date). */
      list: listEstimates.bind(null, ctx),
      /** The client's sent estimates, newest first. */
      listForClient: listClientEstimates.bind(null, ctx),
      getForClient: getClientEstimate.bind(null, ctx),
      /** `{ name, confirmed: true, ip, userAgent }`: final; makes the invoice (`settings.estimateAcceptance`). */
      acceptAsClient: acceptEstimateAsClient.bind(null, ctx),
      /** `{ reason? }`: final. */
      declineAsClient: declineEstimateAsClient.bind(null, ctx),
    },
    statements: {
      /** Paid to date, outstanding, overdue and aging per currency, as of the business's today. */
      get: getStatement.bind(null, ctx),
      /** A statement of account for `{ from?, to? }` (default this calendar year so far): opening balance, invoices and payments with the running balance, closing balance, aging at the end. */
      forPeriod: getAccountStatement.bind(null, ctx),
    },
    /** What a client's PDFs are made from, checked as `invoices.getForClient` checks (another client's invoice is `invoice_not_found`). */
    documents: {
      /** One invoice's PDF input (`locale` defaults to the client's, then the business's). */
      invoiceForClient: clientInvoiceDocument.bind(null, ctx),
      /** The invoices for a ZIP, by ids or the list's filters, read in batches as consumed; the selection is checked before this returns. */
      invoicesForClient: clientInvoiceDocuments.bind(null, ctx),
      /** One of the client's sent estimates' PDF input; a draft or anyone else's is `estimate_not_found`. */
      estimateForClient: clientEstimateDocument.bind(null, ctx),
      /** The client's sent estimates for a ZIP (by `ids`, every one of which must be theirs, or all of them), read in batches as consumed. */
      estimatesForClient: clientEstimateDocuments.bind(null, ctx),
      /** Any of the business's estimates' PDF input, drafts included (the business's own view). */
      estimate: estimateDocument.bind(null, ctx),
      /** The receipt of one payment of one of the client's invoices: `invoice_not_found` for an invoice they may not see, `payment_not_found` for a payment not of it. */
      receiptForClient: clientReceiptDocument.bind(null, ctx),
      /** The receipt of one payment of any of the business's invoices. */
      receipt: receiptDocument.bind(null, ctx),
      /** The client's statement of account for a period, as its PDF is made. */
      statementForClient: clientStatementDocument.bind(null, ctx),
    },
    payments: {
      record: recordPayment.bind(null, ctx),
      list: listPayments.bind(null, ctx),
    },
    /**
     * The client pays online: an embedded Stripe Checkout for what is owed on
     * one of its invoices, and, when it comes back, how that went (a paid
     * session is booked at once; the webhook then finds it done).
     */
    checkout: {
      start: async (request: CheckoutRequest) => startCheckout(ctx, services.requireStripe(), request),
      sync: async (request: SyncCheckoutRequest) => syncCheckout(ctx, services.requireStripe(), request),
    },
    audit: {
      list: listAudit.bind(null, ctx),
    },
    /** The business's event log (docs/events.md), oldest first: `{ type?, from?, to?, cursor?, limit? }`, for a host catching up after an outage. */
    events: {
      list: listEvents.bind(null, ctx),
      get: getEvent.bind(null, ctx),
    },
    /**
     * Where the business's events are POSTed, signed per Standard Webhooks.
     * The secret is returned only by `create` and `rotateSecret`. Needs the
     * encryption key; URLs must be https to a public address (unless the host
     * allowed private ones for development).
     */
    webhooks: {
      /** `{ url, eventTypes: ['invoice.paid', ...] or ['*'], description?, enabled? }`. */
      create: async (input: WebhookEndpointInput) => createWebhookEndpoint(ctx, services.requireWebhooks(), input),
      update: async (endpointId: string, patch: WebhookEndpointUpdate) => updateWebhookEndpoint(ctx, { urlPolicy: services.webhookUrlPolicy }, endpointId, patch),
      rotateSecret: async (endpointId: string) => rotateWebhookSecret(ctx, services.requireWebhooks(), endpointId),
      remove: removeWebhookEndpoint.bind(null, ctx),
      get: getWebhookEndpoint.bind(null, ctx),
      list: listWebhookEndpoints.bind(null, ctx),
      /** Each event sent to each endpoint, with every attempt's answer, kept as long as the event (30 days). */
      deliveries: {
        /** Newest first: `{ endpointId?, eventId?, status?, limit?, before? }`. */
        list: listWebhookDeliveries.bind(null, ctx),
        /** One delivery with its attempts. */
        get: getWebhookDelivery.bind(null, ctx),
        /** Sends the delivery's event to its endpoint again (same event id), as a new delivery. */
        redeliver: redeliverWebhook.bind(null, ctx),
      },
    },
    /** Mail Portico sent: a bounce reported by a provider other than the Resend webhook and SMTP bounces Portico reads itself. */
    emails: {
      /** Marks the email the provider knows by this id as bounced (shown on its ticket message); undefined for an unknown id. */
      markBounced: markEmailBounced.bind(null, ctx),
    },
    /**
     * Support tickets. The `...ForClient` calls and `open`/`replyAsClient` are the
     * client's side: they take the signed-in client's id, never show internal
     * notes, and answer `ticket_not_found` for anyone else's ticket.
     */
    tickets: {
      /** A client opens a ticket (optionally about one of its invoices); returns the client's view of it. */
      open: openTicket.bind(null, ctx),
      /** The client's tickets and how many are unread for it. */
      listForClient: listClientTickets.bind(null, ctx),
      /** One of the client's tickets; `{ markRead: true }` clears its unread flag (the thread view). */
      getForClient: getClientTicket.bind(null, ctx),
      /** The client writes: reopens a closed ticket, unread for the business. */
      replyAsClient: replyAsClient.bind(null, ctx),
      /** The business's tickets by status (`all` by default) and unread, with the unread and held counts. */
      list: listTickets.bind(null, ctx),
      /** One ticket, internal notes included; `{ markRead: true }` clears the business's unread flag. */
      get: getTicket.bind(null, ctx),
      /** The business answers (emailed to the client's contacts) or adds an internal note (`internal: true`). */
      reply: replyToTicket.bind(null, ctx),
      close: closeTicket.bind(null, ctx),
      reopen: reopenTicket.bind(null, ctx),
      /** For a navigation badge: tickets unread by the business, inbound mail held for review. */
      unreadCount: ticketBadgeCounts.bind(null, ctx),
      /** A file's bytes, for the ticket's client (never an internal note's) or `'business'`. */
      attachment: readAttachment.bind(null, ctx),
    },
    /** Online card payments. Secret keys are sealed at rest and never returned. */
    stripe: {
      configure: async (input: StripeSettingsInput) => configureStripe(ctx, services.requireSecrets('Storing Stripe keys'), input),
      settings: getStripeSettings.bind(null, ctx),
      remove: removeStripe.bind(null, ctx),
    },
    /**
     * Inbound email (replies to ticket emails, new mail from clients): raw
     * messages from any source, and the mail held for a person to review.
     */
    inbound: {
      /** One raw RFC 5322 message: stored once, then appended, opened as a ticket, held or ignored. */
      receive: receiveInbound.bind(null, ctx),
      listHeld: listHeldInbound.bind(null, ctx),
      /** Into `ticketId`, the ticket it answered, or a new ticket of the sender's client. */
      accept: acceptHeldInbound.bind(null, ctx),
      discard: discardHeldInbound.bind(null, ctx),
      /** The raw-POST secret (hashed) and the Resend webhook secret and API key (sealed); never returned. */
      settings: {
        configure: async (input: InboundSettingsInput) => configureInbound(ctx, services.secrets, input),
        get: getInboundSettings.bind(null, ctx),
        remove: removeInboundSettings.bind(null, ctx),
      },
    },
  };
}

export type BusinessApi = ReturnType<typeof businessApi>;
