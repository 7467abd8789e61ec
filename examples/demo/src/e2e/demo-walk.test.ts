import { describe, expect, it } from 'vitest';
import { sendInvoiceAndOpenLink } from './sign-in-from-email.js';
import { walkTheDemo } from './walk.js';

/**
 * Walks the demo as a person would, in headless Chromium: the studio sends an
 * invoice, the client opens the email in the development mailbox, presses its
 * button, presses Continue, and lands signed in on the studio's portal page.
 */
describe('end to end: from the invoice email to the signed-in portal', () => {
  const walk = walkTheDemo();

  it('send, read, click, continue, signed in; the link then works no more', async () => {
    const context = await walk.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { landing, invoiceNumber, clientName } = await sendInvoiceAndOpenLink(context, walk.running.origin);
    expect(invoiceNumber).toMatch(/^HP-\d{4}$/);

    // Opening the link consumed nothing: the page asks to continue.
    await expect.poll(() => landing.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to your portal');
    const linkUrl = landing.url();
    await landing.getByRole('button', { name: 'Continue to your portal' }).click();

    // Signed in, on the studio's own portal page, with the invoice the email was about in front.
    await landing.waitForURL(/\/account\?invoice=inv_/);
    const portal = landing.locator('portico-portal');
    await expect.poll(() => portal.getByRole('button', { name: 'Sign out', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => portal.getByText(clientName, { exact: false }).count()).toBeGreaterThan(0);
    const cookies = await context.cookies(walk.running.origin);
    expect(cookies.find((c) => c.name === '__Host-portico_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });

    // The same link a second time, in this signed-in browser, goes straight back into the portal...
    const again = await context.newPage();
    await again.goto(linkUrl);
    await again.waitForURL(/\/account/);
    await expect.poll(() => again.locator('portico-portal').getByRole('button', { name: 'Sign out', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await again.close();
    // ...and in any other browser it explains itself and offers a new one.
    const elsewhere = await walk.browser.newContext({ locale: 'en-US' });
    const stranger = await elsewhere.newPage();
    await stranger.goto(linkUrl);
    await expect.poll(() => stranger.getByRole('heading', { level: 1 }).textContent()).toBe('This link has already been used');
    expect(await stranger.getByRole('button', { name: 'Email me a new link' }).count()).toBe(1);
    await elsewhere.close();

    // Signing out returns the portal to its signed-out state.
    await portal.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => portal.getByRole('button', { name: /email me a sign-in link/i }).count()).toBe(1);
    await context.close();
  }, 90_000);
});
