import { Hono, type Context } from 'hono';
import { requireAdmin, type AdminVariables, type AuthorizeAdmin } from '../http/admin-auth.js';
import type { ServerContext } from '../server-context.js';
import type { AdminInvoiceListResponse, AdminSendInvoiceResponse } from '@portico/wire';
import { adminTicketRoutes } from './admin-tickets.js';
import { adminProfileRoutes } from './admin-profile.js';
import { adminEstimateRoutes } from './admin-estimates.js';
import { adminSignInGrantRoutes } from './admin-sign-in-grants.js';
import { adminEventRoutes } from './admin-events.js';
import { adminDocumentRoutes } from './admin-documents.js';
import { invoiceListQueryFrom } from '../http/invoice-list-query.js';
import { toAdminInvoiceListItem } from '../wire-mappers/billing.js';

/**
 * `/admin/*`: the business's side, for whoever the host's `authorizeAdmin`
 * names. Every call goes through `api.business(id, { actor: 'admin:<user>' })`.
 */
export function adminRoutes(server: ServerContext, authorize: AuthorizeAdmin | undefined): Hono<{ Variables: AdminVariables }> {
  const app = new Hono<{ Variables: AdminVariables }>();
  app.use('*', requireAdmin(server, authorize));
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/invoices', async (c) => {
    const page = await adminScope(c).invoices.search(invoiceListQueryFrom(c, { admin: true }));
    return c.json<AdminInvoiceListResponse>({
      invoices: page.invoices.map((entry) => toAdminInvoiceListItem(entry, entry.clientName)),
      nextCursor: page.nextCursor,
      counts: page.counts,
      total: page.total,
    });
  });

  app.post('/invoices/:id/send', async (c) => {
    const scope = adminScope(c);
    const sent = await scope.invoices.send(c.req.param('id'));
    const client = await scope.clients.get(sent.invoice.clientId);
    return c.json<AdminSendInvoiceResponse>({ invoice: toAdminInvoiceListItem(sent.invoice, client.name), emailsQueued: sent.emailsQueued });
  });

  app.route('/', adminTicketRoutes(server));
  app.route('/', adminProfileRoutes(server));
  app.route('/', adminEstimateRoutes(server));
  app.route('/', adminSignInGrantRoutes(server));
  app.route('/', adminEventRoutes(server));
  app.route('/', adminDocumentRoutes(server));

  function adminScope(c: Context<{ Variables: AdminVariables }>) {
    const { businessId, userId } = c.get('admin');
    return server.api.business(businessId, { actor: `admin:${userId}` });
  }

  return app;
}
