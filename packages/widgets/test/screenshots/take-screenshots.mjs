/**
 * Screenshots of <portico-portal> in each state, from the built bundle, in
 * headless Chromium (CHROME_PATH, CHROMIUM_PATH or /usr/bin/chromium).
 * Writes PNGs to test/screenshots/out/. Run with `npm run screenshots`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';

const here = new URL('./', import.meta.url);
const out = new URL('out/', here);
await mkdir(out, { recursive: true });

const files = {
  '/': { path: new URL('portal.html', here), type: 'text/html' },
  '/portico-widgets.js': { path: new URL('../../dist/portico-widgets.js', here), type: 'text/javascript' },
};
const server = createServer(async (req, res) => {
  const file = files[new URL(req.url, 'http://x').pathname];
  if (!file) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': file.type }).end(await readFile(file.path));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const shots = [
  { name: 'signed-out', query: 'state=signed-out', focusEmail: true },
  { name: 'signed-out-dark', query: 'state=signed-out', dark: true },
  { name: 'link-sent', query: 'state=signed-out', submit: 'ann@globex.test' },
  { name: 'rate-limited', query: 'state=rate-limited', submit: 'ann@globex.test' },
  { name: 'invalid-email', query: 'state=invalid-email', submit: 'ann@' },
  { name: 'continue', query: 'state=signed-out', hash: '#portico-link=abc123' },
  { name: 'signed-in', query: 'state=signed-in' },
  { name: 'signed-in-no-logo', query: 'state=signed-in&logo=0' },
  { name: 'signed-in-dark', query: 'state=signed-in', dark: true },
  { name: 'signed-in-rtl', query: 'state=signed-in&lang=ar' },
  { name: 'signed-in-themed', query: 'state=signed-in&themed=1' },
  { name: 'signed-in-phone', query: 'state=signed-in', width: 380 },
  { name: 'signed-out-after-sign-out', query: 'state=signed-in', signOut: true },
];

for (const shot of shots) {
  const page = await browser.newPage();
  await page.setViewport({ width: shot.width ?? 1000, height: 640 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.dark ? 'dark' : 'light' }]);
  await page.goto(`${origin}/?${shot.query}${shot.hash ?? ''}`);
  await page.waitForFunction(() => {
    const portal = document.querySelector('portico-portal');
    return portal?.shadowRoot?.querySelector('form, [role="tablist"], button');
  });
  if (shot.submit) {
    await page.type('portico-portal >>> input', shot.submit);
    await page.click('portico-portal >>> button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('portico-portal').shadowRoot.querySelector('[part~="message"]'));
  }
  if (shot.hash) {
    const url = page.url();
    if (url.includes('portico-link')) throw new Error(`the token stayed in the URL: ${url}`);
  }
  if (shot.signOut) {
    await page.click('portico-portal >>> [part~="header"] button');
    await page.waitForFunction(() => document.querySelector('portico-portal').shadowRoot.querySelector('form'));
  }
  if (shot.focusEmail) {
    await page.keyboard.press('Tab');
  }
  await new Promise((r) => setTimeout(r, 100));
  const element = await page.$('portico-portal');
  await element.screenshot({ path: new URL(`${shot.name}.png`, out).pathname });
  console.log(`screenshot: ${shot.name}.png`);
  await page.close();
}

await browser.close();
server.close();
