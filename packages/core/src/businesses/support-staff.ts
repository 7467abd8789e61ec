import { PorticoError } from '../shared/errors.js';
import { requireEmail, requireHttpUrl, requireText } from '../shared/validate.js';

/** One person on the business's side who answers tickets, as `settings.supportStaff` lists them. */
export interface SupportStaffMember {
  email: string;
  name: string | null;
  /** `each`: an email for every client message (new ticket or reply); `off`: none. */
  notify: 'each' | 'off';
}

const notifyChoices: readonly SupportStaffMember['notify'][] = ['each', 'off'];
const MAX_STAFF = 50;
/** Stands in the dashboard link for the ticket's id. */
export const TICKET_ID_PLACEHOLDER = '{ticketId}';

/** `settings.supportStaff`, as written (checked when the settings were stored); none when unset. */
export function supportStaffOf(settings: Record<string, unknown>): SupportStaffMember[] {
  const value = settings['supportStaff'];
  if (!Array.isArray(value)) return [];
  return value.map((entry: Record<string, unknown>) => ({
    email: String(entry['email']),
    name: typeof entry['name'] === 'string' && entry['name'].trim() !== '' ? entry['name'].trim() : null,
    notify: entry['notify'] === 'off' ? 'off' : 'each',
  }));
}

/**
 * Where a staff email's button goes: `settings.dashboardTicketUrl` with
 * `{ticketId}` replaced (the ticket in the host's dashboard), else the portal.
 */
export function dashboardTicketUrl(settings: Record<string, unknown>, portalUrl: string, ticketId: string): string {
  const template = settings['dashboardTicketUrl'];
  if (typeof template !== 'string' || template === '') return portalUrl;
  return template.replaceAll(TICKET_ID_PLACEHOLDER, encodeURIComponent(ticketId));
}

/** Checks `settings.supportStaff` and `settings.dashboardTicketUrl` (called when a business's settings are written). */
export function requireSupportSettings(settings: Record<string, unknown>): void {
  const staff = settings['supportStaff'];
  if (staff !== undefined) {
    if (!Array.isArray(staff) || staff.length > MAX_STAFF) {
      throw new PorticoError('invalid_input', `settings.supportStaff must be a list of at most ${MAX_STAFF} people.`, { field: 'settings.supportStaff' });
    }
    const seen = new Set<string>();
    staff.forEach((entry: unknown, index) => {
      const field = `settings.supportStaff.${index}`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        throw new PorticoError('invalid_input', `${field} must be an object with an email.`, { field });
      }
      const person = entry as Record<string, unknown>;
      const email = requireEmail(person['email'], `${field}.email`).toLowerCase();
      if (seen.has(email)) throw new PorticoError('invalid_input', `${field}.email is listed twice.`, { field: `${field}.email` });
      seen.add(email);
      if (person['name'] !== undefined && person['name'] !== null) requireText(person['name'], `${field}.name`, { max: 200 });
      if (person['notify'] !== undefined && !notifyChoices.includes(person['notify'] as SupportStaffMember['notify'])) {
        throw new PorticoError('invalid_input', `${field}.notify must be one of ${notifyChoices.join(', ')}.`, { field: `${field}.notify` });
      }
    });
  }
  const link = settings['dashboardTicketUrl'];
  if (link !== undefined && link !== null && link !== '') {
    const url = requireHttpUrl(typeof link === 'string' ? link.replaceAll(TICKET_ID_PLACEHOLDER, 'tkt') : link, 'settings.dashboardTicketUrl');
    if (typeof link !== 'string' || !link.includes(TICKET_ID_PLACEHOLDER)) {
      throw new PorticoError('invalid_input', `settings.dashboardTicketUrl must contain ${TICKET_ID_PLACEHOLDER}, where the ticket's id goes (${url}).`, {
        field: 'settings.dashboardTicketUrl',
      });
    }
  }
}
