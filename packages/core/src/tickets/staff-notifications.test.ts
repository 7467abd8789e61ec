import { expect, it } from 'vitest';
import type { BusinessContext } from '../context.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { insertTestInboundEmail } from '../testing/inbound-rows.js';
import { appendEmailReply } from './email-tickets.js';

const supportStaff = [
  { email: 'mia@harborpine.test', name: 'Mia', notify: 'each' },
  { email: 'leo@harborpine.test', notify: 'each' },
  { email: 'quiet@harborpine.test', name: 'Quiet', notify: 'off' },
];
const dashboardTicketUrl = 'https://app.harborpine.test/dashboard/tickets/{ticketId}';

describeEachDatabase('staff notifications of client messages', (database) => {
  async function staffOutbox(businessId: string) {
    return database()
      .db.selectFrom('outbox_emails')
      .select(['kind', 'to_address', 'subject', 'text', 'html', 'headers', 'reply_to'])
      .where('business_id', '=', businessId)
      .where('kind', 'like', 'staff_ticket_%')
      .orderBy('created_at')
      .orderBy('to_address')
      .execute();
  }

  it('emails each staff member who wants it once per client message, portal or email, with a link to the ticket in the dashboard', async () => {
    const { scope, client, business, clock } = await seedBusiness(database(), { settings: { supportStaff, dashboardTicketUrl } });
    const ann = client.contacts[0]!;
    const opened = await scope.tickets.open({ clientId: client.id, contactId: ann.id, subject: 'VAT on INV-7?', message: 'Why 19%?\nThanks' });
    const ticketId = opened.ticket.id;

    let sent = await staffOutbox(business.id);
    expect(sent.map((row) => [row.kind, row.to_address])).toEqual([
      ['staff_ticket_opened', 'leo@harborpine.test'],
      ['staff_ticket_opened', 'mia@harborpine.test'],
    ]);
    const toMia = sent.find((row) => row.to_address === 'mia@harborpine.test')!;
    expect(toMia.subject).toBe('New ticket [#1] from Globex Corporation: VAT on INV-7?');
    expect(toMia.text).toContain('Hello Mia,');
    expect(toMia.text).toContain('Ann Ledger (Globex Corporation) opened support request #1 “VAT on INV-7?”.');
    expect(toMia.text).toContain('Why 19%?\nThanks');
    expect(toMia.text).toContain(`https://app.harborpine.test/dashboard/tickets/${ticketId}`);
    expect(toMia.html).toContain(`href="https://app.harborpine.test/dashboard/tickets/${ticketId}"`);
    expect(JSON.parse(toMia.headers)).toEqual({ 'Auto-Submitted': 'auto-generated' });
    expect(toMia.reply_to).toBeNull();
    // Staff are not clients: nothing in their email signs anyone in to the portal.
    expect(toMia.text).not.toContain(business.portalUrl);

    clock.advance(60_000);
    await scope.tickets.replyAsClient(client.id, ticketId, { contactId: ann.id, message: 'Any news?' });
    const ctx: BusinessContext = { db: database().db, clock, businessId: business.id, actor: 'system:inbound-email' };
    await database().db.transaction().execute(async (trx) => {
      await insertTestInboundEmail(trx, { id: 'inb_1', businessId: business.id, at: clock.now().getTime(), status: 'received' });
      await appendEmailReply(trx, ctx, ticketId, { inboundEmailId: 'inb_1', contactId: ann.id, text: 'By mail now.' });
    });
    // The business's own reply tells the client, not the staff.
    await scope.tickets.reply(ticketId, { authorName: 'Mia', message: 'Looking into it.' });

    sent = await staffOutbox(business.id);
    expect(sent.map((row) => row.kind)).toEqual(['staff_ticket_opened', 'staff_ticket_opened', 'staff_ticket_replied', 'staff_ticket_replied', 'staff_ticket_replied', 'staff_ticket_replied']);
    const replies = sent.filter((row) => row.kind === 'staff_ticket_replied' && row.to_address === 'leo@harborpine.test');
    expect(replies.map((row) => row.subject)).toEqual(['New reply [#1] from Globex Corporation: VAT on INV-7?', 'New reply [#1] from Globex Corporation: VAT on INV-7?']);
    expect(replies[0]!.text).toContain('Hello,');
    expect(replies[0]!.text).toContain('Channel: Client portal');
    expect(replies[1]!.text).toContain('Channel: Email');
    expect(replies[1]!.text).toContain('By mail now.');
  });

  it("writes to staff in the business's language, and to no one when no staff are listed", async () => {
    const german = await seedBusiness(database(), { locale: 'de', settings: { supportStaff: [{ email: 'mia@harborpine.test', name: 'Mia' }], dashboardTicketUrl } });
    await german.scope.tickets.open({ clientId: german.client.id, subject: 'Frage', message: 'Hallo' });
    const [email] = await staffOutbox(german.business.id);
    expect(email!.subject).toBe('Neues Ticket [#1] von Globex Corporation: Frage');
    expect(email!.text).toContain('Ticket öffnen');

    const silent = await seedBusiness(database(), { name: 'Silent Studio' });
    await silent.scope.tickets.open({ clientId: silent.client.id, subject: 'Hi', message: 'Hello' });
    expect(await staffOutbox(silent.business.id)).toHaveLength(0);
  });

  it('without a dashboard link the button opens the portal', async () => {
    const { scope, client, business } = await seedBusiness(database(), { settings: { supportStaff: [{ email: 'mia@harborpine.test' }] } });
    await scope.tickets.open({ clientId: client.id, subject: 'Hi', message: 'Hello' });
    const [email] = await staffOutbox(business.id);
    expect(email!.html).toContain(`href="${business.portalUrl}"`);
  });

  it.each([
    ['a list that is not a list', { supportStaff: 'mia@harborpine.test' }, 'invalid_input', 'settings.supportStaff'],
    ['an entry without an email', { supportStaff: [{ name: 'Mia' }] }, 'invalid_email', 'settings.supportStaff.0.email'],
    ['an address listed twice', { supportStaff: [{ email: 'mia@harborpine.test' }, { email: 'MIA@harborpine.test' }] }, 'invalid_input', 'settings.supportStaff.1.email'],
    ['an unknown notify choice', { supportStaff: [{ email: 'mia@harborpine.test', notify: 'hourly' }] }, 'invalid_input', 'settings.supportStaff.0.notify'],
    ['a dashboard link without {ticketId}', { dashboardTicketUrl: 'https://app.harborpine.test/tickets' }, 'invalid_input', 'settings.dashboardTicketUrl'],
    ['a dashboard link that is not http', { dashboardTicketUrl: 'javascript:alert(1)//{ticketId}' }, 'invalid_input', 'settings.dashboardTicketUrl'],
  ] as const)('refuses %s and keeps the settings it had', async (_, settings, code, field) => {
    const { api, business } = await seedBusiness(database(), { settings: { supportStaff } });
    const before = await countRows(database().db, ['businesses']);
    const error = await expectPorticoError(api.businesses.update(business.id, { settings }), code);
    expect(error.field).toBe(field);
    expect((await api.businesses.get(business.id)).settings).toEqual({ supportStaff });
    expect(await countRows(database().db, ['businesses'])).toEqual(before);
  });
});
