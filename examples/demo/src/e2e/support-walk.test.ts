import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openEmailAbout } from './mailbox.js';
import { continueToPortal, sendInvoiceAndOpenLink } from './sign-in-from-email.js';
import { walkTheDemo } from './walk.js';

/**
 * A support conversation, walked in headless Chromium: the client opens a
 * ticket in the portal, the studio sees the badge and answers from its inbox,
 * the answer arrives in the mailbox (its button signs in, onto the ticket),
 * and the client's email reply (sent as raw
 * MIME through Portico's inbound endpoint) lands in the same thread, without
 * the quoted email under it. A file goes each way, and each side downloads the other's.
 */
/** A file of each kind the client and the studio attach: their first bytes are what the server checks. */
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const pdf = Buffer.from('%PDF-1.4\n% the revisions, itemised\n%%EOF\n');

describe('end to end: a support ticket and its email reply', () => {
  const walk = walkTheDemo();

  it('ticket from the portal, answer from the inbox, reply by email into the thread', async () => {
    const context = await walk.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { landing: client } = await sendInvoiceAndOpenLink(context, walk.running.origin);
    await continueToPortal(client);
    const portal = client.locator('portico-portal');
    const subject = 'Question about the second line';

    // The client opens a ticket from the Support tab.
    await portal.getByRole('tab', { name: /^Support/ }).click();
    await portal.getByRole('button', { name: 'Open new ticket' }).click();
    await portal.getByLabel('Subject').fill(subject);
    await portal.getByLabel('Message').fill('What is the “Revisions” line on this invoice for?');
    await portal.locator('portico-new-ticket input[type="file"]').setInputFiles({ name: 'poster-draft.png', mimeType: 'image/png', buffer: png });
    await portal.getByRole('button', { name: 'Send', exact: true }).click();
    await portal.getByText('What is the “Revisions” line on this invoice for?').waitFor({ timeout: 10_000 });
    await portal.locator('portico-ticket-thread').getByRole('link', { name: /poster-draft\.png/ }).waitFor({ timeout: 10_000 });

    // The studio sees it unread (the badge counts it) and answers from the inbox.
    const studio = await context.newPage();
    await studio.goto(`${walk.running.origin}/admin#support`);
    await expect.poll(async () => Number(await studio.locator('#support-badge').textContent()), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const inbox = studio.locator('portico-admin-inbox');
    await inbox.getByText(subject).first().click();
    await inbox.getByText('What is the “Revisions” line on this invoice for?').waitFor({ timeout: 10_000 });
    // The client's file opens on the studio's side.
    const [clientFile] = await Promise.all([studio.waitForEvent('download'), inbox.getByRole('link', { name: /poster-draft\.png/ }).click()]);
    expect(readFileSync((await clientFile.path())!)).toEqual(png);
    await inbox.getByLabel('Your reply').fill('It covers the two extra rounds of changes to the poster.');
    await inbox.locator('input[type="file"]').setInputFiles({ name: 'revisions.pdf', mimeType: 'application/pdf', buffer: pdf });
    await inbox.getByRole('button', { name: 'Send reply' }).click();
    await inbox.getByText('Reply sent.').waitFor({ timeout: 10_000 });

    // The answer is emailed: it reaches the development mailbox, with the ticket number in its subject.
    await openEmailAbout(studio, walk.running.origin, subject);
    const mail = studio;
    expect(await mail.locator('h1.mail-title').textContent()).toMatch(/\[#\d+\]/);
    await mail.frameLocator('iframe.mail-frame').getByText('It covers the two extra rounds of changes to the poster.').last().waitFor();

    // Its button is a sign-in link of its own: Continue lands on the ticket, the answer in view.
    const [fromEmail] = await Promise.all([
      mail.waitForEvent('popup'),
      mail.frameLocator('iframe.mail-frame').locator('a[href*="/portal/auth/link/"]').first().click(),
    ]);
    await fromEmail.getByRole('button', { name: 'Continue to your portal' }).click();
    await fromEmail.waitForURL(/\/account\?ticket=tkt_/);
    // (The list behind the thread keeps the same words, hidden, as its preview.)
    await fromEmail.locator('portico-portal').getByText('It covers the two extra rounds of changes to the poster.').last().waitFor({ timeout: 10_000 });
    // The studio's file downloads on the client's side.
    const [studioFile] = await Promise.all([
      fromEmail.waitForEvent('download'),
      fromEmail.locator('portico-ticket-thread').getByRole('link', { name: /revisions\.pdf/ }).click(),
    ]);
    expect(readFileSync((await studioFile.path())!)).toEqual(pdf);
    await fromEmail.close();

    // The client answers by email; the mailbox posts it to Portico as a mail server would.
    await mail.getByLabel('Your reply').fill('Thanks, that makes sense. Paying today.');
    await mail.getByRole('button', { name: 'Send reply' }).click();
    await mail.getByText('Your reply reached the ticket').waitFor({ timeout: 10_000 });

    // The reply is in the client's thread (polling, no reload), stripped of the quoted email.
    // The hidden list behind the thread may show the same words first, as its preview.
    await portal.getByText('Thanks, that makes sense. Paying today.').last().waitFor({ timeout: 20_000 });
    await portal.getByText('It covers the two extra rounds of changes to the poster.').last().waitFor();
    const thread = await walk.running.demo.portico.api.business(walk.running.demo.businessId).tickets.list();
    const ticket = thread.tickets.find((t) => t.subject === subject)!;
    const messages = (await walk.running.demo.portico.api.business(walk.running.demo.businessId).tickets.get(ticket.id)).messages;
    expect(messages.map((m) => [m.authorKind, m.source, m.body, m.attachments.map((a) => a.filename)])).toEqual([
      ['client', 'portal', 'What is the “Revisions” line on this invoice for?', ['poster-draft.png']],
      ['business', 'admin', 'It covers the two extra rounds of changes to the poster.', ['revisions.pdf']],
      ['client', 'email', 'Thanks, that makes sense. Paying today.', []],
    ]);
    await context.close();
  }, 120_000);
});
