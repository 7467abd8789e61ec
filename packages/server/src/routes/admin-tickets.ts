import { PorticoError } from '@portico/core';
import { Hono, type Context } from 'hono';
import type { AdminVariables } from '../http/admin-auth.js';
import { readJsonObject } from '../http/json-body.js';
import { readMessageBody } from '../http/message-body.js';
import type { ServerContext } from '../server-context.js';
import type {
  AdminTicketListResponse,
  AdminTicketSummaryWire,
  AdminTicketThreadResponse,
  AdminUnreadCountResponse,
  HeldInboundListResponse,
  InboundAcceptResponse,
  TicketMessageWire,
  TicketReplyRequest,
} from '@portico/wire';
import { attachmentResponse } from '../http/attachment-response.js';
import {
  toAdminTicketSummaryWire,
  toAdminTicketThreadWire,
  toHeldInboundWire,
  toTicketMessageWire,
} from '../wire-mappers/tickets.js';

/**
 * The business's support inbox (inside `/admin`, behind `authorizeAdmin`):
 * tickets, replies and internal notes, and the inbound mail held for a
 * person. Replies are signed with the name the host's user acts under.
 */
export function adminTicketRoutes(server: ServerContext): Hono<{ Variables: AdminVariables }> {
  const app = new Hono<{ Variables: AdminVariables }>();

  app.get('/tickets', async (c) => {
    const list = await adminScope(c).tickets.list({
      status: (c.req.query('status') ?? 'all') as 'all',
      ...(c.req.query('unread') === undefined ? {} : { unread: parseFlag(c.req.query('unread')!, 'unread') }),
    });
    return c.json<AdminTicketListResponse>({
      tickets: list.tickets.map(toAdminTicketSummaryWire),
      unreadCount: list.unreadCount,
      heldCount: list.heldCount,
    });
  });

  app.get('/tickets/unread-count', async (c) => c.json<AdminUnreadCountResponse>(await adminScope(c).tickets.unreadCount()));

  app.get('/tickets/:id', async (c) => {
    const thread = await adminScope(c).tickets.get(c.req.param('id'), { markRead: true });
    return c.json<AdminTicketThreadResponse>(toAdminTicketThreadWire(thread));
  });

  app.post('/tickets/:id/messages', async (c) => {
    const { fields: body, attachments } = await readMessageBody<TicketReplyRequest>(c);
    const { userId } = c.get('admin');
    const message = await adminScope(c).tickets.reply(c.req.param('id'), {
      authorId: userId,
      // The client sees the business's name on a reply, never a staff id.
      authorName: c.get('business').name,
      message: body.message as string,
      ...(body.internal === undefined ? {} : { internal: body.internal }),
      source: 'admin',
      attachments,
    });
    return c.json<TicketMessageWire>(toTicketMessageWire(message, 'admin'), 201);
  });

  app.post('/tickets/:id/close', async (c) => c.json<AdminTicketSummaryWire>(toAdminTicketSummaryWire(await adminScope(c).tickets.close(c.req.param('id')))));
  app.post('/tickets/:id/reopen', async (c) => c.json<AdminTicketSummaryWire>(toAdminTicketSummaryWire(await adminScope(c).tickets.reopen(c.req.param('id')))));

  app.get('/tickets/:id/attachments/:attachmentId', async (c) =>
    attachmentResponse(await adminScope(c).tickets.attachment(c.req.param('id'), c.req.param('attachmentId'), 'business')),
  );

  app.get('/inbound/held', async (c) => c.json<HeldInboundListResponse>({ held: (await adminScope(c).inbound.listHeld()).map(toHeldInboundWire) }));

  app.post('/inbound/:id/accept', async (c) => {
    const body = await readJsonObject<{ ticketId: string }>(c, { optional: true });
    const accepted = await adminScope(c).inbound.accept(c.req.param('id'), body.ticketId === undefined ? {} : { ticketId: body.ticketId });
    return c.json<InboundAcceptResponse>(accepted);
  });

  app.post('/inbound/:id/discard', async (c) => {
    await adminScope(c).inbound.discard(c.req.param('id'));
    return c.body(null, 204);
  });

  function adminScope(c: Context<{ Variables: AdminVariables }>) {
    const { businessId, userId } = c.get('admin');
    return server.api.business(businessId, { actor: `admin:${userId}` });
  }

  return app;
}

function parseFlag(value: string, field: string): boolean {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new PorticoError('invalid_input', `${field} must be 1 or 0.`, { field });
}
