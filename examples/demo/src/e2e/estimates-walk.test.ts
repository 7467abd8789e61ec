import { describe, expect, it } from 'vitest';
import { openEmailAbout } from './mailbox.js';
import { walkTheDemo } from './walk.js';

/**
 * The studio's side of estimates, walked in headless Chromium on the demo's
 * dashboard: `<portico-admin-estimates>` lists the seeded estimates, sends
 * the draft (its email reaches the mailbox with a sign-in button), serves an
 * estimate's PDF on the studio's own session, and makes an invoice of a sent
 * estimate the client agreed to by phone.
 */
describe('end to end: the studio sends an estimate and makes one an invoice', () => {
  const walk = walkTheDemo();

  it('send from the dashboard, the email in the mailbox, the PDF, Make invoice', async () => {
    const context = await walk.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { origin } = walk.running;
    await page.goto(`${origin}/admin#estimates`);
    const estimates = page.locator('portico-admin-estimates');
    await estimates.getByRole('row').nth(1).waitFor({ timeout: 10_000 });
    for (const status of ['Draft', 'Sent', 'Expired', 'Accepted', 'Invoiced', 'Declined']) {
      expect(await estimates.getByText(status, { exact: true }).count(), status).toBeGreaterThan(0);
    }

    // Send the draft.
    const send = estimates.getByRole('button', { name: /^Send: EST-\d{4}$/ });
    const number = /EST-\d{4}/.exec((await send.getAttribute('aria-label')) ?? '')![0];
    await send.click();
    await estimates.getByText(`${number} sent to 1 contact.`).waitFor({ timeout: 10_000 });
    const row = estimates.getByRole('row').filter({ hasText: number });
    await row.getByText('Sent', { exact: true }).waitFor();

    // Its PDF, on the studio's session.
    const href = await row.getByRole('link', { name: `PDF of ${number}` }).getAttribute('href');
    const pdf = await page.request.get(`${origin}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain(`estimate-${number}.pdf`);

    // The client's email (in the client's language), with the button that signs in onto the estimate.
    const mail = await context.newPage();
    await openEmailAbout(mail, origin, number);
    await expect.poll(() => mail.frameLocator('iframe.mail-frame').locator('a[href*="/portal/auth/link/"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // A sent estimate agreed by phone: the studio makes it an invoice itself.
    const convert = estimates.getByRole('button', { name: /^Make invoice: EST-\d{4}$/ }).first();
    const agreed = /EST-\d{4}/.exec((await convert.getAttribute('aria-label')) ?? '')![0];
    await convert.click();
    await estimates.getByText(`${agreed} is now a draft invoice.`).waitFor({ timeout: 10_000 });
    const agreedRow = estimates.getByRole('row').filter({ hasText: agreed });
    await agreedRow.getByText('Invoiced', { exact: true }).waitFor();
    expect(await agreedRow.getByText('Draft invoice', { exact: true }).count()).toBe(1);

    const studio = walk.running.demo.portico.api.business(walk.running.demo.businessId);
    const estimate = (await studio.estimates.list()).find((candidate) => candidate.number === agreed)!;
    expect(estimate).toMatchObject({ status: 'converted', invoiceId: expect.stringMatching(/^inv_/) });
    expect(await studio.invoices.get(estimate.invoiceId!)).toMatchObject({ status: 'draft', total: estimate.total, currency: estimate.currency });
    await context.close();
  }, 60_000);
});
