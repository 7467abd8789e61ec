import { EXAMPLE_CONTACT_EMAIL, emailExampleSignInLink } from '@portico/example-kit';
import { launchChromium } from '@portico/example-kit/browser';
import { invoiceNumbersListed, signInWithLink } from '@portico/example-kit/portal-walk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExpressSite, type ExpressSite } from './express-site.js';

describe('examples/express in Chromium', () => {
  let site: ExpressSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startExpressSite({ port: 0 }), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('signs in from the emailed link on the Express page and lists the client’s invoices', async () => {
    const { link, invoiceNumber } = await emailExampleSignInLink(site.backend);
    expect(link.startsWith(`${site.origin}/portal/auth/link/`)).toBe(true);

    const page = await browser.newPage();
    await signInWithLink(page, link);
    // Landed on the site's own page, not Portico's.
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await invoiceNumbersListed(page, 3)).toEqual([...site.backend.sample.issuedInvoiceNumbers, invoiceNumber].sort());
    await page.close();
  }, 60_000);

  it('a member signed in to the site itself is in the portal with no email: the page’s grant signs them in once', async () => {
    const outbox = () => site.backend.portico.database.db.selectFrom('outbox_emails').select('id').execute();
    const mailBefore = (await outbox()).length;
    const page = await browser.newPage();
    const exchanges: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/portal/auth/sessions/')) exchanges.push(request.url());
    });
    await page.goto(`${site.origin}/members`);
    expect(new URL(page.url()).pathname, 'the host’s own login first').toBe('/members/sign-in');
    await page.getByLabel('Email').fill(EXAMPLE_CONTACT_EMAIL);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${site.origin}/members`);

    const portal = page.locator('portico-portal');
    await portal.getByRole('button', { name: 'Sign out', exact: true }).waitFor({ timeout: 15_000 });
    const rows = portal.locator('portico-invoice-list').getByRole('row');
    await expect.poll(async () => (await rows.allTextContents()).join(' '), { timeout: 15_000 }).toContain(site.backend.sample.issuedInvoiceNumbers[0]);
    expect(exchanges).toHaveLength(1);
    expect((await outbox()).length, 'no email was needed').toBe(mailBefore);

    // A reload renders a new grant: the member stays in.
    await page.reload();
    await portal.getByRole('button', { name: 'Sign out', exact: true }).waitFor({ timeout: 15_000 });
    expect(exchanges).toHaveLength(2);
    await page.close();
  }, 60_000);

  it('receives Portico’s events at its own webhook route, each verified with the standardwebhooks package', async () => {
    const { business, clientId } = site.backend.sample;
    await site.backend.portico.api.business(business.id).clients.update(clientId, { externalId: 'crm-42' });
    // The event worker runs in the site's process and delivers within a second or so.
    await expect
      .poll(() => site.received.events.filter((event) => event.type === 'client.updated').map((event) => event.data), { timeout: 15_000 })
      .toEqual([expect.objectContaining({ client: expect.objectContaining({ id: clientId, externalId: 'crm-42' }), changed: ['externalId'] })]);
    expect(site.received.refused).toBe(0);

    const forged = await fetch(`${site.origin}/portico-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'evt_forged', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' },
      body: JSON.stringify({ id: 'evt_forged', type: 'invoice.paid', data: {} }),
    });
    expect(forged.status).toBe(400);
    expect(site.received.refused).toBe(1);
    expect(site.received.events.map((event) => event.id)).not.toContain('evt_forged');
  }, 30_000);
});
