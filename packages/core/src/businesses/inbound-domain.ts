import type { Business } from './businesses.js';
import { parseJson } from '../db/row-values.js';
import { PorticoError } from '../shared/errors.js';

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
  const domain = normalize(value);
  return domainPattern.test(domain) ? domain : null;
}

/** `inboundDomain` of settings stored as JSON text (a business row's `settings`). */
export function inboundDomainSetting(settingsJson: string): string | null {
  return inboundDomain({ settings: parseJson<Record<string, unknown>>(settingsJson, {}) });
}

/**
 * The value of `businesses.inbound_domain` for settings a business is given:
 * the domain, lower-cased, or null when the settings name none (absent, null
 * or empty). Anything else that is not a domain name is refused.
 */
export function requireInboundDomainSetting(settings: Record<string, unknown>): string | null {
  const value = settings['inboundDomain'];
  if (value === undefined || value === null || value === '') return null;
  const domain = inboundDomain({ settings });
  if (domain === null) {
    throw new PorticoError('invalid_input', 'settings.inboundDomain must be a domain name like reply.example.com.', { field: 'settings.inboundDomain' });
  }
  return domain;
}

function normalize(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, '');
}
