import { paymentsOfInvoices, type InvoicePaymentEntry } from '../invoices/invoice-payments.js';
import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import { requireClientRow } from '../clients/client-row.js';
import { calendarDate } from '../shared/clock.js';
import { getClientInvoice } from '../invoices/client-invoice.js';
import { listClientInvoices, type InvoiceListQuery } from '../invoices/invoice-list.js';
import { toInvoiceLine, toInvoiceSummary, type Invoice } from '../invoices/invoice-model.js';
import type { BusinessContext } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { requireLocale, type Locale } from '../shared/locales.js';
import type { InvoiceDocumentInput } from './invoice-pdf.js';
import { MAX_ZIP_ENTRIES } from './zip-writer.js';
import { visibleToClient } from '../invoices/invoice-sql.js';
import { readLineRowsOf } from '../invoices/document-lines.js';
import type { BusinessRow, ClientRow } from '../db/schema.js';
import { invoiceParties } from '../invoices/invoice-parties.js';

/** Most ids one ZIP may ask for by `ids`. */
export const MAX_ZIP_IDS = 5_000;
/** Most invoices one ZIP holds: every entry a ZIP can have but the one for invoices.csv. */
export const MAX_ZIP_INVOICES = MAX_ZIP_ENTRIES - 1;
/** Invoices read from the database at a time while a ZIP is made. */
const BATCH = 50;

/** Which invoices go into a ZIP: these ids (the client's visible ones among them), or those matching the list's filters. */
export type ClientDocumentSelection = { ids: readonly string[] } | { query: Omit<InvoiceListQuery, 'cursor' | 'limit'> };

/** What every document of one client's is drawn with: the business, the client, the language. */
export interface DocumentContext {
  business: InvoiceDocumentInput['business'];
  client: { name: string };
  locale: Locale;
  businessRow: BusinessRow;
  clientRow: ClientRow;
}

/** The PDF's input for one invoice: seller and buyer as frozen when it was issued (as they are now for a draft). */
function documentInput(context: DocumentContext, { invoice, parties: frozenParties, payments }: StoredInvoice): InvoiceDocumentInput {
  const parties = invoiceParties(frozenParties, context.businessRow, context.clientRow);
  return {
    business: context.business,
    client: frozenParties === null ? context.client : { name: parties.buyer.name },
    parties,
    payments,
    locale: context.locale,
    invoice,
  };
}

/** An invoice as the PDF is made from it: with its lines, its frozen parties (null on a draft) and its payments. */
interface StoredInvoice {
  invoice: Invoice;
  parties: string | null;
  payments: InvoicePaymentEntry[];
}

/**
 * What the PDF of one of the client's invoices is made from, only if the
 * client may see it (theirs, and not an unshared draft); anything else is
 * `invoice_not_found`. `locale` defaults to the client's, then the business's.
 */
export async function clientInvoiceDocument(
  ctx: BusinessContext,
  clientId: string,
  invoiceId: string,
  locale?: Locale,
): Promise<InvoiceDocumentInput> {
  const invoice = await getClientInvoice(ctx, clientId, invoiceId);
  const context = await documentContext(ctx, clientId, locale);
  const { clientName, payments, parties, ...plain } = invoice;
  return { business: context.business, client: { name: clientName }, parties, payments, locale: context.locale, invoice: plain };
}

/**
 * The client's invoices for a ZIP, one at a time, read from the database
 * `BATCH` at a time as they are consumed. With `ids`, only the ones the client
 * may see, in the order asked, each once: another client's id, an unshared
 * draft or an unknown id is left out without a word. With `query`, the list's
 * filters and sort, paged through `listClientInvoices`. The selection is
 * checked (and the first batch read) before this returns, so a bad filter is
 * an error and not a broken download.
 */
export async function clientInvoiceDocuments(
  ctx: BusinessContext,
  clientId: string,
  selection: ClientDocumentSelection,
  locale?: Locale,
): Promise<AsyncIterable<InvoiceDocumentInput>> {
  const context = await documentContext(ctx, clientId, locale);
  const toInput = (stored: StoredInvoice): InvoiceDocumentInput => documentInput(context, stored);

  if ('ids' in selection) {
    const ids = [...new Set(selection.ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
    if (ids.length > MAX_ZIP_IDS) {
      throw new PorticoError('invalid_input', `ids may name at most ${MAX_ZIP_IDS} invoices.`, { field: 'ids' });
    }
    const first = await visibleInvoices(ctx, clientId, ids.slice(0, BATCH));
    return (async function* () {
      yield* first.map(toInput);
      for (let start = BATCH; start < ids.length; start += BATCH) {
        for (const invoice of await visibleInvoices(ctx, clientId, ids.slice(start, start + BATCH))) yield toInput(invoice);
      }
    })();
  }

  const firstPage = await listClientInvoices(ctx, clientId, { ...selection.query, limit: BATCH });
  if (firstPage.total > MAX_ZIP_INVOICES) {
    // Said before the first byte: the archive could not hold them all, and would fail at the end of a long download.
    throw new PorticoError(
      'invalid_input',
      `One ZIP holds at most ${MAX_ZIP_INVOICES} invoices and ${firstPage.total} match: narrow them by date or status.`,
      { field: 'query' },
    );
  }
  return (async function* () {
    let page = firstPage;
    for (;;) {
      for (const invoice of await visibleInvoices(ctx, clientId, page.invoices.map((entry) => entry.id))) yield toInput(invoice);
      if (!page.nextCursor) return;
      page = await listClientInvoices(ctx, clientId, { ...selection.query, limit: BATCH, cursor: page.nextCursor });
    }
  })();
}

/** These invoices with their lines, in the order of `ids`, keeping only the ones the client may see. */
async function visibleInvoices(ctx: BusinessContext, clientId: string, ids: string[]): Promise<StoredInvoice[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('invoices')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', clientId)
    .where('id', 'in', ids)
    .where(visibleToClient)
    .execute();
  if (rows.length === 0) return [];
  const lines = await readLineRowsOf(ctx.db, 'invoice_lines', ctx.businessId, rows.map((row) => row.id));
  const business = await requireBusinessRow(ctx.db, ctx.businessId);
  const today = calendarDate(ctx.clock.now(), business.time_zone);
  const payments = await paymentsOfInvoices(ctx.db, ctx.businessId, clientId, rows.map((row) => row.id));
  const byInvoice = new Map<string, StoredInvoice>();
  for (const row of rows) {
    const invoice = { ...toInvoiceSummary(row, today), lines: (lines.get(row.id) ?? []).map(toInvoiceLine) };
    byInvoice.set(row.id, { invoice, parties: row.parties, payments: payments.get(row.id) ?? [] });
  }
  return ids.flatMap((id) => {
    const invoice = byInvoice.get(id);
    return invoice ? [invoice] : [];
  });
}

/** The business and client rows and the language a client's documents are drawn in (`locale`, else the client's, else the business's), its dates in the client's zone, else the business's. */
export async function documentContext(ctx: BusinessContext, clientId: string, locale: Locale | undefined): Promise<DocumentContext> {
  const businessRow = await requireBusinessRow(ctx.db, ctx.businessId);
  const business = toBusiness(businessRow);
  const client = await requireClientRow(ctx.db, ctx.businessId, clientId);
  const chosen = locale === undefined ? ((client.locale as Locale | null) ?? business.locale) : requireLocale(locale, 'locale');
  return {
    business: { id: business.id, name: business.name, brandColor: business.brandColor, logoUrl: business.logoUrl, timeZone: client.time_zone ?? business.timeZone },
    client: { name: client.name },
    locale: chosen,
    businessRow,
    clientRow: client,
  };
}
