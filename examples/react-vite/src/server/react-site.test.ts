import { emailExampleSignInLink } from '@portico/example-kit';
import { launchChromium } from '@portico/example-kit/browser';
import { invoiceNumbersListed, signInWithLink } from '@portico/example-kit/portal-walk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReactSite, type ReactSite } from './react-site.js';

describe('examples/react-vite in Chromium', () => {
  let site: ReactSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startReactSite({ port: 0 }), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('the React app shows the portal, signs in from the emailed link, lists the invoices and hears portico-signed-in', async () => {
    const { link, invoiceNumber } = await emailExampleSignInLink(site.backend);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signInWithLink(page, link);
    expect(new URL(page.url()).pathname).toBe('/');
    // The app's own React state, set from the component's typed event.
    await page.getByRole('status').filter({ hasText: 'Signed in as Ann Ledger' }).waitFor({ timeout: 15_000 });
    expect(await invoiceNumbersListed(page, 3)).toEqual([...site.backend.sample.issuedInvoiceNumbers, invoiceNumber].sort());
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
