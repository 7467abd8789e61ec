import { recordAudit } from '../audit/audit-log.js';
import { recordInvoiceEvent } from '../events/event-data.js';
import { documentLinkTtlMs, queueClientLinkEmails } from '../auth/client-link-emails.js';
import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import type { BusinessContext } from '../context.js';
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
  const ttlMs = documentLinkTtlMs(business, options.linkTtlMs);

  const emailsQueued = await ctx.db.transaction().execute(async (trx) => {
    const queued = await queueClientLinkEmails(trx, ctx, business, {
      clientId: invoice.clientId,
      kind: 'invoice_sent',
      purpose: 'invoice_email',
      target: { invoiceId: invoice.id },
      ttlMs,
      what: 'invoice',
      render: (email) => renderInvoiceEmail({ invoice, ...email }),
    });
    await recordAudit(trx, ctx, {
      action: 'invoice.sent',
      entityType: 'invoice',
      entityId: invoice.id,
      details: { recipients: queued },
    });
    await recordInvoiceEvent(trx, ctx, 'invoice.sent', invoice.id);
    return queued;
  });
  return { invoice: await getInvoice(ctx, invoice.id), emailsQueued };
}
