import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import { dashboardTicketUrl, supportStaffOf } from '../businesses/support-staff.js';
import type { BusinessContext, Executor } from '../context.js';
import { enqueueEmail } from '../email/outbox.js';
import { renderStaffTicketEmail } from '../email/templates/staff-ticket-email.js';
import type { TicketMessageSource } from './ticket-model.js';

export interface StaffNotice {
  event: 'opened' | 'replied';
  ticket: { id: string; number: number | string; subject: string };
  clientName: string;
  authorName: string;
  body: string;
  source: TicketMessageSource;
}

/**
 * Queues one email to each of the business's support staff who wants every
 * client message (`settings.supportStaff`, `notify: 'each'`), in the
 * transaction that stores the message: a message that is stored is notified
 * once, one that is rolled back never. Returns how many were queued.
 */
export async function queueStaffNotifications(executor: Executor, ctx: BusinessContext, notice: StaffNotice): Promise<number> {
  const business = toBusiness(await requireBusinessRow(executor, ctx.businessId));
  const staff = supportStaffOf(business.settings).filter((member) => member.notify === 'each');
  if (staff.length === 0) return 0;
  const link = dashboardTicketUrl(business.settings, business.portalUrl, notice.ticket.id);
  for (const member of staff) {
    const email = renderStaffTicketEmail({
      business,
      staffName: member.name,
      event: notice.event,
      ticket: { number: Number(notice.ticket.number), subject: notice.ticket.subject },
      clientName: notice.clientName,
      authorName: notice.authorName,
      message: notice.body,
      source: notice.source === 'email' ? 'email' : 'portal',
      link,
      locale: business.locale,
    });
    // Staff who answer this email write to the client's thread only from the dashboard: no reply address is given.
    await enqueueEmail(executor, ctx, { kind: `staff_ticket_${notice.event}`, to: member.email, headers: { 'Auto-Submitted': 'auto-generated' }, ...email });
  }
  return staff.length;
}
