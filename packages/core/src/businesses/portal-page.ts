import type { Business } from './businesses.js';

/** The origins a business's portal may be used from: its own portal's origin plus its allow-list. */
export function businessOrigins(business: Pick<Business, 'portalUrl' | 'allowedOrigins'>): Set<string> {
  return new Set([new URL(business.portalUrl).origin, ...business.allowedOrigins]);
}

/**
 * The business's own page holding the portal widget (`settings.portalPageUrl`),
 * if it set one on one of its origins; undefined means Portico's hosted page.
 */
export function configuredPortalPage(business: Pick<Business, 'portalUrl' | 'allowedOrigins' | 'settings'>): URL | undefined {
  const configured = business.settings['portalPageUrl'];
  if (typeof configured !== 'string') return undefined;
  try {
    const page = new URL(configured);
    return businessOrigins(business).has(page.origin) ? page : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a sign-in link points. Normally Portico's landing page; but when the
 * portal lives on a page of another origin (where no cookie of Portico's can
 * follow), the link goes to that page with the token in the fragment, which
 * never reaches a server: the widget there redeems it for a bearer session.
 * Always built from configured URLs, never from a request's Host header.
 */
export function signInLinkUrl(business: Pick<Business, 'portalUrl' | 'allowedOrigins' | 'settings' | 'slug'>, token: string): string {
  const page = configuredPortalPage(business);
  if (page && page.origin !== new URL(business.portalUrl).origin) {
    page.hash = `portico-link=${token}`;
    return page.toString();
  }
  return `${business.portalUrl}/auth/link/${encodeURIComponent(business.slug)}/${token}`;
}
