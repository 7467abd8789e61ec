/**
 * Screenshots of the demo for the README, taken from the real thing in
 * headless Chromium: `npm run screenshots --workspace=@portico/example-demo`.
 * Writes docs/screenshots/*.png at the repository root.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@portico/example-kit/browser';
import { startDemo } from './demo-server.js';
import { sendInvoiceAndOpenLink } from './sign-in-from-email.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/screenshots');

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const running = await startDemo();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const shot = async (name: string, target = page, fullPage = false) => {
      // A viewport as tall as the page, rather than fullPage, which scrolls and
      // leaves the sticky site header in the middle of the picture.
      const width = target.viewportSize()?.width ?? 1280;
      if (fullPage) await target.setViewportSize({ width, height: (await target.evaluate('document.documentElement.scrollHeight')) as number });
      await target.screenshot({ path: join(outDir, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    };

    await page.goto(`${running.origin}/`);
    await shot('demo-home');

    await page.goto(`${running.origin}/admin`);
    await page.locator('portico-admin-invoices').getByRole('row').nth(1).waitFor();
    await page.locator('#invoices').scrollIntoViewIfNeeded();
    await shot('demo-admin');

    const { page: mail, landing } = await sendInvoiceAndOpenLink(context, running.origin);
    await mail.setViewportSize({ width: 1280, height: 860 });
    await shot('invoice-email', mail);

    await landing.setViewportSize({ width: 1280, height: 720 });
    await landing.waitForLoadState();
    await shot('sign-in-landing', landing);

    await landing.getByRole('button', { name: 'Continue to your portal' }).click();
    await landing.waitForURL(/\/account/);
    await landing.locator('portico-portal').getByRole('heading', { name: /^Invoice HP-/ }).waitFor();
    await landing.waitForTimeout(500);
    await shot('portal-signed-in', landing, true);

    const portal = landing.locator('portico-portal');
    await portal.getByRole('button', { name: 'Back to invoices' }).click();
    await portal.locator('portico-invoice-list').getByRole('row').nth(1).waitFor();
    await landing.waitForTimeout(500);
    await shot('portal-invoices', landing, true);

    // Support: the client asks from the portal, the studio reads it in its inbox.
    await landing.setViewportSize({ width: 1280, height: 860 });
    await portal.getByRole('tab', { name: /^Support/ }).click();
    await portal.getByRole('button', { name: 'Open new ticket' }).click();
    await portal.getByLabel('Subject').fill('Can we pay the poster invoice in two parts?');
    await portal.getByLabel('Message').fill('Hello! Our budget for this quarter is nearly spent. Could we pay half now and half in January?');
    await portal.getByRole('button', { name: 'Send', exact: true }).click();
    await portal.getByText('Could we pay half now').waitFor();
    await landing.waitForTimeout(300);
    await shot('portal-support', landing, true);

    await page.goto(`${running.origin}/admin#support`);
    const inbox = page.locator('portico-admin-inbox');
    await inbox.getByText('Can we pay the poster invoice in two parts?').first().click();
    await inbox.getByText('Could we pay half now').waitFor();
    await inbox.getByLabel('Your reply').fill('Of course: we will split it into two invoices, one now and one on 15 January.');
    await inbox.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await inbox.screenshot({ path: join(outDir, 'admin-inbox.png') });
    console.log('docs/screenshots/admin-inbox.png');
  } finally {
    await browser.close();
    await running.stop();
  }
}

await main();
