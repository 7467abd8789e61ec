import { createReceiptPdfRenderer, createStatementPdfRenderer, type ReceiptPdfRenderer, type StatementPdfRenderer } from '@portico/core';
import { Hono, type Context } from 'hono';
import type { AdminVariables } from '../http/admin-auth.js';
import { localeFrom, periodFrom, receiptDownload, statementDownload } from '../http/pdf-download.js';
import type { ServerContext } from '../server-context.js';

type AdminEnv = { Variables: AdminVariables };

export interface AdminDocumentRoutesOptions {
  receiptRenderer?: ReceiptPdfRenderer;
  statementRenderer?: StatementPdfRenderer;
}

/**
 * The business's copies of what its clients download (inside `/admin`,
 * behind `authorizeAdmin`): the same PDFs, for any of its clients.
 * - `GET /invoices/:id/payments/:paymentId/receipt.pdf?locale=`: one payment's receipt.
 * - `GET /clients/:id/statement.pdf?from=&to=&locale=`: a client's statement of account.
 * Another business's invoice, payment or client is a 404.
 */
export function adminDocumentRoutes(server: ServerContext, options: AdminDocumentRoutesOptions = {}): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const receipts = options.receiptRenderer ?? createReceiptPdfRenderer();
  const statements = options.statementRenderer ?? createStatementPdfRenderer();

  app.get('/invoices/:id/payments/:paymentId/receipt.pdf', async (c) => {
    const input = await adminScope(c).documents.receipt(c.req.param('id'), c.req.param('paymentId'), localeFrom(c));
    return receiptDownload(c, input, receipts);
  });

  app.get('/clients/:id/statement.pdf', async (c) => {
    const scope = adminScope(c);
    const client = await scope.clients.get(c.req.param('id'));
    const input = await scope.documents.statementForClient(client.id, periodFrom(c), localeFrom(c));
    const business = await server.api.businesses.get(scope.id);
    return statementDownload(c, input, business.slug, statements);
  });

  function adminScope(c: Context<AdminEnv>) {
    const { businessId, userId } = c.get('admin');
    return server.api.business(businessId, { actor: `admin:${userId}` });
  }

  return app;
}
