import type { Business } from '../businesses/businesses.js';
import { configuredPortalPage } from '../businesses/portal-page.js';

/**
 * The thread in the portal, for the button in ticket emails: the business's
 * own portal page if it set one (`settings.portalPageUrl`), else the portal
 * Portico hosts, told which business (several may share one server). The
 * portal opens the ticket named by `?ticket=` once the client is signed in.
 * Built from configured URLs only, and it carries no credential.
 */
export function ticketPortalUrl(business: Pick<Business, 'portalUrl' | 'allowedOrigins' | 'settings' | 'slug'>, ticketId: string): string {
  const configured = configuredPortalPage(business);
  const target = configured ?? new URL(`${business.portalUrl}/`);
  if (!configured) target.searchParams.set('business', business.slug);
  target.searchParams.set('ticket', ticketId);
  return target.toString();
}
