import type { Kysely } from 'kysely';
import { listAudit } from './audit/audit-log.js';
import {
  createBusiness,
  findBusinessBySlug,
  getBusiness,
  listBusinesses,
  updateBusiness,
} from './businesses/businesses.js';
import { createClient, getClient, listClients, updateClient } from './clients/clients.js';
import { addContact, findContactsByEmail, removeContact, updateContact } from './clients/contacts.js';
import type { PorticoSchema } from './db/schema.js';
import { createInvoice, issueInvoice, updateInvoice, voidInvoice } from './invoices/invoices.js';
import { getInvoice, listInvoices } from './invoices/invoice-queries.js';
import { listClientInvoices, searchInvoices } from './invoices/invoice-list.js';
import { getClientInvoice } from './invoices/client-invoice.js';
import { clientInvoiceDocument, clientInvoiceDocuments } from './documents/client-documents.js';
import { getStatement } from './statements/statement.js';
import { getClientTicket, listClientTickets, openTicket, replyAsClient } from './tickets/client-tickets.js';
import { closeTicket, getTicket, listTickets, reopenTicket, replyToTicket, ticketBadgeCounts } from './tickets/business-tickets.js';
import { readAttachment } from './tickets/attachments.js';
import { listPayments, recordPayment } from './payments/payments.js';
import { sendInvoice } from './invoices/send-invoice.js';
import { systemClock, type Clock } from './shared/clock.js';
import { PorticoError } from './shared/errors.js';
import { createSecretBox, type SecretBox } from './shared/secret-box.js';
import { configureStripe, getStripeSettings, removeStripe, type StripeSettingsInput } from './payments/stripe/stripe-settings.js';
import {
  acceptHeldInbound,
  configureInbound,
  discardHeldInbound,
  findBusinessForRecipient,
  getInboundSettings,
  listHeldInbound,
  receiveInbound,
  removeInboundSettings,
  type InboundSettingsInput,
} from './tickets/inbound/index.js';
import type { BusinessContext, CoreContext } from './context.js';

export interface PorticoApiOptions {
  db: Kysely<PorticoSchema>;
  clock?: Clock;
  /**
   * Seals secrets at rest (a business's Stripe keys): 32 random bytes as
   * base64 or hex. Without it, Stripe can't be configured.
   */
  encryptionKey?: string;
  /** The box sealing those secrets, when the caller has already made it from the key (it wins over `encryptionKey`). */
  secrets?: SecretBox;
}

/**
 * The typed programmatic API for the business's own back end. Tenants are
 * managed at the top; everything else goes through `business(id)`, so every
 * call is scoped to one business and can never reach another's rows.
 *
 * ```ts
 * const acme = api.business(businessId);
 * const client = await acme.clients.create({ name: 'Globex', contacts: [{ name: 'Ann', email: 'ann@globex.test' }] });
 * const draft = await acme.invoices.create({ clientId: client.id, currency: 'EUR', lines: [...] });
 * await acme.invoices.issue(draft.id);
 * ```
 */
export function createPorticoApi({ db, clock = systemClock, encryptionKey, secrets = encryptionKey ? createSecretBox(encryptionKey) : undefined }: PorticoApiOptions) {
  const core: CoreContext = { db, clock };
  return {
    businesses: {
      create: createBusiness.bind(null, core),
      update: updateBusiness.bind(null, core),
      get: getBusiness.bind(null, core),
      findBySlug: findBusinessBySlug.bind(null, core),
      list: listBusinesses.bind(null, core),
    },
    /** Everything one business owns. `actor` names who acts, for the audit log (default `api`). */
    business(businessId: string, { actor = 'api' }: { actor?: string } = {}) {
      return businessApi({ ...core, businessId, actor }, secrets);
    },
    /** Inbound mail before it has a business: whose is an SMTP recipient (null: refuse it at RCPT TO). */
    inbound: {
      businessForRecipient: async (address: string) => findBusinessForRecipient(core, address),
    },
  };
}

function businessApi(ctx: BusinessContext, secrets: SecretBox | undefined) {
  return {
    id: ctx.businessId,
    clients: {
      create: createClient.bind(null, ctx),
      update: updateClient.bind(null, ctx),
      get: getClient.bind(null, ctx),
      list: listClients.bind(null, ctx),
    },
    contacts: {
      add: addContact.bind(null, ctx),
      update: updateContact.bind(null, ctx),
      remove: removeContact.bind(null, ctx),
      findByEmail: findContactsByEmail.bind(null, ctx),
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
      /** The business's invoices across clients: filtered, sorted, paged by cursor, with counts per status. */
      search: searchInvoices.bind(null, ctx),
      /** One client's invoices as the client sees them (shared drafts only), paged by cursor, with counts. */
      listForClient: listClientInvoices.bind(null, ctx),
      /** One invoice as its client sees it; another client's invoice or an unshared draft is `invoice_not_found`. */
      getForClient: getClientInvoice.bind(null, ctx),
    },
    statements: {
      /** Paid to date, outstanding, overdue and aging per currency, as of the business's today. */
      get: getStatement.bind(null, ctx),
    },
    /** What a client's PDFs are made from, checked as `invoices.getForClient` checks (another client's invoice is `invoice_not_found`). */
    documents: {
      /** One invoice's PDF input (`locale` defaults to the client's, then the business's). */
      invoiceForClient: clientInvoiceDocument.bind(null, ctx),
      /** The invoices for a ZIP, by ids or the list's filters, read in batches as consumed; the selection is checked before this returns. */
      invoicesForClient: clientInvoiceDocuments.bind(null, ctx),
    },
    payments: {
      record: recordPayment.bind(null, ctx),
      list: listPayments.bind(null, ctx),
    },
    audit: {
      list: listAudit.bind(null, ctx),
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
      configure: async (input: StripeSettingsInput) => configureStripe(ctx, requireSecretBox(secrets), input),
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
        configure: async (input: InboundSettingsInput) => configureInbound(ctx, secrets, input),
        get: getInboundSettings.bind(null, ctx),
        remove: removeInboundSettings.bind(null, ctx),
      },
    },
  };
}

function requireSecretBox(secrets: SecretBox | undefined): SecretBox {
  if (!secrets) {
    throw new PorticoError('invalid_input', 'Storing Stripe keys needs an encryptionKey (createPortico({ encryptionKey })): 32 random bytes, base64 or hex.');
  }
  return secrets;
}

export type PorticoApi = ReturnType<typeof createPorticoApi>;
export type BusinessApi = ReturnType<typeof businessApi>;
