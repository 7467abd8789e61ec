import { Hono } from 'hono';
import { clientScope, type ClientSessionVariables } from '../http/client-session.js';
import type { ServerContext } from '../server-context.js';
import type { InvoiceDetailResponse, InvoiceListResponse, StatementResponse } from '@portico/wire';
import { invoiceListQueryFrom } from '../http/invoice-list-query.js';
import { toInvoiceDetail, toInvoiceListItem, toStatementResponse } from '../wire-mappers/billing.js';

/** Invoice ids only, so `/invoices/download.zip` and other fixed paths beside it stay free. */
const INVOICE_ID = ':id{inv_[A-Za-z0-9_-]+}';

/**
 * The client's billing view (inside `/api`, behind the client session):
 * statement, invoice list, one invoice. Every read is scoped to the session's
 * business and client; an invoice that is not theirs to see is a 404 that
 * says nothing about it.
 */
export function billingRoutes(server: ServerContext): Hono<{ Variables: ClientSessionVariables }> {
  const app = new Hono<{ Variables: ClientSessionVariables }>();

  app.get('/statement', async (c) => {
    const { session, scope } = clientScope(server, c);
    const statement = await scope.statements.get(session.clientId);
    c.header('Cache-Control', 'no-store');
    return c.json<StatementResponse>(toStatementResponse(statement));
  });

  app.get('/invoices', async (c) => {
    const { session, scope } = clientScope(server, c);
    const page = await scope.invoices.listForClient(session.clientId, invoiceListQueryFrom(c));
    c.header('Cache-Control', 'no-store');
    return c.json<InvoiceListResponse>({
      invoices: page.invoices.map(toInvoiceListItem),
      nextCursor: page.nextCursor,
      counts: page.counts,
      total: page.total,
    });
  });

  app.get(`/invoices/${INVOICE_ID}`, async (c) => {
    const { session, scope } = clientScope(server, c);
    const invoice = await scope.invoices.getForClient(session.clientId, c.req.param('id'));
    const business = c.get('business');
    c.header('Cache-Control', 'no-store');
    return c.json<InvoiceDetailResponse>({
      ...toInvoiceDetail(invoice),
      business: { name: business.name, brandColor: business.brandColor, logoUrl: business.logoUrl, locale: business.locale },
    });
  });

  return app;
}
