/**
 * Screenshots of <portico-portal> in each state, and of each billing widget
 * on its own page (widgets.html), from the built bundle, in
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
  '/widgets.html': { path: new URL('widgets.html', here), type: 'text/html' },
  '/fake-billing.js': { path: new URL('fake-billing.js', here), type: 'text/javascript' },
  '/fake-stripe.js': { path: new URL('fake-stripe.js', here), type: 'text/javascript' },
  '/fake-tickets.js': { path: new URL('fake-tickets.js', here), type: 'text/javascript' },
};
const bundle = new URL('../../dist/bundle/', here);
const server = createServer(async (req, res) => {
  const pathname = new URL(req.url, 'http://x').pathname;
  // The bundle's entry and the files it imports (a language's table), as the server serves them.
  const bundled = /^\/(widgets(-[A-Za-z0-9_-]+)?\.js)$/.exec(pathname)?.[1];
  const file = bundled ? { path: new URL(bundled, bundle), type: 'text/javascript' } : files[pathname];
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

/** Waits for a selector inside the shadow roots of the page (`a >>> b` style, one level per `>>>`). */
async function waitDeep(page, selectors) {
  await page.waitForFunction((selectors) => {
    let roots = [document];
    for (const selector of selectors) {
      const found = roots.flatMap((root) => [...root.querySelectorAll(selector)]);
      if (found.length === 0) return false;
      roots = found.map((el) => el.shadowRoot ?? el);
    }
    return true;
  }, { timeout: 5000 }, selectors);
}

const signedIn = ['portico-portal', 'portico-invoice-list', 'tbody tr'];
const shots = [
  { name: 'signed-out', query: 'state=signed-out', focusEmail: true },
  { name: 'signed-out-dark', query: 'state=signed-out', dark: true },
  { name: 'link-sent', query: 'state=signed-out', submit: 'ann@globex.test' },
  { name: 'rate-limited', query: 'state=rate-limited', submit: 'ann@globex.test' },
  { name: 'invalid-email', query: 'state=invalid-email', submit: 'ann@' },
  { name: 'continue', query: 'state=signed-out', hash: '#portico-link=abc123' },
  { name: 'signed-in', query: 'state=signed-in', wait: signedIn },
  { name: 'signed-in-no-logo', query: 'state=signed-in&logo=0', wait: signedIn },
  { name: 'signed-in-dark', query: 'state=signed-in', dark: true, wait: signedIn },
  { name: 'signed-in-rtl', query: 'state=signed-in&lang=ar', wait: signedIn },
  { name: 'signed-in-themed', query: 'state=signed-in&themed=1', wait: signedIn },
  { name: 'signed-in-phone', query: 'state=signed-in', width: 375, wait: signedIn },
  { name: 'account-tab', query: 'state=signed-in', wait: signedIn, click: 'portico-portal >>> #tab-account' },
  { name: 'invoice-open', query: 'state=signed-in&invoice=inv_37', wait: ['portico-portal', 'portico-invoice-preview', '[part~="invoice"]'] },
  { name: 'invoice-open-phone', query: 'state=signed-in&invoice=inv_37', width: 375, wait: ['portico-portal', 'portico-invoice-preview', '[part~="invoice"]'] },
  { name: 'signed-out-after-sign-out', query: 'state=signed-in', signOut: true },
  // Each billing widget on a plain white page.
  { name: 'statement', page: 'widgets.html', query: 'widget=statement', wait: ['portico-statement', '[part~="currency"]'] },
  { name: 'statement-phone', page: 'widgets.html', query: 'widget=statement', width: 375, wait: ['portico-statement', '[part~="currency"]'] },
  { name: 'invoice-list', page: 'widgets.html', query: 'widget=invoice-list', wait: ['portico-invoice-list', 'tbody tr'] },
  { name: 'invoice-list-phone', page: 'widgets.html', query: 'widget=invoice-list', width: 375, wait: ['portico-invoice-list', 'tbody tr'] },
  { name: 'invoice-list-dark', page: 'widgets.html', query: 'widget=invoice-list', dark: true, wait: ['portico-invoice-list', 'tbody tr'] },
  {
    name: 'invoice-list-filtered-selected',
    page: 'widgets.html',
    query: 'widget=invoice-list',
    wait: ['portico-invoice-list', 'tbody tr'],
    clicks: ['portico-invoice-list >>> [data-status="overdue"]', 'portico-invoice-list >>> [data-status="paid"]', 'portico-invoice-list >>> th[data-sort="amount"] button', 'portico-invoice-list >>> thead input[type="checkbox"]'],
  },
  {
    name: 'invoice-list-downloading',
    page: 'widgets.html',
    query: 'widget=invoice-list',
    wait: ['portico-invoice-list', 'tbody tr'],
    clicks: ['portico-invoice-list >>> thead input[type="checkbox"]', 'portico-invoice-list >>> [part~="selection"] button', 'portico-invoice-list >>> [part~="download-button"]'],
    settle: 2500,
  },
  { name: 'invoice-list-rtl', page: 'widgets.html', query: 'widget=invoice-list&lang=ar', wait: ['portico-invoice-list', 'tbody tr'] },
  { name: 'invoice-preview-desktop', page: 'widgets.html', query: 'widget=invoice-preview&invoice=inv_37', width: 1440, wait: ['portico-invoice-preview', '[part~="invoice"]'] },
  { name: 'invoice-preview-phone', page: 'widgets.html', query: 'widget=invoice-preview&invoice=inv_37', width: 375, wait: ['portico-invoice-preview', '[part~="invoice"]'] },
  { name: 'invoice-preview-dark', page: 'widgets.html', query: 'widget=invoice-preview&invoice=inv_35', dark: true, wait: ['portico-invoice-preview', '[part~="invoice"]'] },
  { name: 'invoice-preview-print', page: 'widgets.html', query: 'widget=invoice-preview&invoice=inv_37', print: true, wait: ['portico-invoice-preview', '[part~="invoice"]'] },
  { name: 'admin-invoices', page: 'widgets.html', query: 'widget=admin-invoices', wait: ['portico-admin-invoices', 'tbody tr'] },
  {
    name: 'admin-invoices-sent',
    page: 'widgets.html',
    query: 'widget=admin-invoices',
    wait: ['portico-admin-invoices', 'tbody tr'],
    clicks: ['portico-admin-invoices >>> tr[data-id="inv_39"] [part~="send-button"]', 'portico-admin-invoices >>> tr[data-id="inv_36"] [part~="send-button"]'],
    focusLast: true,
  },
  { name: 'admin-invoices-phone', page: 'widgets.html', query: 'widget=admin-invoices', width: 375, wait: ['portico-admin-invoices', 'tbody tr'] },
  // Pay now (?pay=1: the business takes card payments), with a stand-in for Stripe.js (fake-stripe.js).
  ...payShots(),
  // Support tickets (fake-tickets.js).
  ...ticketShots(),
];

function ticketShots() {
  const supportTab = { query: 'state=signed-in', click: 'portico-portal >>> #tab-support', then: ['portico-portal', 'portico-ticket-list', '.ticket'] };
  const thread = { query: 'state=signed-in&ticket=tkt_14', wait: ['portico-portal', 'portico-ticket-thread', '[part~="entry"]'] };
  const inbox = { page: 'widgets.html', query: 'widget=admin-inbox&ticket=tkt_14', width: 1200, wait: ['portico-admin-inbox', '[part~="entry-note"]'] };
  return [
    { name: 'support-tab', ...supportTab, wait: signedIn },
    { name: 'support-tab-phone', ...supportTab, wait: signedIn, width: 375 },
    { name: 'support-thread', ...thread },
    { name: 'support-thread-rtl', ...thread, query: `${thread.query}&lang=ar` },
    { name: 'support-thread-dark', ...thread, dark: true },
    { name: 'support-new-ticket', ...supportTab, wait: signedIn, clicks: ['portico-portal >>> portico-ticket-list >>> [part~="new-ticket-button"]'], then: ['portico-portal', 'portico-new-ticket', 'form'] },
    { name: 'admin-inbox', ...inbox },
    { name: 'admin-inbox-note', ...inbox, clicks: ['portico-admin-inbox >>> .note-toggle input'] },
    { name: 'admin-inbox-dark-rtl', ...inbox, query: `${inbox.query}&lang=ar`, dark: true },
    { name: 'admin-inbox-phone', ...inbox, width: 375 },
    { name: 'admin-inbox-held', ...inbox, clicks: ['portico-admin-inbox >>> [part~="held-button"]'], then: ['portico-admin-inbox', '[part~="held"]'] },
  ];
}

function payShots() {
  const button = { page: 'widgets.html', query: 'widget=pay-button&invoice=inv_37&pay=1', wait: ['portico-pay-button', '[part~="pay-button"]'] };
  const press = 'portico-pay-button >>> [part~="pay-button"]';
  const list = { page: 'widgets.html', query: 'widget=invoice-list&pay=1', wait: ['portico-invoice-list', 'portico-pay-button', '[part~="pay-button"]'] };
  const preview = { page: 'widgets.html', query: 'widget=invoice-preview&invoice=inv_37&pay=1', wait: ['portico-invoice-preview', 'portico-pay-button', '[part~="pay-button"]'] };
  const pressInPreview = 'portico-invoice-preview >>> portico-pay-button >>> [part~="pay-button"]';
  return [
    { name: 'pay-button', ...button },
    { name: 'pay-button-dark', ...button, dark: true },
    { name: 'pay-button-rtl', ...button, query: `${button.query}&lang=ar` },
    { name: 'pay-button-form', ...button, clicks: [press], then: ['[data-fake-stripe]'] },
    { name: 'pay-button-paid', ...button, clicks: [press, '[data-fake-stripe] button'], then: ['portico-pay-button', '[part~="paid"]'] },
    { name: 'invoice-list-pay', ...list },
    { name: 'invoice-list-pay-phone', ...list, width: 375 },
    { name: 'invoice-preview-pay', ...preview },
    { name: 'invoice-preview-pay-phone', ...preview, width: 375 },
    { name: 'invoice-preview-pay-dialog', ...preview, clicks: [pressInPreview], then: ['[data-portico-checkout-dialog] [data-fake-stripe]'], viewport: true },
    { name: 'invoice-preview-pay-dialog-phone', ...preview, width: 375, clicks: [pressInPreview], then: ['[data-portico-checkout-dialog] [data-fake-stripe]'], viewport: true },
    { name: 'invoice-preview-paid', ...preview, clicks: [pressInPreview, '[data-portico-checkout-dialog] [data-fake-stripe] button'], then: ['portico-invoice-preview', '[part~="status-paid"]'] },
    { name: 'signed-in-pay', query: 'state=signed-in&pay=1', wait: ['portico-portal', 'portico-invoice-list', 'portico-pay-button', '[part~="pay-button"]'] },
  ];
}

const only = process.argv[2];
for (const shot of shots) {
  if (only && !shot.name.includes(only)) continue;
  const page = await browser.newPage();
  await page.setViewport({ width: shot.width ?? 1000, height: 640 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.dark ? 'dark' : 'light' }]);
  if (shot.print) await page.emulateMediaType('print');
  await page.goto(`${origin}/${shot.page ?? ''}?${shot.query}${shot.hash ?? ''}`);
  if (shot.wait) await waitDeep(page, shot.wait);
  else {
    await page.waitForFunction(() => {
      const portal = document.querySelector('portico-portal');
      return portal?.shadowRoot?.querySelector('form, [role="tablist"], button');
    });
  }
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
  if (shot.click) await page.click(shot.click);
  for (const selector of shot.clicks ?? []) {
    await page.waitForSelector(selector, { timeout: 5000 });
    await page.click(selector);
    await new Promise((r) => setTimeout(r, 250));
  }
  if (shot.then) await waitDeep(page, shot.then);
  if (shot.focusEmail) {
    await page.keyboard.press('Tab');
  }
  await new Promise((r) => setTimeout(r, shot.settle ?? 300));
  if (shot.viewport) {
    await page.screenshot({ path: new URL(`${shot.name}.png`, out).pathname });
  } else {
    const element = await page.$(shot.page ? 'body' : 'portico-portal');
    await element.screenshot({ path: new URL(`${shot.name}.png`, out).pathname });
  }
  console.log(`screenshot: ${shot.name}.png`);
  await page.close();
}

await browser.close();
server.close();
