import { emailExampleSignInLink } from '@portico/example-kit';
import { launchChromium } from '@portico/example-kit/browser';
import { invoiceNumbersListed, signInWithLink } from '@portico/example-kit/portal-walk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrossOriginSite, type CrossOriginSite } from './cross-origin-site.js';

describe('examples/static-html in Chromium', () => {
  let site: CrossOriginSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startCrossOriginSite({ pagePort: 0, porticoPort: 0 }), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('signs in on a page of another origin with a bearer token and lists the client’s invoices', async () => {
    const { portico, page: staticPage } = site;
    expect(new URL(portico.origin).origin).not.toBe(staticPage.origin);
    const { link, invoiceNumber } = await emailExampleSignInLink(portico.backend);
    // The email opens the static page itself, the token in the fragment.
    expect(link.startsWith(`${staticPage.origin}/#portico-link=`)).toBe(true);

    const context = await browser.newContext();
    const page = await context.newPage();
    const bearerRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${portico.origin}/portal/api/`) && request.headers()['authorization']?.startsWith('Bearer ')) bearerRequests.push(request.url());
    });
    await signInWithLink(page, link);
    // The fragment (the token) is gone from the address bar at once; what is there is the portal's place, on the host page.
    const address = new URL(page.url());
    expect([address.origin, address.pathname, address.hash]).toEqual([staticPage.origin, '/', '']);
    expect([...address.searchParams.keys()]).toEqual(['portico']);
    expect(await invoiceNumbersListed(page, 3)).toEqual([...portico.backend.sample.issuedInvoiceNumbers, invoiceNumber].sort());
    // Signed in by bearer token, not by a cookie: none of Portico's crossed over.
    expect(bearerRequests.length).toBeGreaterThan(0);
    expect(await context.cookies(portico.origin)).toEqual([]);
    await context.close();
  }, 60_000);
});
