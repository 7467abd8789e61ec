import { businessOrigins, type Business } from '@portico/core';

/**
 * Whether a state-changing request came from a page of the portal. Browsers
 * send Origin on every POST; a page with `Referrer-Policy: no-referrer` (our
 * token pages) makes it `null`, so there the browser's own
 * `Sec-Fetch-Site: same-origin` is what vouches for it. Neither header can
 * be set by a page's script.
 */
export function isTrustedOrigin(
  business: Pick<Business, 'portalUrl' | 'allowedOrigins'>,
  headers: { origin: string | undefined; secFetchSite: string | undefined },
): boolean {
  if (headers.origin !== undefined && headers.origin !== 'null') return businessOrigins(business).has(headers.origin);
  return headers.secFetchSite === 'same-origin';
}

/** The headers `isTrustedOrigin` judges, from a request. */
export function requestOrigin(c: { req: { header(name: string): string | undefined } }) {
  return { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') };
}
