import type { Page } from 'playwright-core';

/**
 * What a client does with the link in an invoice email: opens it (Portico's
 * landing page, or the host's page when the portal lives on another origin),
 * presses Continue, and waits for the signed-in portal.
 */
export async function signInWithLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Continue to your portal' }).click();
  await page.locator('portico-portal').getByRole('button', { name: 'Sign out', exact: true }).waitFor({ timeout: 15_000 });
}

/**
 * The invoice numbers the signed-in portal lists, once the list has loaded
 * (the invoice from the email opens first; "Back to invoices" leaves it).
 */
export async function invoiceNumbersListed(page: Page, expected: number): Promise<string[]> {
  const portal = page.locator('portico-portal');
  const back = portal.getByRole('button', { name: 'Back to invoices' });
  await back.waitFor({ timeout: 15_000 });
  await back.click();
  const rows = portal.locator('portico-invoice-list').getByRole('row');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const numbers = [...new Set((await rows.allTextContents()).flatMap((text) => text.match(/NW-\d{4}/g) ?? []))].sort();
    if (numbers.length >= expected || Date.now() > deadline) return numbers;
    await page.waitForTimeout(200);
  }
}
