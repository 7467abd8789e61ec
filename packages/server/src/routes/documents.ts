import {
  createInvoicePdfRenderer,
  createReceiptPdfRenderer,
  createStatementPdfRenderer,
  type ReceiptPdfRenderer,
  type StatementPdfRenderer,
  createZipNamer,
  invoicePdfCacheKey,
  invoiceZipStream,
  type ClientDocumentSelection,
  type InvoicePdfRenderer,
} from '@portico/core';
import { Hono } from 'hono';
import { clientScope, type ClientSessionVariables } from '../http/client-session.js';
import type { ServerContext } from '../server-context.js';
import { invoiceListQueryFrom } from '../http/invoice-list-query.js';
import { idsFrom, localeFrom, pdfDownload, periodFrom, receiptDownload, statementDownload, zipDownload } from '../http/pdf-download.js';

/** Invoice ids only, so `download.zip` beside them is never taken for one. */
const INVOICE_ID = ':id{inv_[A-Za-z0-9_-]+}';
const PAYMENT_ID = ':paymentId{pay_[A-Za-z0-9_-]+}';

export interface DocumentRoutesOptions {
  /** Renders PDFs through a cache (default: a small in-memory LRU, rendering on the process's PDF thread). */
  renderer?: InvoicePdfRenderer;
  receiptRenderer?: ReceiptPdfRenderer;
  statementRenderer?: StatementPdfRenderer;
}

/**
 * Documents as plain downloads, inside `/api` (behind the client session that
 * `clientApiRoutes` puts on every `/api` request; each handler checks it is
 * there, so a route mounted without it fails closed):
 * - `GET /invoices/:id/pdf`: the PDF of one invoice the client may see
 *   (`?locale=` to pick the language; default the client's, then the
 *   business's). ETag from the invoice version; 404 with no bytes otherwise.
 * - `GET /invoices/download.zip`: `?ids=a,b,c`, or the list's filters
 *   (`status`, `from`, `to`, `q`, `sort`, `order`): a ZIP of PDFs plus
 *   `invoices.csv`, made as it is sent.
 * - `GET /invoices/:id/payments/:paymentId/receipt.pdf`: the receipt of one
 *   payment of an invoice the client may see (`?locale=`); anything else 404.
 * - `GET /statement.pdf`: the statement of account for `?from=&to=`
 *   (calendar dates; default this calendar year so far), `?locale=`.
 */
export function documentRoutes(server: ServerContext, options: DocumentRoutesOptions = {}): Hono<{ Variables: ClientSessionVariables }> {
  const app = new Hono<{ Variables: ClientSessionVariables }>();
  const renderer = options.renderer ?? createInvoicePdfRenderer();
  const receipts = options.receiptRenderer ?? createReceiptPdfRenderer();
  const statements = options.statementRenderer ?? createStatementPdfRenderer();

  app.get('/invoices/download.zip', async (c) => {
    const { scope, session } = clientScope(server, c);
    const ids = idsFrom(c);
    const selection: ClientDocumentSelection = ids ? { ids } : { query: withoutPaging(invoiceListQueryFrom(c)) };
    // Reads the first batch now: a bad filter is a 400, not a broken download.
    const invoices = await scope.documents.invoicesForClient(session.clientId, selection, localeFrom(c));
    const stream = invoiceZipStream({
      invoices,
      render: async (input) => {
        try {
          return await renderer.render(input);
        } catch (error) {
          server.logger.error('Rendering an invoice PDF for a ZIP failed', { invoiceId: input.invoice.id, error: String(error) });
          throw error;
        }
      },
    });
    return zipDownload(stream, `invoices-${c.get('business').slug}.zip`);
  });

  app.get(`/invoices/${INVOICE_ID}/pdf`, async (c) => {
    const { scope, session } = clientScope(server, c);
    const input = await scope.documents.invoiceForClient(session.clientId, c.req.param('id'), localeFrom(c));
    return pdfDownload(c, { cacheKey: invoicePdfCacheKey(input), fileName: createZipNamer()(input.invoice), render: () => renderer.render(input) });
  });

  app.get(`/invoices/${INVOICE_ID}/payments/${PAYMENT_ID}/receipt.pdf`, async (c) => {
    const { scope, session } = clientScope(server, c);
    const input = await scope.documents.receiptForClient(session.clientId, c.req.param('id'), c.req.param('paymentId'), localeFrom(c));
    return receiptDownload(c, input, receipts);
  });

  app.get('/statement.pdf', async (c) => {
    const { scope, session } = clientScope(server, c);
    const input = await scope.documents.statementForClient(session.clientId, periodFrom(c), localeFrom(c));
    return statementDownload(c, input, c.get('business').slug, statements);
  });

  return app;
}

function withoutPaging<T extends { cursor?: unknown; limit?: unknown; clientId?: unknown }>(query: T): Omit<T, 'cursor' | 'limit' | 'clientId'> {
  const { cursor: _cursor, limit: _limit, clientId: _clientId, ...rest } = query;
  return rest;
}
