import type { Migration, MigrationProvider } from 'kysely';
import { initialSchema } from './0001-initial.js';
import { billingIndexes } from './0002-billing-indexes.js';
import { stripeAccounts } from './0003-stripe.js';
import { ticketAttachments } from './0004-tickets.js';
import { inboundMail } from './0005-inbound.js';
import { ticketSignInLinks } from './0006-ticket-sign-in-links.js';
import { inboundDomainAndOutboxMail } from './0007-inbound-domain-and-outbox-mail.js';
import { searchText } from './0008-search-text.js';
import { lawfulInvoices } from './0009-lawful-invoices.js';
import { estimates } from './0010-estimates.js';
import { signInRequests } from './0011-sign-in-requests.js';
import { contactInvoiceRecipients } from './0012-contact-invoice-recipients.js';
import { events } from './0013-events.js';
import { clientTimeZone } from './0016-client-time-zone.js';
import { quotedText } from './0017-quoted-text.js';
import { statementTotals } from './0018-statement-totals.js';

/**
 * Migrations are listed here in code (no folder scanning at run time, so they
 * survive bundling). Add new ones at the end; never edit one that has shipped.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': initialSchema,
  '0002-billing-indexes': billingIndexes,
  '0003-stripe': stripeAccounts,
  '0004-tickets': ticketAttachments,
  '0005-inbound': inboundMail,
  '0006-ticket-sign-in-links': ticketSignInLinks,
  '0007-inbound-domain-and-outbox-mail': inboundDomainAndOutboxMail,
  '0008-search-text': searchText,
  '0009-lawful-invoices': lawfulInvoices,
  '0010-estimates': estimates,
  '0011-sign-in-requests': signInRequests,
  '0012-contact-invoice-recipients': contactInvoiceRecipients,
  '0013-events': events,
  '0016-client-time-zone': clientTimeZone,
  '0017-quoted-text': quotedText,
  '0018-statement-totals': statementTotals,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
