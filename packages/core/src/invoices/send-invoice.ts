import { recordAudit } from '../audit/audit-log.js';
import { emailLinkTtlMs } from '../auth/magic-links.js';
import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import { signInLinkUrl } from '../businesses/portal-page.js';
import { clientAudience } from '../clients/client-audience.js';
import type { BusinessContext } from '../context.js';
import { enqueueEmail } from '../email/outbox.js';
import { deferredSignInLink, SIGN_IN_TOKEN_PLACEHOLDER } from '../auth/email-sign-in-link.js';
import { renderInvoiceEmail } from '../email/templates/index.js';
import { PorticoError } from '../shared/errors.js';
import type { Invoice } from './invoice-model.js';
import { getInvoice } from './invoice-queries.js';
import { issueInvoice } from './invoices.js';

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
    const { locale, contacts } = await clientAudience(trx, ctx.businessId, invoice.clientId, business.locale);
    if (contacts.length === 0) {
      throw new PorticoError('invalid_input', 'This client has no contacts to send the invoice to; add one first.', { field: 'clientId' });
    }
    for (const contact of contacts) {
      const email = renderInvoiceEmail({
        business,
        contactName: contact.name,
        invoice,
        link: signInLinkUrl(business, SIGN_IN_TOKEN_PLACEHOLDER),
        linkExpiresAt: new Date(ctx.clock.now().getTime() + ttlMs),
        locale,
      });
      const link = { clientId: invoice.clientId, contactId: contact.id, purpose: 'invoice_email', invoiceId: invoice.id, ttlMs } as const;
      await enqueueEmail(trx, ctx, { kind: 'invoice_sent', to: contact.email, ...email }, deferredSignInLink(link, email));
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
