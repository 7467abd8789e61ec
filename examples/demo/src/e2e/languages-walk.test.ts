import { describe, expect, it } from 'vitest';
import { walkTheDemo } from './walk.js';

/**
 * The built bundle as the server serves it, in headless Chromium: English is
 * in `/portal/widgets.js`; a portal switched to another language fetches that
 * language's file from beside it once, and shows its words.
 */
describe('end to end: a language other than English', () => {
  const walk = walkTheDemo();

  it('the portal in German, then Arabic: each table fetched from the server, compressed, once', async () => {
    const context = await walk.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const fetched: Array<{ url: string; status: number; encoding: string | undefined }> = [];
    page.on('response', (response) => {
      if (/\/portal\/widgets-[a-z]{2}-[\w-]+\.js$/.test(response.url())) {
        fetched.push({ url: response.url(), status: response.status(), encoding: response.headers()['content-encoding'] });
      }
    });
    await page.goto(`${walk.running.origin}/account`);
    const portal = page.locator('portico-portal');
    await expect.poll(() => portal.getByRole('button', { name: 'Email me a sign-in link' }).count(), { timeout: 10_000 }).toBe(1);
    expect(fetched).toEqual([]);

    await portal.evaluate((element) => element.setAttribute('lang', 'de'));
    await expect.poll(() => portal.getByRole('button', { name: 'Anmeldelink senden' }).count(), { timeout: 10_000 }).toBe(1);

    await portal.evaluate((element) => element.setAttribute('lang', 'ar'));
    await expect.poll(() => portal.locator('[part~="portal"]').getAttribute('dir'), { timeout: 10_000 }).toBe('rtl');
    await portal.evaluate((element) => element.setAttribute('lang', 'de-AT'));
    await expect.poll(() => portal.getByRole('button', { name: 'Anmeldelink senden' }).count()).toBe(1);

    expect(fetched.map(({ url }) => /widgets-([a-z]{2})-/.exec(url)![1])).toEqual(['de', 'ar']);
    for (const response of fetched) expect(response).toMatchObject({ status: 200, encoding: 'br' });
    await context.close();
  }, 60_000);
});
