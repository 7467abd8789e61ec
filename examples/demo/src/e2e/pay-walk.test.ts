import { randomBytes } from 'node:crypto';
import { FakeStripe } from '@portico/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmailAbout } from './mailbox.js';
import { continueToPortal, sendInvoiceAndOpenLink } from './sign-in-from-email.js';
import { walkTheDemo } from './walk.js';
import { installStripeJsStandIn } from './stripe-js-stand-in.js';

/**
 * Pay now, walked in headless Chromium up to the paid badge. Stripe's API and
 * Stripe.js are out of reach here, so the demo's server talks to a local
 * FakeStripe, and the page gets a small stand-in for Stripe.js whose Pay
 * button does what Stripe does when a card goes through: the session becomes
 * paid, and the form calls the widget's onComplete.
 */
describe('end to end: Pay now', () => {
  let stripe: FakeStripe;
  const walk = walkTheDemo(async () => {
    stripe = await new FakeStripe().start();
    return { stripe: { encryptionKey: randomBytes(32).toString('base64'), connection: stripe.connection, webhookSecret: 'whsec_demo' } };
  });
  // Registered after the walk's own hooks, so it runs before the demo stops.
  afterAll(async () => {
    await stripe?.stop();
  });

  it('pays the invoice from the email in the embedded checkout; it shows paid at once and on the studio’s side', async () => {
    const context = await walk.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const { landing: page, invoiceNumber } = await sendInvoiceAndOpenLink(context, walk.running.origin);
    await continueToPortal(page);

    // Stripe completes the session when the stand-in's Pay is pressed.
    await installStripeJsStandIn(page, (clientSecret) => {
      const session = [...stripe.sessions.values()].find((candidate) => candidate.client_secret === clientSecret);
      if (!session) throw new Error('No checkout session for that client secret.');
      stripe.completeSession(session.id);
    });

    const portal = page.locator('portico-portal');
    await portal.getByRole('heading', { name: `Invoice ${invoiceNumber}` }).waitFor({ timeout: 10_000 });
    await portal.getByRole('button', { name: new RegExp(`^Pay now .*${invoiceNumber}$`) }).first().click();
    await page.getByRole('button', { name: 'Pay with test card (Stripe.js stand-in)' }).click();

    // Paid at once, in the portal: the preview's badge and the server's books.
    await expect.poll(() => portal.getByText('Thank you, your payment was received.').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const studio = walk.running.demo.portico.api.business(walk.running.demo.businessId);
    const [invoice] = (await studio.invoices.list()).filter((candidate) => candidate.number === invoiceNumber);
    expect(invoice).toMatchObject({ status: 'paid', balance: 0 });
    const asked = stripe.requests.find((request) => request.path === '/v1/checkout/sessions');
    expect(asked?.body).toMatchObject({ ui_mode: 'embedded_page', line_items: [{ price_data: { unit_amount: String(invoice!.total) } }] });
    await portal.getByRole('button', { name: 'Back to invoices' }).click();
    const row = portal.locator('portico-invoice-list').getByRole('row').filter({ hasText: invoiceNumber });
    await expect.poll(() => row.getByText('Paid', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // The studio's dashboard shows it paid too.
    const dashboard = await context.newPage();
    await dashboard.goto(`${walk.running.origin}/admin`);
    const adminRow = dashboard.locator('portico-admin-invoices').getByRole('row').filter({ hasText: invoiceNumber });
    await expect.poll(() => adminRow.getByText('Paid', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // The receipt: one email per contact of the client for the payment, saying it is paid in full.
    const mail = await context.newPage();
    await openEmailAbout(mail, walk.running.origin, `Payment received for invoice ${invoiceNumber}`);
    expect(await mail.locator('.mail-text pre').textContent()).toContain('The invoice is now paid in full.');
    await mail.goto(`${walk.running.origin}/mailbox`);
    const { contacts } = await studio.clients.get(invoice!.clientId);
    expect(await mail.locator('.mail-list a').filter({ hasText: `Payment received for invoice ${invoiceNumber}` }).count()).toBe(contacts.length);
    await context.close();
  }, 120_000);
});
