import { businessOrigins, PorticoError, type Business } from '@portico/core';
import type { ErrorBody } from '@portico/wire';

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

/**
 * A write refused for its Origin. It names the origin the portal is served
 * from (`expectedOrigin` in the answer), so a person who opened the portal
 * at `127.0.0.1` instead of `localhost` is told where to go, in their
 * language, by the widget.
 */
export class ForbiddenOriginError extends PorticoError {
  readonly expectedOrigin: string;

  constructor(business: Pick<Business, 'portalUrl'>, origin: string | undefined, pages: 'portal' | 'business') {
    const expected = new URL(business.portalUrl).origin;
    const from = origin && origin !== 'null' ? origin : 'a page that gave no origin';
    super('forbidden_origin', `This request came from ${from}, not from a page of the ${pages} (${expected}). Open it at ${expected}.`);
    this.expectedOrigin = expected;
  }

  override toJSON(): ReturnType<PorticoError['toJSON']> & Pick<ErrorBody['error'], 'expectedOrigin'> {
    return { ...super.toJSON(), expectedOrigin: this.expectedOrigin };
  }
}

/** Refuses a request that did not come from a page of the business (see `isTrustedOrigin`). */
export function assertTrustedOrigin(
  c: { req: { header(name: string): string | undefined } },
  business: Pick<Business, 'portalUrl' | 'allowedOrigins'>,
  pages: 'portal' | 'business' = 'portal',
): void {
  const headers = requestOrigin(c);
  if (!isTrustedOrigin(business, headers)) throw new ForbiddenOriginError(business, headers.origin, pages);
}

/** The headers `isTrustedOrigin` judges, from a request. */
export function requestOrigin(c: { req: { header(name: string): string | undefined } }) {
  return { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') };
}
