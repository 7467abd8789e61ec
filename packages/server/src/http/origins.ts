import type { Business } from '@portico/core';

/** The origins a business's portal may be used from: its own portal's origin plus its allow-list. */
export function businessOrigins(business: Pick<Business, 'portalUrl' | 'allowedOrigins'>): Set<string> {
  return new Set([new URL(business.portalUrl).origin, ...business.allowedOrigins]);
}

/**
 * Browsers send Origin on every cross-site POST (and same-origin ones too), so
 * a state-changing request whose Origin is missing or foreign is refused.
 */
export function isTrustedOrigin(business: Pick<Business, 'portalUrl' | 'allowedOrigins'>, origin: string | undefined): boolean {
  return origin !== undefined && businessOrigins(business).has(origin);
}
