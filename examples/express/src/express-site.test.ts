import { emailExampleSignInLink } from '@portico/example-kit';
import { launchChromium } from '@portico/example-kit/browser';
import { invoiceNumbersListed, signInWithLink } from '@portico/example-kit/portal-walk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExpressSite, type ExpressSite } from './express-site.js';

describe('examples/express in Chromium', () => {
  let site: ExpressSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startExpressSite({ port: 0 }), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('signs in from the emailed link on the Express page and lists the client’s invoices', async () => {
    const { link, invoiceNumber } = await emailExampleSignInLink(site.backend);
    expect(link.startsWith(`${site.origin}/portal/auth/link/`)).toBe(true);

    const page = await browser.newPage();
    await signInWithLink(page, link);
    // Landed on the site's own page, not Portico's.
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await invoiceNumbersListed(page, 3)).toEqual([...site.backend.sample.issuedInvoiceNumbers, invoiceNumber].sort());
    await page.close();
  }, 60_000);
});
