import { createEstimateFileNamer, createEstimatePdfRenderer, estimatePdfCacheKey, PorticoError, type Estimate, type EstimateDisplayStatus, type EstimateInput, type EstimatePdfRenderer, type EstimateUpdate } from '@portico/core';
import { estimateDisplayStatuses } from '@portico/wire';
import { Hono, type Context } from 'hono';
import type { AdminVariables } from '../http/admin-auth.js';
import { readJsonObject } from '../http/json-body.js';
import { localeFrom, pdfDownload } from '../http/pdf-download.js';
import type { ServerContext } from '../server-context.js';
import type {
  AdminConvertEstimateRequest,
  AdminConvertEstimateResponse,
  AdminCreateEstimateRequest,
  AdminEstimateDetailResponse,
  AdminEstimateListResponse,
  AdminSendEstimateResponse,
  AdminUpdateEstimateRequest,
} from '@portico/wire';
import { toAdminEstimateDetail, toAdminEstimateListItem } from '../wire-mappers/estimates.js';

type AdminEnv = { Variables: AdminVariables };

export interface AdminEstimateRoutesOptions {
  /** Renders PDFs through a cache (default: a small in-memory LRU, rendering on the process's PDF thread). */
  renderer?: EstimatePdfRenderer;
}

/**
 * The business's estimates (inside `/admin`, behind `authorizeAdmin`): list,
 * create, one, edit a draft (`PATCH`), send, void, convert into an invoice,
 * and the PDF. Another business's estimate is a 404.
 */
export function adminEstimateRoutes(server: ServerContext, options: AdminEstimateRoutesOptions = {}): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const renderer = options.renderer ?? createEstimatePdfRenderer();

  app.get('/estimates', async (c) => {
    const scope = adminScope(c);
    const clientId = c.req.query('clientId');
    const status = statusQuery(c.req.query('status'));
    const estimates = await scope.estimates.list({ ...(clientId ? { clientId } : {}), ...(status ? { status } : {}) });
    const names = new Map((await scope.clients.list()).map((client) => [client.id, client.name]));
    const invoiceNumbers = await scope.invoices.numbersOf(estimates.flatMap((estimate) => (estimate.invoiceId ? [estimate.invoiceId] : [])));
    return c.json<AdminEstimateListResponse>({
      estimates: estimates.map((estimate) =>
        toAdminEstimateListItem(estimate, names.get(estimate.clientId) ?? '', (estimate.invoiceId && invoiceNumbers.get(estimate.invoiceId)) ?? null),
      ),
    });
  });

  app.post('/estimates', async (c) => {
    const body = await readJsonObject<AdminCreateEstimateRequest>(c);
    return detail(c, await adminScope(c).estimates.create(body as EstimateInput), 201);
  });

  app.get('/estimates/:id', async (c) => detail(c, await adminScope(c).estimates.get(c.req.param('id'))));

  app.patch('/estimates/:id', async (c) => {
    const body = await readJsonObject<AdminUpdateEstimateRequest>(c);
    return detail(c, await adminScope(c).estimates.update(c.req.param('id'), body as EstimateUpdate));
  });

  app.get('/estimates/:id/pdf', async (c) => {
    const input = await adminScope(c).documents.estimate(c.req.param('id'), localeFrom(c));
    return pdfDownload(c, { cacheKey: estimatePdfCacheKey(input), fileName: createEstimateFileNamer()(input.estimate), render: () => renderer.render(input) });
  });

  app.post('/estimates/:id/send', async (c) => {
    const scope = adminScope(c);
    const sent = await scope.estimates.send(c.req.param('id'));
    const client = await scope.clients.get(sent.estimate.clientId);
    return c.json<AdminSendEstimateResponse>({ estimate: toAdminEstimateListItem(sent.estimate, client.name), emailsQueued: sent.emailsQueued });
  });

  app.post('/estimates/:id/void', async (c) => {
    const body = await readJsonObject<{ reason?: string }>(c, { optional: true });
    return detail(c, await adminScope(c).estimates.void(c.req.param('id'), body.reason));
  });

  app.post('/estimates/:id/convert', async (c) => {
    const scope = adminScope(c);
    const body = await readJsonObject<AdminConvertEstimateRequest>(c, { optional: true });
    const { estimate, invoice } = await scope.estimates.convert(c.req.param('id'), body.send === undefined ? {} : { send: body.send as boolean });
    const client = await scope.clients.get(estimate.clientId);
    return c.json<AdminConvertEstimateResponse>({
      estimate: toAdminEstimateDetail(estimate, client.name, invoice.number),
      invoice: { id: invoice.id, number: invoice.number, status: invoice.status, total: invoice.total, currency: invoice.currency },
    });
  });

  function adminScope(c: Context<AdminEnv>) {
    const { businessId, userId } = c.get('admin');
    return server.api.business(businessId, { actor: `admin:${userId}` });
  }

  /** One estimate as the business sees it, with its client's name and the number of the invoice it became. */
  async function detail(c: Context<AdminEnv>, estimate: Estimate, status: 200 | 201 = 200) {
    const scope = adminScope(c);
    const client = await scope.clients.get(estimate.clientId);
    const invoiceNumber = estimate.invoiceId ? ((await scope.invoices.numbersOf([estimate.invoiceId])).get(estimate.invoiceId) ?? null) : null;
    return c.json<AdminEstimateDetailResponse>(toAdminEstimateDetail(estimate, client.name, invoiceNumber), status);
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
