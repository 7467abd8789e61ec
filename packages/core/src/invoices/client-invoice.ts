import { businessToday } from '../businesses/business-today.js';
import type { BusinessContext } from '../context.js';
import type { InvoiceRow } from '../db/schema.js';
import { PorticoError } from '../shared/errors.js';
import { toInvoiceSummary, type Invoice } from './invoice-model.js';
import { readInvoiceLines } from './invoice-queries.js';
import { visibleToClient } from './invoice-sql.js';
import { requireBusinessRow } from '../businesses/businesses.js';
import { requireClientRow } from '../clients/client-row.js';
import { invoiceParties, type InvoiceParties } from './invoice-parties.js';
import { paymentsOfInvoices, type InvoicePaymentEntry } from './invoice-payments.js';

export type { InvoicePaymentEntry };

/** One invoice as its client may see it: lines, payments and the client's name. */
export interface ClientInvoice extends Invoice {
  clientName: string;
  /** Oldest first. */
  payments: InvoicePaymentEntry[];
  /** Seller and buyer as the invoice shows them: frozen when issued, as they are now on a draft. */
  parties: InvoiceParties;
}

/**
 * The invoice, only if it is this client's and the client may see it (not an
 * unshared draft). Anything else, another client's or another business's
 * invoice included, is `invoice_not_found`, with nothing of it read out.
 */
export async function getClientInvoice(ctx: BusinessContext, clientId: string, invoiceId: string): Promise<ClientInvoice> {
  const today = await businessToday(ctx);
  const invoice = await requireClientInvoiceRow(ctx, clientId, invoiceId);
  const client = await requireClientRow(ctx.db, ctx.businessId, clientId);
  const parties = invoiceParties(invoice.parties, await requireBusinessRow(ctx.db, ctx.businessId), client);
  const clientName = invoice.parties === null ? client.name : parties.buyer.name;
  const lines = await readInvoiceLines(ctx, invoiceId);
  const payments = (await paymentsOfInvoices(ctx.db, ctx.businessId, clientId, [invoiceId])).get(invoiceId) ?? [];
  return {
    ...toInvoiceSummary(invoice, today),
    lines,
    clientName,
    parties,
    payments,
  };
}

/** The invoice's row, only if it is this client's and the client may see it; anything else is `invoice_not_found`. */
export async function requireClientInvoiceRow(ctx: BusinessContext, clientId: string, invoiceId: string): Promise<InvoiceRow> {
  const row =
    typeof clientId === 'string' && typeof invoiceId === 'string'
      ? await ctx.db
          .selectFrom('invoices')
          .selectAll()
          .where('invoices.business_id', '=', ctx.businessId)
          .where('invoices.client_id', '=', clientId)
          .where('invoices.id', '=', invoiceId)
          .where(visibleToClient)
          .executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('invoice_not_found', 'No such invoice.', { field: 'invoiceId' });
  return row;
}
