import { createEstimateFileNamer, createEstimatePdfRenderer, estimatePdfCacheKey, estimateZipStream, type EstimatePdfRenderer } from '@portico/core';
import { Hono } from 'hono';
import { clientScope, type ClientSessionVariables } from '../http/client-session.js';
import { idsFrom, localeFrom, pdfDownload, zipDownload } from '../http/pdf-download.js';
import type { ServerContext } from '../server-context.js';

/** Estimate ids only, so `download.zip` beside them is never taken for one. */
const ESTIMATE_ID = ':id{est_[A-Za-z0-9_-]+}';

export interface EstimateDocumentRoutesOptions {
  /** Renders PDFs through a cache (default: a small in-memory LRU, rendering on the process's PDF thread). */
  renderer?: EstimatePdfRenderer;
}

/**
 * The client's estimates as downloads, inside `/api` behind the client
 * session, shaped as the invoices' (documents.ts):
 * - `GET /estimates/:id/pdf?locale=`: one sent estimate's PDF; a draft or
 *   anyone else's is a 404 with no bytes.
 * - `GET /estimates/download.zip?ids=a,b,c`: those estimates' PDFs
 *   (`estimate-EST-0001.pdf`) plus `estimates.csv`, made as it is sent;
 *   without `ids`, every estimate the client was sent. An id that is not one
 *   of the client's sent estimates is a 404 before the first byte.
 * Never part of the invoices' `download.zip`.
 */
export function estimateDocumentRoutes(server: ServerContext, options: EstimateDocumentRoutesOptions = {}): Hono<{ Variables: ClientSessionVariables }> {
  const app = new Hono<{ Variables: ClientSessionVariables }>();
  const renderer = options.renderer ?? createEstimatePdfRenderer();

  app.get('/estimates/download.zip', async (c) => {
    const { scope, session } = clientScope(server, c);
    const ids = idsFrom(c);
    // Checks every id now: one that is not the client's is a 404, not a broken download.
    const documents = await scope.documents.estimatesForClient(session.clientId, ids ? { ids } : {}, localeFrom(c));
    const stream = estimateZipStream({
      documents,
      render: async (input) => {
        try {
          return await renderer.render(input);
        } catch (error) {
          server.logger.error('Rendering an estimate PDF for a ZIP failed', { estimateId: input.estimate.id, error: String(error) });
          throw error;
        }
      },
    });
    return zipDownload(stream, `estimates-${c.get('business').slug}.zip`);
  });

  app.get(`/estimates/${ESTIMATE_ID}/pdf`, async (c) => {
    const { scope, session } = clientScope(server, c);
    const input = await scope.documents.estimateForClient(session.clientId, c.req.param('id'), localeFrom(c));
    return pdfDownload(c, { cacheKey: estimatePdfCacheKey(input), fileName: createEstimateFileNamer()(input.estimate), render: () => renderer.render(input) });
  });

  return app;
}
