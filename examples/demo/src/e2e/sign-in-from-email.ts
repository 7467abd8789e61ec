import type { BrowserContext, Page } from 'playwright-core';
import { openEmailAbout } from './mailbox.js';

/**
 * What a client does with an invoice email: the studio sends a draft from its
 * dashboard (Portico's admin widget), the client opens the email in the
 * development mailbox, presses its button (a new tab, as from webmail) and
 * gets the landing page.
 */
export async function sendInvoiceAndOpenLink(context: BrowserContext, origin: string): Promise<{ page: Page; landing: Page; invoiceNumber: string; clientName: string }> {
  const page = await context.newPage();
  await page.goto(`${origin}/admin`);
  // The studio's dashboard holds <portico-admin-invoices>: show the drafts, send the first.
  const invoices = page.locator('portico-admin-invoices');
  await invoices.getByRole('button', { name: /^Draft/ }).first().click();
  const draft = invoices.getByRole('row').filter({ has: page.getByRole('button', { name: /^Send: / }) }).first();
  await draft.waitFor();
  // The number is the row's header; the client is its first cell.
  const clientName = ((await draft.getByRole('cell').first().textContent()) ?? '').trim();
  await draft.getByRole('button', { name: /^Send: / }).click();
  const sent = invoices.getByText(/^HP-\d{4} sent to \d contacts?\.$/);
  await sent.waitFor({ timeout: 10_000 });
  const invoiceNumber = /^(HP-\d{4})/.exec((await sent.textContent()) ?? '')![1]!;

  await openEmailAbout(page, origin, invoiceNumber);
  const email = page.frameLocator('iframe.mail-frame');
  const [landing] = await Promise.all([page.waitForEvent('popup'), email.locator('a[href*="/portal/auth/link/"]').first().click()]);
  await landing.waitForLoadState();
  return { page, landing, invoiceNumber, clientName };
}

/** Presses Continue and waits for the signed-in portal on the studio's page. */
export async function continueToPortal(landing: Page): Promise<void> {
  await landing.getByRole('button', { name: 'Continue to your portal' }).click();
  await landing.waitForURL(/\/account\?invoice=inv_/);
  await landing.locator('portico-portal').getByRole('button', { name: 'Sign out', exact: true }).waitFor({ timeout: 10_000 });
}
