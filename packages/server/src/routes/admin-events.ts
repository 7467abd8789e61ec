import { Hono, type Context } from 'hono';
import { PorticoError, type EventType, type WebhookDelivery, type WebhookDeliveryStatus, type WebhookEndpoint } from '@portico/core';
import type {
  AdminEventListResponse,
  AdminWebhookDeliveryListResponse,
  AdminWebhookEndpointListResponse,
  WebhookDeliveryDetailWire,
  WebhookDeliveryWire,
  WebhookEndpointRequest,
  WebhookEndpointWire,
  WebhookEndpointWithSecretWire,
} from '@portico/wire';
import type { AdminVariables } from '../http/admin-auth.js';
import { readJsonObject } from '../http/json-body.js';
import type { ServerContext } from '../server-context.js';

/**
 * `/admin/events`: the business's event log by type and time (a host
 * catching up after an outage pages through it); `/admin/webhooks`: its
 * endpoints, their deliveries with every attempt's answer, and redelivery.
 */
export function adminEventRoutes(server: ServerContext): Hono<{ Variables: AdminVariables }> {
  const app = new Hono<{ Variables: AdminVariables }>();

  app.get('/events', async (c) => {
    const types = c.req.queries('type')?.flatMap((value) => value.split(',')).filter(Boolean);
    const limit = c.req.query('limit');
    const cursor = c.req.query('cursor');
    const from = c.req.query('from');
    const to = c.req.query('to');
    const page = await scope(c).events.list({
      ...(types && types.length > 0 ? { type: types as EventType[] } : {}),
      ...(from !== undefined ? { from: instant(from, 'from') } : {}),
      ...(to !== undefined ? { to: instant(to, 'to') } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
      ...(limit !== undefined ? { limit: Number(limit) } : {}),
    });
    return c.json<AdminEventListResponse>(page);
  });

  app.get('/events/:id', async (c) => c.json(await scope(c).events.get(c.req.param('id'))));

  app.get('/webhooks', async (c) => c.json<AdminWebhookEndpointListResponse>({ endpoints: (await scope(c).webhooks.list()).map(toEndpointWire) }));

  app.post('/webhooks', async (c) => {
    const body = await readJsonObject<WebhookEndpointRequest>(c);
    const created = await scope(c).webhooks.create(body as WebhookEndpointRequest);
    return c.json<WebhookEndpointWithSecretWire>({ ...toEndpointWire(created), secret: created.secret }, 201);
  });

  app.get('/webhooks/deliveries', async (c) => {
    const query = c.req.query();
    const deliveries = await scope(c).webhooks.deliveries.list({
      ...(query['endpointId'] !== undefined ? { endpointId: query['endpointId'] } : {}),
      ...(query['eventId'] !== undefined ? { eventId: query['eventId'] } : {}),
      ...(query['status'] !== undefined ? { status: query['status'] as WebhookDeliveryStatus } : {}),
      ...(query['before'] !== undefined ? { before: query['before'] } : {}),
      ...(query['limit'] !== undefined ? { limit: Number(query['limit']) } : {}),
    });
    return c.json<AdminWebhookDeliveryListResponse>({ deliveries: deliveries.map(toDeliveryWire) });
  });

  app.get('/webhooks/deliveries/:id', async (c) => {
    const delivery = await scope(c).webhooks.deliveries.get(c.req.param('id'));
    return c.json<WebhookDeliveryDetailWire>({
      ...toDeliveryWire(delivery),
      attemptLog: delivery.attemptLog.map((attempt) => ({ ...attempt, startedAt: attempt.startedAt.toISOString() })),
    });
  });

  app.post('/webhooks/deliveries/:id/redeliver', async (c) => c.json<WebhookDeliveryWire>(toDeliveryWire(await scope(c).webhooks.deliveries.redeliver(c.req.param('id'))), 202));

  app.get('/webhooks/:id', async (c) => c.json<WebhookEndpointWire>(toEndpointWire(await scope(c).webhooks.get(c.req.param('id')))));

  app.patch('/webhooks/:id', async (c) => {
    const body = await readJsonObject<WebhookEndpointRequest>(c);
    return c.json<WebhookEndpointWire>(toEndpointWire(await scope(c).webhooks.update(c.req.param('id'), body)));
  });

  app.post('/webhooks/:id/rotate-secret', async (c) => {
    const rotated = await scope(c).webhooks.rotateSecret(c.req.param('id'));
    return c.json<WebhookEndpointWithSecretWire>({ ...toEndpointWire(rotated), secret: rotated.secret });
  });

  app.delete('/webhooks/:id', async (c) => {
    await scope(c).webhooks.remove(c.req.param('id'));
    return c.body(null, 204);
  });

  function scope(c: Context<{ Variables: AdminVariables }>) {
    const { businessId, userId } = c.get('admin');
    return server.api.business(businessId, { actor: `admin:${userId}` });
  }
  return app;
}

function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new PorticoError('invalid_input', `${field} must be an ISO 8601 date or instant, like 2026-03-10T09:00:00Z.`, { field });
  }
  return date;
}

function toEndpointWire(endpoint: WebhookEndpoint): WebhookEndpointWire {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

function toDeliveryWire(delivery: WebhookDelivery): WebhookDeliveryWire {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    lastError: delivery.lastError,
    responseStatus: delivery.responseStatus,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
  };
}
