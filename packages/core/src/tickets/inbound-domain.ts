import type { Business } from '../businesses/businesses.js';

const domainPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * The domain a business receives ticket replies at (`settings.inboundDomain`,
 * for example `support.acme.example`), lower-cased; null when it set none or
 * set something that is not a domain name. Without one, ticket emails carry
 * no reply address and ask the client to answer in the portal.
 */
export function inboundDomain(business: Pick<Business, 'settings'>): string | null {
  const value = business.settings?.['inboundDomain'];
  if (typeof value !== 'string') return null;
  const domain = value.trim().toLowerCase().replace(/\.$/, '');
  return domainPattern.test(domain) ? domain : null;
}
