import type { ClientInvoice, Statement } from '@portico/core';
import { Hono, type Context } from 'hono';
import type { ClientSessionVariables } from '../http/client-session.js';
import type { ServerContext } from '../server-context.js';
import type { InvoiceDetailResponse, InvoiceListResponse, StatementResponse } from '@portico/wire';
import { invoiceListQueryFrom, toInvoiceListItem } from './invoice-list-query.js';

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
    const { session, scope } = clientScope(c);
    const statement = await scope.statements.get(session.clientId);
    c.header('Cache-Control', 'no-store');
    return c.json<StatementResponse>(toStatementResponse(statement));
  });

  app.get('/invoices', async (c) => {
    const { session, scope } = clientScope(c);
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
    const { session, scope } = clientScope(c);
    const invoice = await scope.invoices.getForClient(session.clientId, c.req.param('id'));
    const business = c.get('business');
    c.header('Cache-Control', 'no-store');
    return c.json<InvoiceDetailResponse>({
      ...toInvoiceDetail(invoice),
      business: { name: business.name, brandColor: business.brandColor, logoUrl: business.logoUrl, locale: business.locale },
    });
  });

  function clientScope(c: Context<{ Variables: ClientSessionVariables }>) {
    const session = c.get('session');
    return { session, scope: server.api.business(session.businessId, { actor: `client:${session.contactId}` }) };
  }

  return app;
}

function toStatementResponse(statement: Statement): StatementResponse {
  return {
    asOf: statement.asOf,
    currencies: statement.currencies.map((figures) => ({
      currency: figures.currency,
      paidToDate: figures.paidToDate,
      outstanding: figures.outstanding,
      overdue: figures.overdue,
      aging: { ...figures.aging },
      lastPayment: figures.lastPayment && {
        amount: figures.lastPayment.amount,
        receivedAt: figures.lastPayment.receivedAt.toISOString(),
        invoiceId: figures.lastPayment.invoiceId,
        invoiceNumber: figures.lastPayment.invoiceNumber,
      },
    })),
  };
}

function toInvoiceDetail(invoice: ClientInvoice): Omit<InvoiceDetailResponse, 'business'> {
  return {
    ...toInvoiceListItem(invoice),
    subtotal: invoice.subtotal,
    discountTotal: invoice.discountTotal,
    taxTotal: invoice.taxTotal,
    notes: invoice.notes,
    lines: invoice.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      taxRate: line.taxRate,
      discountAmount: line.discountAmount,
      gross: line.gross,
      tax: line.tax,
      total: line.total,
    })),
    payments: invoice.payments.map((payment) => ({
      amount: payment.amount,
      refundedAmount: payment.refundedAmount,
      receivedAt: payment.receivedAt.toISOString(),
      method: payment.method,
    })),
    client: { name: invoice.clientName },
  };
}
