import {
  createInvoicePdfRenderer,
  createZipNamer,
  invoicePdfCacheKey,
  invoiceZipStream,
  requireLocale,
  type ClientDocumentSelection,
  type InvoicePdfRenderer,
  type Locale,
} from '@portico/core';
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { clientScope, type ClientSessionVariables } from '../http/client-session.js';
import type { ServerContext } from '../server-context.js';
import { invoiceListQueryFrom } from '../http/invoice-list-query.js';
import { attachmentDisposition } from '../http/content-disposition.js';

/** Invoice ids only, so `download.zip` beside them is never taken for one. */
const INVOICE_ID = ':id{inv_[A-Za-z0-9_-]+}';

export interface DocumentRoutesOptions {
  /** Renders PDFs through a cache (default: a small in-memory LRU, rendering on the process's PDF thread). */
  renderer?: InvoicePdfRenderer;
}

/**
 * Documents as plain downloads, inside `/api` (behind the client session that
 * `clientApiRoutes` puts on every `/api` request; each handler checks it is
 * there, so a route mounted without it fails closed):
 * - `GET /invoices/:id/pdf`: the PDF of one invoice the client may see
 *   (`?locale=` to pick the language; default the client's, then the
 *   business's). ETag from the invoice version; 404 with no bytes otherwise.
 * - `GET /invoices/download.zip`: `?ids=a,b,c`, or the list's filters
 *   (`status`, `from`, `to`, `q`, `sort`, `order`): a ZIP of PDFs plus
 *   `invoices.csv`, made as it is sent.
 */
export function documentRoutes(server: ServerContext, options: DocumentRoutesOptions = {}): Hono<{ Variables: ClientSessionVariables }> {
  const app = new Hono<{ Variables: ClientSessionVariables }>();
  const renderer = options.renderer ?? createInvoicePdfRenderer();

  app.get('/invoices/download.zip', async (c) => {
    const { scope, session } = clientScope(server, c);
    const ids = idsFrom(c);
    const selection: ClientDocumentSelection = ids ? { ids } : { query: withoutPaging(invoiceListQueryFrom(c)) };
    // Reads the first batch now: a bad filter is a 400, not a broken download.
    const invoices = await scope.documents.invoicesForClient(session.clientId, selection, localeFrom(c));
    const business = c.get('business');
    const stream = invoiceZipStream({
      invoices,
      render: async (input) => {
        try {
          return await renderer.render(input);
        } catch (error) {
          server.logger.error('Rendering an invoice PDF for a ZIP failed', { invoiceId: input.invoice.id, error: String(error) });
          throw error;
        }
      },
    });
    const name = `invoices-${business.slug}.zip`;
    return new Response(stream, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': attachmentDisposition(name),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  app.get(`/invoices/${INVOICE_ID}/pdf`, async (c) => {
    const { scope, session } = clientScope(server, c);
    const input = await scope.documents.invoiceForClient(session.clientId, c.req.param('id'), localeFrom(c));
    const etag = `"${createHash('sha256').update(invoicePdfCacheKey(input)).digest('base64url').slice(0, 27)}"`;
    const headers = {
      ETag: etag,
      'Cache-Control': 'private, no-cache',
      Vary: 'Cookie, Authorization',
      'X-Content-Type-Options': 'nosniff',
    };
    if (matchesEtag(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    const pdf = await renderer.render(input);
    return new Response(pdf as Uint8Array<ArrayBuffer>, {
      headers: {
        ...headers,
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.byteLength),
        'Content-Disposition': attachmentDisposition(createZipNamer()(input.invoice)),
      },
    });
  });

  return app;
}

/** `?ids=a,b,c` (or `ids` given more than once), or undefined when there is none. */
function idsFrom(c: Context): string[] | undefined {
  const values = c.req.queries('ids');
  if (!values) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

function withoutPaging<T extends { cursor?: unknown; limit?: unknown; clientId?: unknown }>(query: T): Omit<T, 'cursor' | 'limit' | 'clientId'> {
  const { cursor: _cursor, limit: _limit, clientId: _clientId, ...rest } = query;
  return rest;
}

function localeFrom(c: Context): Locale | undefined {
  const value = c.req.query('locale');
  return value === undefined || value === '' ? undefined : requireLocale(value, 'locale');
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag || candidate.trim() === '*');
}
