import { PorticoError, businessOrigins } from '@portico/core';
import { Hono } from 'hono';
import { clientScope, type ClientSessionVariables } from '../http/client-session.js';
import { readJsonObject } from '../http/json-body.js';
import type { ServerContext } from '../server-context.js';
import type { CheckoutRequest, CheckoutResponse, CheckoutStatusResponse } from '@portico/wire';
import { portalPageUrl } from './auth.js';

/**
 * Paying an invoice (inside `/api`, behind the client session): open an
 * embedded Stripe Checkout for what is owed, and, when the client comes
 * back, ask Stripe how it went.
 */
export function paymentRoutes(server: ServerContext): Hono<{ Variables: ClientSessionVariables }> {
  const app = new Hono<{ Variables: ClientSessionVariables }>();

  app.post('/invoices/:id/checkout', async (c) => {
    const { session, scope } = clientScope(server, c);
    const body = await readJsonObject<CheckoutRequest>(c, { optional: true });
    const invoiceId = c.req.param('id');
    const started = await scope.checkout.start({
      clientId: session.clientId,
      invoiceId,
      returnUrl: returnUrl(body.returnUrl, c.get('business'), invoiceId),
    });
    c.header('Cache-Control', 'no-store');
    return c.json<CheckoutResponse>(started);
  });

  app.get('/checkout/:sessionId', async (c) => {
    const { session, scope } = clientScope(server, c);
    const state = await scope.checkout.sync({ clientId: session.clientId, sessionId: c.req.param('sessionId') });
    const invoice = await scope.invoices.getForClient(session.clientId, state.invoiceId);
    c.header('Cache-Control', 'no-store');
    return c.json<CheckoutStatusResponse>({
      invoiceId: state.invoiceId,
      status: state.status,
      paymentStatus: state.paymentStatus,
      invoice: {
        status: invoice.status,
        displayStatus: invoice.displayStatus,
        amountPaid: invoice.amountPaid,
        balance: invoice.balance,
        version: invoice.version,
      },
    });
  });

  return app;
}

/** Back to where the client paid from, if that is one of the business's pages; without one, the portal. */
function returnUrl(requested: unknown, business: Parameters<typeof portalPageUrl>[0], invoiceId: string): string {
  if (requested === undefined || requested === null) return portalPageUrl(business, { invoiceId });
  const url = typeof requested === 'string' && URL.canParse(requested) ? new URL(requested) : null;
  if (url && businessOrigins(business).has(url.origin)) return url.toString();
  throw new PorticoError('invalid_input', 'returnUrl must be a page on one of the business’s own origins.', { field: 'returnUrl' });
}
