import {
  receiptPdfCacheKey,
  requireLocale,
  statementPdfCacheKey,
  type AccountStatementQuery,
  type Locale,
  type ReceiptDocumentInput,
  type ReceiptPdfRenderer,
  type StatementDocumentInput,
  type StatementPdfRenderer,
} from '@portico/core';
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { attachmentDisposition } from './content-disposition.js';

/**
 * A PDF as a download, with an ETag from its cache key (document, version,
 * status, locale, what it shows from outside): a matching If-None-Match is a
 * 304 and nothing is rendered. Private: it is one client's (or business's).
 */
export async function pdfDownload(
  c: Context,
  { cacheKey, fileName, render }: { cacheKey: string; fileName: string; render: () => Promise<Uint8Array> },
): Promise<Response> {
  const etag = `"${createHash('sha256').update(cacheKey).digest('base64url').slice(0, 27)}"`;
  const headers = {
    ETag: etag,
    'Cache-Control': 'private, no-cache',
    Vary: 'Cookie, Authorization',
    'X-Content-Type-Options': 'nosniff',
  };
  if (matchesEtag(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  const pdf = await render();
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      ...headers,
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.byteLength),
      'Content-Disposition': attachmentDisposition(fileName),
    },
  });
}

/** A ZIP made as it is sent: never cached, never sniffed. */
export function zipDownload(stream: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': attachmentDisposition(fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** `?ids=a,b,c` (or `ids` given more than once), or undefined when there is none. */
export function idsFrom(c: Context): string[] | undefined {
  const values = c.req.queries('ids');
  if (!values) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** `?locale=`: one of the portal's languages, or undefined for the default (the client's, then the business's). */
export function localeFrom(c: Context): Locale | undefined {
  const value = c.req.query('locale');
  return value === undefined || value === '' ? undefined : requireLocale(value, 'locale');
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag || candidate.trim() === '*');
}

/** A payment's receipt as a download: `receipt-HP-0001-2.pdf`. */
export function receiptDownload(c: Context, input: ReceiptDocumentInput, renderer: ReceiptPdfRenderer): Promise<Response> {
  return pdfDownload(c, { cacheKey: receiptPdfCacheKey(input), fileName: `receipt-${input.receipt.number}.pdf`, render: () => renderer.render(input) });
}

/** A statement of account as a download: `statement-harbor-pine-2026-01-01-2026-03-10.pdf`. */
export function statementDownload(c: Context, input: StatementDocumentInput, slug: string, renderer: StatementPdfRenderer): Promise<Response> {
  const { from, to } = input.statement;
  return pdfDownload(c, { cacheKey: statementPdfCacheKey(input), fileName: `statement-${slug}-${from}-${to}.pdf`, render: () => renderer.render(input) });
}

/** `?from=&to=`: a statement's period, each left out for its default. */
export function periodFrom(c: Context): AccountStatementQuery {
  const from = c.req.query('from');
  const to = c.req.query('to');
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
