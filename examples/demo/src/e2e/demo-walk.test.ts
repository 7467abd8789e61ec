import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { startDemo, type RunningDemo } from './demo-server.js';

/**
 * Walks the demo as a person would, in headless Chromium: the studio sends an
 * invoice, the client opens the email in the development mailbox, presses its
 * button, presses Continue, and lands signed in on the studio's portal page.
 */
describe('end to end: from the invoice email to the signed-in portal', () => {
  let running: RunningDemo;
  let browser: Browser;

  beforeAll(async () => {
    running = await startDemo();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  async function openNewestEmail(page: Page, subjectPart: string) {
    // Mail is delivered by the worker every second; reload until it is there.
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.goto(`${running.origin}/mailbox`);
      const newest = page.locator('.mail-list a').filter({ hasText: subjectPart }).first();
      if ((await newest.count()) > 0) return newest.click();
      await page.waitForTimeout(500);
    }
    throw new Error(`No email about ${subjectPart} reached the mailbox.`);
  }

  it('send, read, click, continue, signed in; the link then works no more', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // The studio sends a draft invoice from its dashboard.
    await page.goto(`${running.origin}/admin`);
    const send = page.getByRole('button', { name: /^Issue and send draft to / }).first();
    const clientName = (await send.getAttribute('aria-label'))!.replace(/^Issue and send draft to /, '');
    await send.click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Invoice HP-\d{4} was sent to \d contact/);
    const invoiceNumber = /Invoice (HP-\d{4})/.exec((await page.getByRole('status').textContent())!)![1]!;

    // The client reads it in the mailbox; the button opens a new tab, as from webmail.
    await openNewestEmail(page, invoiceNumber);
    const email = page.frameLocator('iframe.mail-frame');
    await expect.poll(() => email.locator('body').textContent()).toContain(invoiceNumber);
    const [landing] = await Promise.all([page.waitForEvent('popup'), email.locator('a[href*="/portal/auth/link/"]').first().click()]);
    await landing.waitForLoadState();

    // Opening the link consumed nothing: the page asks to continue.
    await expect.poll(() => landing.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to your portal');
    const linkUrl = landing.url();
    await landing.getByRole('button', { name: 'Continue to your portal' }).click();

    // Signed in, on the studio's own portal page, with the invoice the email was about in front.
    await landing.waitForURL(/\/account\?invoice=inv_/);
    const portal = landing.locator('portico-portal');
    await expect.poll(() => portal.getByRole('button', { name: 'Sign out', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => portal.getByText(clientName, { exact: false }).count()).toBeGreaterThan(0);
    const cookies = await context.cookies(running.origin);
    expect(cookies.find((c) => c.name === '__Host-portico_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });

    // The same link a second time explains itself and offers a new one.
    const again = await context.newPage();
    await again.goto(linkUrl);
    await expect.poll(() => again.getByRole('heading', { level: 1 }).textContent()).toBe('This link has already been used');
    expect(await again.getByRole('button', { name: 'Email me a new link' }).count()).toBe(1);

    // Signing out returns the portal to its signed-out state.
    await portal.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => portal.getByRole('button', { name: /email me a sign-in link/i }).count()).toBe(1);
    await context.close();
  }, 90_000);
});
