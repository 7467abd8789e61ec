import type { BusinessApi } from '@portico/core';

interface TicketPlan {
  client: string;
  /** Days before today the client wrote. */
  daysAgo: number;
  subject: string;
  /** The thread in order: the client's first message, then answers alternating business and client. */
  thread: string[];
  closed?: boolean;
}

/**
 * A few support conversations, so the inbox and the portal's Support tab
 * are not empty on first start: one answered and closed, one waiting on the
 * client, one (in Japanese) not yet read by the studio.
 */
const ticketPlans: TicketPlan[] = [
  {
    client: 'fjordlicht',
    daysAgo: 40,
    subject: 'Stollen packaging: can we split the invoice?',
    thread: [
      'Hallo! Could the Christmas packaging invoice be split across two months? Our budget closes in November.',
      'Of course. We will send the second half as its own invoice in December, same terms.',
      'Perfect, thank you!',
    ],
    closed: true,
  },
  {
    client: 'northwind',
    daysAgo: 6,
    subject: 'W-9 for our vendor records',
    thread: [
      'Hi, our AP team needs a W-9 or the EU equivalent on file before paying the hang tag invoice. Can you send one?',
      'We are a German company, so no W-9; we have attached our VAT registration in the portal notes. Does your AP accept a W-8BEN-E?',
    ],
  },
  {
    client: 'minato',
    daysAgo: 1,
    subject: '請求書の宛先について',
    thread: ['いつもお世話になっております。次回の請求書から宛先を「株式会社みなと珈琲 経理部」に変更していただけますか。'],
  },
];

/** Opens the plan's tickets through the public API, each at its own moment (the business's answers go through the outbox). */
export async function seedTickets(
  studio: BusinessApi,
  clientIds: Map<string, string>,
  moveTo: (date: string, time: string) => void,
  daysBefore: (days: number) => string,
): Promise<void> {
  for (const plan of ticketPlans) {
    const [first, ...answers] = plan.thread;
    const clientId = clientIds.get(plan.client)!;
    moveTo(daysBefore(plan.daysAgo), '09:12');
    const { ticket } = await studio.tickets.open({ clientId, subject: plan.subject, message: first!, source: 'portal' });
    for (const [index, message] of answers.entries()) {
      moveTo(daysBefore(plan.daysAgo), `${11 + index * 2}:40`);
      if (index % 2 === 0) await studio.tickets.reply(ticket.id, { authorName: 'Harbor & Pine Studio', message });
      else await studio.tickets.replyAsClient(clientId, ticket.id, { message, source: 'email' });
    }
    // The studio has read everything but the newest question.
    if (answers.length > 0) await studio.tickets.get(ticket.id, { markRead: true });
    if (plan.closed) await studio.tickets.close(ticket.id);
  }
}
