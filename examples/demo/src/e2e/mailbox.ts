import type { Page } from 'playwright-core';

/**
 * Opens the newest email in the development mailbox whose subject mentions
 * `about`. Mail is delivered by the worker every second, so it reloads the
 * mailbox until the email is there.
 */
export async function openEmailAbout(page: Page, origin: string, about: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.goto(`${origin}/mailbox`);
    const newest = page.locator('.mail-list a').filter({ hasText: about }).first();
    if ((await newest.count()) > 0) {
      await newest.click();
      await page.waitForURL(/\/mailbox\/out_/);
      return;
    }
    if (attempt === 20) throw new Error(`No email about “${about}” reached the mailbox.`);
    await page.waitForTimeout(500);
  }
}
