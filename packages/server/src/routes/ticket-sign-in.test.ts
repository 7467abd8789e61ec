import { describeEachDatabase } from '@portico/core/testing';
import { expect, it } from 'vitest';
import { json } from '../testing/http-assertions.js';
import {
  PORTAL_ORIGIN,
  SHOP_ORIGIN,
  createPortalHarness,
  linkPathIn,
  sessionCookieFrom,
  tokenOf,
  type PortalHarness,
} from '../testing/portal-harness.js';
import type { SignInResponse, TicketThreadResponse } from '@portico/wire';

const fromPortal = { origin: PORTAL_ORIGIN };
const placeholder = 'portico-sign-in-token';

/** Ann opens a ticket; Bo is a second contact of the same client; the business answers. */
async function answeredTicket(h: PortalHarness) {
  const ann = h.client.contacts[0]!;
  const bo = await h.scope.contacts.add(h.client.id, { name: 'Bo Books', email: 'bo@globex.test' });
  const { ticket } = await h.scope.tickets.open({ clientId: h.client.id, contactId: ann.id, subject: 'Where is my receipt?', message: 'Hi' });
  await h.scope.tickets.reply(ticket.id, { authorName: 'Dana', message: 'Sent again.' });
  return { ticket, ann, bo };
}

function redeem(h: PortalHarness, linkPath: string) {
  return h.request(linkPath, { method: 'POST', headers: fromPortal });
}

describeEachDatabase('sign-in links in ticket reply emails', (database) => {
  /** The stored links, by contact id in code-point order (the databases' collations differ). */
  async function storedTokens(h: PortalHarness) {
    const rows = await database()
      .db.selectFrom('magic_link_tokens')
      .select(['client_id', 'contact_id', 'purpose', 'invoice_id', 'ticket_id'])
      .where('business_id', '=', h.business.id)
      .execute();
    return rows.sort(byContactId);
  }

  it('the outbox holds only the placeholder; the sent email carries a token whose hash alone is stored', async () => {
    const h = await createPortalHarness(database());
    const { ticket, ann, bo } = await answeredTicket(h);
    const outbox = await database()
      .db.selectFrom('outbox_emails')
      .select(['to_address', 'html', 'text', 'sign_in_link'])
      .where('business_id', '=', h.business.id)
      .where('kind', '=', 'ticket_reply')
      .orderBy('to_address')
      .execute();
    expect(outbox.map((row) => row.to_address)).toEqual(['ann@globex.test', 'bo@globex.test']);
    for (const row of outbox) {
      expect(row.text).toContain(`${PORTAL_ORIGIN}/portal/auth/link/${h.business.slug}/${placeholder}`);
      expect(row.html).toContain(`${PORTAL_ORIGIN}/portal/auth/link/${h.business.slug}/${placeholder}`);
    }
    expect(await storedTokens(h)).toEqual([]);

    const emails = await h.deliver();
    expect(emails.map((email) => email.to).sort()).toEqual(['ann@globex.test', 'bo@globex.test']);
    const tokens = emails.map((email) => tokenOf(linkPathIn(email)));
    expect(new Set(tokens).size).toBe(2);
    for (const [i, email] of emails.entries()) {
      expect(email.html).toContain(linkPathIn(email));
      expect(email.text + email.html).not.toContain(placeholder);
      expect(h.logLines.join('\n')).not.toContain(tokens[i]);
    }
    const sentRows = await database().db.selectFrom('outbox_emails').select(['html', 'text']).where('business_id', '=', h.business.id).execute();
    for (const row of sentRows) for (const token of tokens) expect(row.text + row.html).not.toContain(token);

    const expected = [ann, bo].map((contact) => ({ client_id: h.client.id, contact_id: contact.id, purpose: 'ticket_email', invoice_id: null, ticket_id: ticket.id }));
    expect(await storedTokens(h)).toEqual(expected.sort(byContactId));
  });

  it('GET and HEAD consume nothing; the POST signs that recipient in and lands on the ticket', async () => {
    const h = await createPortalHarness(database());
    const { ticket } = await answeredTicket(h);
    const email = (await h.deliver()).find((sent) => sent.to === 'bo@globex.test')!;
    const linkPath = linkPathIn(email);
    for (let i = 0; i < 2; i++) {
      const page = await h.request(linkPath);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Continue to your portal');
      expect((await h.request(linkPath, { method: 'HEAD' })).status).toBe(200);
    }
    expect(await storedTokens(h)).toHaveLength(2);

    const signedIn = await redeem(h, linkPath);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${PORTAL_ORIGIN}/portal/?ticket=${ticket.id}`);
    const cookie = sessionCookieFrom(signedIn);
    const session = await h.request('/api/session', { headers: { cookie } });
    expect(await session.json()).toMatchObject({ client: { id: h.client.id }, contact: { email: 'bo@globex.test' } });
    const thread = await json<TicketThreadResponse>(await h.request(`/api/tickets/${ticket.id}`, { headers: { cookie } }));
    expect(thread.messages.map((m) => m.body)).toEqual(['Hi', 'Sent again.']);
    // Only Bo's token was spent: Ann's still works.
    expect(await storedTokens(h)).toHaveLength(1);
  });

  it('lands on the business’s own portal page on the portal’s origin with ?ticket=', async () => {
    const h = await createPortalHarness(database(), { settings: { portalPageUrl: `${PORTAL_ORIGIN}/account?tab=billing` } });
    const { ticket } = await answeredTicket(h);
    const [email] = await h.deliver();
    const signedIn = await redeem(h, linkPathIn(email!));
    expect(signedIn.headers.get('location')).toBe(`${PORTAL_ORIGIN}/account?tab=billing&ticket=${ticket.id}`);
  });

  it('a spent link is refused and offers a new one', async () => {
    const h = await createPortalHarness(database());
    await answeredTicket(h);
    const [email] = await h.deliver();
    const linkPath = linkPathIn(email!);
    expect((await redeem(h, linkPath)).status).toBe(303);
    const again = await redeem(h, linkPath);
    expect(again.status).toBe(400);
    expect(again.headers.get('set-cookie')).toBeNull();
    const html = await again.text();
    expect(html).toContain('already been used');
    expect(html).toContain('Email me a new link');
  });

  it('expires with the invoice links’ lifetime: 7 days by default, or the business’s setting', async () => {
    const standard = await createPortalHarness(database());
    await answeredTicket(standard);
    const [email] = await standard.deliver();
    standard.clock.advanceDays(7);
    standard.clock.advance(-60_000);
    expect((await standard.request(linkPathIn(email!))).status).toBe(200);
    standard.clock.advance(2 * 60_000);
    const page = await standard.request(linkPathIn(email!));
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Email me a new link');
    const attempt = await redeem(standard, linkPathIn(email!));
    expect(attempt.status).toBe(410);
    expect(attempt.headers.get('set-cookie')).toBeNull();

    const short = await createPortalHarness(database(), { settings: { invoiceLinkTtlDays: 2 } });
    await answeredTicket(short);
    const [shortEmail] = await short.deliver();
    expect(shortEmail!.text).toContain('valid until');
    short.clock.advanceDays(2);
    short.clock.advance(60_000);
    expect((await redeem(short, linkPathIn(shortEmail!))).status).toBe(410);
  });

  it('only the ticket’s own client’s contacts get a link, and it signs them in to that client alone', async () => {
    const h = await createPortalHarness(database());
    const initech = await h.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill Lumbergh', email: 'bill@initech.test' }] });
    const theirs = await h.scope.tickets.open({ clientId: initech.id, subject: 'Initech question', message: 'Ours' });
    const { ticket } = await answeredTicket(h);
    const emails = await h.deliver();
    expect(emails.map((email) => email.to)).not.toContain('bill@initech.test');
    for (const row of await storedTokens(h)) expect(row).toMatchObject({ client_id: h.client.id, ticket_id: ticket.id });

    const cookie = sessionCookieFrom(await redeem(h, linkPathIn(emails[0]!)));
    expect((await h.request(`/api/tickets/${theirs.ticket.id}`, { headers: { cookie } })).status).toBe(404);
  });

  it('on another origin the link carries the token in the fragment, and redeeming it names the ticket', async () => {
    const h = await createPortalHarness(database(), { settings: { portalPageUrl: `${SHOP_ORIGIN}/account` } });
    const { ticket } = await answeredTicket(h);
    const [email] = await h.deliver();
    const token = new RegExp(`${SHOP_ORIGIN}/account#portico-link=([A-Za-z0-9_-]{43})`).exec(email!.text)?.[1];
    expect(token).toBeDefined();
    expect(email!.html).toContain(`${SHOP_ORIGIN}/account#portico-link=${token}`);
    const redeemed = await h.request(`/auth/sessions/${h.business.slug}`, {
      method: 'POST',
      headers: { origin: SHOP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const signedIn = await json<SignInResponse>(redeemed);
    expect(signedIn).toMatchObject({ ticketId: ticket.id, invoiceId: null });
    const thread = await h.request(`/api/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${signedIn.sessionToken}`, origin: SHOP_ORIGIN } });
    expect(thread.status).toBe(200);
  });
});

function byContactId(a: { contact_id: string }, b: { contact_id: string }): number {
  return a.contact_id < b.contact_id ? -1 : a.contact_id > b.contact_id ? 1 : 0;
}
