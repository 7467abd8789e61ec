import { describe, expect, it } from 'vitest';
import { openEmailAbout } from './mailbox.js';
import { walkTheDemo } from './walk.js';

/**
 * The studio's side of estimates, walked in headless Chromium on the demo's
 * dashboard: `<portico-admin-estimates>` lists the seeded estimates, sends
 * the draft (its email reaches the mailbox with a sign-in button), serves an
 * estimate's PDF on the studio's own session; the client presses the email's
 * button, lands on that estimate in the portal (in German, the client's
 * language) and accepts it, and the dashboard shows it accepted with its
 * invoice; last, the studio makes an invoice of a sent estimate the client
 * agreed to by phone.
 */
describe('end to end: an estimate sent, accepted in the portal, and one made an invoice by the studio', () => {
  const walk = walkTheDemo();

  it('send from the dashboard, the email, the PDF, accepted in the portal, Make invoice', async () => {
    const context = await walk.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { origin } = walk.running;
    const studioApi = () => walk.running.demo.portico.api.business(walk.running.demo.businessId);
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

    // The client (German, so the portal speaks German) presses the button, lands on the estimate and accepts it.
    const [landing] = await Promise.all([mail.waitForEvent('popup'), mail.frameLocator('iframe.mail-frame').locator('a[href*="/portal/auth/link/"]').first().click()]);
    // The landing page speaks the browser's language (it knows no one yet); the portal, once signed in, the client's.
    await landing.getByRole('button', { name: 'Continue to your portal' }).click();
    const preview = landing.locator('portico-portal portico-estimate-preview');
    await preview.getByRole('heading', { name: new RegExp(number) }).first().waitFor({ timeout: 15_000 });
    expect(new URL(landing.url()).searchParams.get('portico')).toMatch(/^estimates\/est_/);
    await preview.getByRole('button', { name: 'Annehmen', exact: true }).click();
    await preview.getByLabel('Ihr vollständiger Name').fill('Lukas Brenner');
    await preview.getByRole('checkbox').check();
    await preview.getByRole('button', { name: 'Angebot annehmen' }).click();
    await preview.getByText(/^Angenommen von Lukas Brenner am /).waitFor({ timeout: 10_000 });

    // The studio's dashboard shows it accepted, with the invoice it became.
    await row.getByText('Accepted', { exact: true }).waitFor({ timeout: 20_000 });
    const accepted = (await studioApi().estimates.list()).find((candidate) => candidate.number === number)!;
    expect(accepted).toMatchObject({ status: 'accepted', invoiceId: expect.stringMatching(/^inv_/) });
    expect(accepted.acceptance).toMatchObject({ name: 'Lukas Brenner' });
    expect(await studioApi().invoices.get(accepted.invoiceId!)).toMatchObject({ total: accepted.total, currency: accepted.currency, clientId: accepted.clientId });
    await landing.close();

    // A sent estimate agreed by phone: the studio makes it an invoice itself.
    const convert = estimates.getByRole('button', { name: /^Make invoice: EST-\d{4}$/ }).first();
    const agreed = /EST-\d{4}/.exec((await convert.getAttribute('aria-label')) ?? '')![0];
    await convert.click();
    await estimates.getByText(`${agreed} is now a draft invoice.`).waitFor({ timeout: 10_000 });
    const agreedRow = estimates.getByRole('row').filter({ hasText: agreed });
    await agreedRow.getByText('Invoiced', { exact: true }).waitFor();
    expect(await agreedRow.getByText('Draft invoice', { exact: true }).count()).toBe(1);

    const studio = studioApi();
    const estimate = (await studio.estimates.list()).find((candidate) => candidate.number === agreed)!;
    expect(estimate).toMatchObject({ status: 'converted', invoiceId: expect.stringMatching(/^inv_/) });
    expect(await studio.invoices.get(estimate.invoiceId!)).toMatchObject({ status: 'draft', total: estimate.total, currency: estimate.currency });
    await context.close();
  }, 120_000);
});
