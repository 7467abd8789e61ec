import { PorticoError, type EstimateDisplayStatus, type EstimateInput } from '@portico/core';
import { estimateDisplayStatuses } from '@portico/wire';
import { Hono, type Context } from 'hono';
import type { AdminVariables } from '../http/admin-auth.js';
import { readJsonObject } from '../http/json-body.js';
import type { ServerContext } from '../server-context.js';
import type {
  AdminCreateEstimateRequest,
  AdminEstimateDetailResponse,
  AdminEstimateListResponse,
  AdminSendEstimateResponse,
} from '@portico/wire';
import { toAdminEstimateDetail, toAdminEstimateListItem } from '../wire-mappers/estimates.js';

type AdminEnv = { Variables: AdminVariables };

/** The business's estimates (inside `/admin`, behind `authorizeAdmin`): list, create, one, send, void. */
export function adminEstimateRoutes(server: ServerContext): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();

  app.get('/estimates', async (c) => {
    const scope = adminScope(c);
    const clientId = c.req.query('clientId');
    const status = statusQuery(c.req.query('status'));
    const estimates = await scope.estimates.list({ ...(clientId ? { clientId } : {}), ...(status ? { status } : {}) });
    const names = new Map((await scope.clients.list()).map((client) => [client.id, client.name]));
    return c.json<AdminEstimateListResponse>({
      estimates: estimates.map((estimate) => toAdminEstimateListItem(estimate, names.get(estimate.clientId) ?? '')),
    });
  });

  app.post('/estimates', async (c) => {
    const scope = adminScope(c);
    const body = await readJsonObject<AdminCreateEstimateRequest>(c);
    const estimate = await scope.estimates.create(body as EstimateInput);
    const client = await scope.clients.get(estimate.clientId);
    return c.json<AdminEstimateDetailResponse>(toAdminEstimateDetail(estimate, client.name), 201);
  });

  app.get('/estimates/:id', async (c) => {
    const scope = adminScope(c);
    const estimate = await scope.estimates.get(c.req.param('id'));
    const client = await scope.clients.get(estimate.clientId);
    return c.json<AdminEstimateDetailResponse>(toAdminEstimateDetail(estimate, client.name));
  });

  app.post('/estimates/:id/send', async (c) => {
    const scope = adminScope(c);
    const sent = await scope.estimates.send(c.req.param('id'));
    const client = await scope.clients.get(sent.estimate.clientId);
    return c.json<AdminSendEstimateResponse>({ estimate: toAdminEstimateListItem(sent.estimate, client.name), emailsQueued: sent.emailsQueued });
  });

  app.post('/estimates/:id/void', async (c) => {
    const scope = adminScope(c);
    const body = await readJsonObject<{ reason?: string }>(c, { optional: true });
    const estimate = await scope.estimates.void(c.req.param('id'), body.reason);
    const client = await scope.clients.get(estimate.clientId);
    return c.json<AdminEstimateDetailResponse>(toAdminEstimateDetail(estimate, client.name));
  });

  function adminScope(c: Context<AdminEnv>) {
    const { businessId, userId } = c.get('admin');
    return server.api.business(businessId, { actor: `admin:${userId}` });
  }

  return app;
}

function statusQuery(value: string | undefined): EstimateDisplayStatus[] | undefined {
  if (value === undefined || value === '') return undefined;
  const statuses = value.split(',').map((status) => status.trim());
  for (const status of statuses) {
    if (!(estimateDisplayStatuses as readonly string[]).includes(status)) {
      throw new PorticoError('invalid_input', `status must be a comma-separated list of ${estimateDisplayStatuses.join(', ')}.`, { field: 'status' });
    }
  }
  return statuses as EstimateDisplayStatus[];
}
