import { Hono, type Context } from 'hono';
import type { ClientEstimate } from '@portico/core';
import type { AcceptEstimateRequest, DeclineEstimateRequest, EstimateDetailResponse, EstimateListResponse } from '@portico/wire';
import { clientIp } from '../http/client-ip.js';
import { clientScope, type ClientSessionVariables } from '../http/client-session.js';
import { readJsonObject } from '../http/json-body.js';
import { limits, rateLimit } from '../http/rate-limit.js';
import type { ServerContext } from '../server-context.js';
import { toEstimateDetail, toEstimateListItem } from '../wire-mappers/estimates.js';

type ClientEnv = { Variables: ClientSessionVariables };

/**
 * The client's estimates (inside `/api`, behind the client session): the
 * list, one estimate, and the final answers. Every call names the session's
 * client, so another client's estimate (or a draft never sent) is a 404 that
 * says nothing about it. Accepting records the request's IP and User-Agent.
 */
export function estimateRoutes(server: ServerContext): Hono<ClientEnv> {
  const app = new Hono<ClientEnv>();
  app.use('/estimates/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const limitAnswers = rateLimit<ClientEnv>(server.api, {
    rules: (c) => [
      { scope: 'estimate-answer', kind: 'contact', subject: c.var.session.contactId, ...limits.estimateAnswersPerContact },
      { scope: 'estimate-answer', kind: 'ip', subject: clientIp(c, server.trustProxy), ...limits.estimateAnswersPerIp },
    ],
  });

  app.get('/estimates', async (c) => {
    const { session, scope } = clientScope(server, c);
    const estimates = await scope.estimates.listForClient(session.clientId);
    return c.json<EstimateListResponse>({ estimates: estimates.map(toEstimateListItem) });
  });

  app.get('/estimates/:id', async (c) => {
    const { session, scope } = clientScope(server, c);
    return detail(c, await scope.estimates.getForClient(session.clientId, c.req.param('id')));
  });

  app.post('/estimates/:id/accept', limitAnswers, async (c) => {
    const { session, scope } = clientScope(server, c);
    const body = await readJsonObject<AcceptEstimateRequest>(c);
    const answer = await scope.estimates.acceptAsClient(session.clientId, c.req.param('id'), {
      name: body.name as string,
      confirmed: body.confirmed as boolean,
      ip: clientIp(c, server.trustProxy),
      userAgent: c.req.header('user-agent') ?? null,
    });
    return detail(c, answer.estimate);
  });

  app.post('/estimates/:id/decline', limitAnswers, async (c) => {
    const { session, scope } = clientScope(server, c);
    const body = await readJsonObject<DeclineEstimateRequest>(c, { optional: true });
    const answer = await scope.estimates.declineAsClient(session.clientId, c.req.param('id'), { reason: body.reason ?? null });
    return detail(c, answer.estimate);
  });

  function detail(c: Context<ClientEnv>, estimate: ClientEstimate) {
    const business = c.get('business');
    return c.json<EstimateDetailResponse>({
      ...toEstimateDetail(estimate),
      business: { name: business.name, brandColor: business.brandColor, logoUrl: business.logoUrl, locale: business.locale },
    });
  }

  return app;
}
