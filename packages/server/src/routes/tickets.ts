import { Hono } from 'hono';
import { clientIp } from '../http/client-ip.js';
import { clientScope, type ClientSessionVariables } from '../http/client-session.js';
import { readMessageBody } from '../http/message-body.js';
import { limits, rateLimit } from '../http/rate-limit.js';
import type { ServerContext } from '../server-context.js';
import type { OpenTicketRequest, TicketListResponse, TicketMessageWire, TicketReplyRequest, TicketThreadResponse } from '@portico/wire';
import { attachmentResponse } from '../http/attachment-response.js';
import { toTicketMessageWire, toTicketSummaryWire, toTicketThreadWire } from '../wire-mappers/tickets.js';

/**
 * The client's support tickets (inside `/api`, behind the client session).
 * Every call names the session's client, so another client's ticket is a 404
 * that says nothing about it, and internal notes never leave the server.
 */
export function ticketRoutes(server: ServerContext): Hono<{ Variables: ClientSessionVariables }> {
  const app = new Hono<{ Variables: ClientSessionVariables }>();
  app.use('/tickets/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  /** Tickets land in a person's inbox: a signed-in client may write often, but not flood it. */
  const limitWrites = rateLimit<{ Variables: ClientSessionVariables }>(server.api, {
    rules: (c) => [
      { scope: 'ticket-write', kind: 'contact', subject: c.var.session.contactId, ...limits.ticketWritesPerContact },
      { scope: 'ticket-write', kind: 'ip', subject: clientIp(c, server.trustProxy), ...limits.ticketWritesPerIp },
    ],
  });

  app.get('/tickets', async (c) => {
    const { session, scope } = clientScope(server, c);
    const list = await scope.tickets.listForClient(session.clientId);
    return c.json<TicketListResponse>({ tickets: list.tickets.map(toTicketSummaryWire), unreadCount: list.unreadCount });
  });

  app.post('/tickets', limitWrites, async (c) => {
    const { session, scope } = clientScope(server, c);
    const { fields: body, attachments } = await readMessageBody<OpenTicketRequest>(c);
    const thread = await scope.tickets.open({
      clientId: session.clientId,
      contactId: session.contactId,
      subject: body.subject as string,
      message: body.message as string,
      ...(body.invoiceId === undefined || body.invoiceId === null || body.invoiceId === '' ? {} : { invoiceId: body.invoiceId }),
      source: 'portal',
      attachments,
    });
    return c.json<TicketThreadResponse>(toTicketThreadWire(thread), 201);
  });

  app.get('/tickets/:id', async (c) => {
    const { session, scope } = clientScope(server, c);
    const thread = await scope.tickets.getForClient(session.clientId, c.req.param('id'), { markRead: true });
    return c.json<TicketThreadResponse>(toTicketThreadWire(thread));
  });

  app.post('/tickets/:id/messages', limitWrites, async (c) => {
    const { session, scope } = clientScope(server, c);
    const { fields: body, attachments } = await readMessageBody<TicketReplyRequest>(c);
    const message = await scope.tickets.replyAsClient(session.clientId, c.req.param('id'), {
      contactId: session.contactId,
      message: body.message as string,
      source: 'portal',
      attachments,
    });
    return c.json<TicketMessageWire>(toTicketMessageWire(message, 'api'), 201);
  });

  app.get('/tickets/:id/attachments/:attachmentId', async (c) => {
    const { session, scope } = clientScope(server, c);
    const file = await scope.tickets.attachment(c.req.param('id'), c.req.param('attachmentId'), { clientId: session.clientId });
    return attachmentResponse(file);
  });

  return app;
}
