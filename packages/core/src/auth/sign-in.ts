import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import { signInLinkUrl } from '../businesses/portal-page.js';
import { clientRecipients } from '../clients/contacts.js';
import { enqueueEmail } from '../email/outbox.js';
import { SIGN_IN_TOKEN_PLACEHOLDER } from '../email/sign-in-link.js';
import { renderInvoiceEmail, renderSignInEmail } from '../email/templates/index.js';
import { getInvoice } from '../invoices/invoice-queries.js';
import { issueInvoice } from '../invoices/invoices.js';
import type { Invoice } from '../invoices/invoice-model.js';
import { recordAudit } from '../audit/audit-log.js';
import type { BusinessContext, CoreContext } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import type { Locale } from '../shared/locales.js';
import { normalizeEmail, requireEmail } from '../shared/validate.js';
import {
  SIGN_IN_LINK_TTL_MS,
  emailLinkTtlMs,
  inspectMagicLinkToken,
  redeemMagicLinkToken,
  type MagicLinkState,
} from './magic-links.js';
import { startSession, type SessionKind, type StartedSession } from './sessions.js';

export interface SendInvoiceOptions {
  /** How long the links in this email work (default 7 days, or the business's `settings.invoiceLinkTtlDays`). */
  linkTtlMs?: number;
}

export interface SentInvoice {
  invoice: Invoice;
  /** One email per contact of the client. */
  emailsQueued: number;
}

/**
 * Sends an invoice: issues it if it is a draft, then emails every contact of
 * its client a single-use link into the portal. The emails go into the outbox
 * in the same transaction, so none is lost; sending again adds new links and
 * leaves the ones already sent working.
 */
export async function sendInvoice(ctx: BusinessContext, invoiceId: string, options: SendInvoiceOptions = {}): Promise<SentInvoice> {
  let invoice = await getInvoice(ctx, invoiceId);
  if (invoice.status === 'draft') invoice = await issueInvoice(ctx, invoiceId);
  if (invoice.status === 'void') {
    throw new PorticoError('invalid_status_transition', `Invoice ${invoice.number ?? invoice.id} is void and cannot be sent.`);
  }
  const business = toBusiness(await requireBusinessRow(ctx.db, ctx.businessId));
  const ttlMs = options.linkTtlMs ?? emailLinkTtlMs(business);
  if (!Number.isInteger(ttlMs) || ttlMs < 60_000 || ttlMs > 90 * 86_400_000) {
    throw new PorticoError('invalid_input', 'linkTtlMs must be between one minute and 90 days.', { field: 'linkTtlMs' });
  }

  const emailsQueued = await ctx.db.transaction().execute(async (trx) => {
    const client = await trx
      .selectFrom('clients')
      .select(['locale'])
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', invoice.clientId)
      .executeTakeFirstOrThrow();
    const contacts = await clientRecipients(trx, ctx.businessId, invoice.clientId);
    if (contacts.length === 0) {
      throw new PorticoError('invalid_input', 'This client has no contacts to send the invoice to; add one first.', { field: 'clientId' });
    }
    const locale = (client.locale as Locale | null) ?? business.locale;
    for (const contact of contacts) {
      const email = renderInvoiceEmail({
        business,
        contactName: contact.name,
        invoice,
        link: signInLinkUrl(business, SIGN_IN_TOKEN_PLACEHOLDER),
        linkExpiresAt: new Date(ctx.clock.now().getTime() + ttlMs),
        locale,
      });
      await enqueueEmail(trx, ctx, {
        kind: 'invoice_sent',
        to: contact.email,
        ...email,
        signInLink: { clientId: invoice.clientId, contactId: contact.id, purpose: 'invoice_email', invoiceId: invoice.id, ttlMs },
      });
    }
    await recordAudit(trx, ctx, {
      action: 'invoice.sent',
      entityType: 'invoice',
      entityId: invoice.id,
      details: { recipients: contacts.length },
    });
    return contacts.length;
  });
  return { invoice: await getInvoice(ctx, invoice.id), emailsQueued };
}

/**
 * "Email me a link": sends a 10-minute link to every contact of the business
 * with this address. Callers answer the same whether or not one was found.
 */
export async function requestSignInLink(ctx: CoreContext, businessId: string, email: string): Promise<{ emailsQueued: number }> {
  const address = requireEmail(email, 'email');
  const business = toBusiness(await requireBusinessRow(ctx.db, businessId));
  const scoped: BusinessContext = { ...ctx, businessId, actor: 'system:sign-in' };
  return ctx.db.transaction().execute(async (trx) => {
    const contacts = await trx
      .selectFrom('contacts')
      .innerJoin('clients', 'clients.id', 'contacts.client_id')
      .select(['contacts.id', 'contacts.name', 'contacts.email', 'contacts.client_id', 'clients.locale'])
      .where('contacts.business_id', '=', businessId)
      .where('clients.business_id', '=', businessId)
      .where('clients.archived', '=', 0)
      .where('contacts.email_normalized', '=', normalizeEmail(address))
      .execute();
    for (const contact of contacts) {
      const message = renderSignInEmail({
        business,
        contactName: contact.name,
        link: signInLinkUrl(business, SIGN_IN_TOKEN_PLACEHOLDER),
        expiresInMinutes: SIGN_IN_LINK_TTL_MS / 60_000,
        locale: (contact.locale as Locale | null) ?? business.locale,
      });
      await enqueueEmail(trx, scoped, {
        kind: 'sign_in_link',
        to: contact.email,
        ...message,
        signInLink: { clientId: contact.client_id, contactId: contact.id, purpose: 'sign_in', invoiceId: null, ttlMs: SIGN_IN_LINK_TTL_MS },
      });
    }
    return { emailsQueued: contacts.length };
  });
}

/** Whether a link still works, for the landing page; consumes nothing. */
export function inspectSignInLink(ctx: CoreContext, businessId: string, token: string): Promise<MagicLinkState> {
  return inspectMagicLinkToken(ctx, businessId, token);
}

export interface RedeemedSignIn extends StartedSession {
  /** The invoice the email was about, to show first. */
  invoiceId: string | null;
  /** The ticket the email was about, to show first (a link names at most one of the two). */
  ticketId: string | null;
}

/**
 * Spends a link and starts a session, in one transaction: exactly one of any
 * number of concurrent redemptions succeeds.
 */
export async function redeemSignInLink(
  ctx: CoreContext,
  businessId: string,
  token: string,
  kind: SessionKind,
): Promise<RedeemedSignIn> {
  const now = ctx.clock.now();
  const started = await ctx.db.transaction().execute(async (trx) => {
    const link = await redeemMagicLinkToken(trx, now, businessId, token);
    if (!link) return undefined;
    const session = await startSession(trx, now, { ...link, kind });
    await recordAudit(trx, { ...ctx, businessId, actor: `client:${link.contactId}` }, {
      action: 'client.signed_in',
      entityType: 'client',
      entityId: link.clientId,
      details: { via: link.purpose, kind },
    });
    return { ...session, invoiceId: link.invoiceId, ticketId: link.ticketId };
  });
  if (started) return started;
  const state = await inspectMagicLinkToken(ctx, businessId, token);
  throw state === 'expired'
    ? new PorticoError('link_expired', 'This sign-in link has expired. Ask for a new one below.')
    : new PorticoError('link_invalid', 'This sign-in link has already been used or is not valid. Ask for a new one below.');
}
