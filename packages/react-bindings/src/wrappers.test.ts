import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@portico/example-kit/browser';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as wrappers from './index.js';

/**
 * The generated wrappers in React in headless Chromium: props land on the
 * element as properties (a number stays a number), the element uses them
 * (its requests go where `server` says, with `pageSize` as the limit), and
 * its events reach the `on...` props with their detail.
 */
describe('@portico/react', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const requested: string[] = [];

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL('./testing/wrapper-page.tsx', import.meta.url))],
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      conditions: ['source'],
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;
    server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>');
      } else if (url === '/page.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(script);
      } else {
        // A Portico with nobody signed in.
        requested.push(url);
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'unauthenticated', message: 'Sign in first.' } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('exports one component per tag, named after it', () => {
    expect(wrappers.PorticoStatement.displayName).toBe('PorticoStatement');
    expect(wrappers.PorticoPortal.displayName).toBe('PorticoPortal');
    expect(wrappers.PorticoInvoiceList.displayName).toBe('PorticoInvoiceList');
  });

  it('props reach the element and its events reach React', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(origin);
    await page.waitForFunction(() => window.reactSaw.length === 2, undefined, { timeout: 10_000 });
    expect((await page.evaluate(() => window.reactSaw)).sort()).toEqual(['invoice-list 401', 'statement 401']);

    const element = await page.evaluate(() => {
      const statement = document.querySelector('portico-statement')!;
      const list = document.querySelector('portico-invoice-list')!;
      return {
        statement: { server: statement.server, business: statement.business, lang: statement.getAttribute('lang'), upgraded: statement.shadowRoot !== null },
        list: { pageSize: list.pageSize, pageSizeType: typeof list.pageSize, upgraded: list.shadowRoot !== null },
      };
    });
    expect(element).toEqual({
      statement: { server: '/portal', business: 'northwind', lang: 'de', upgraded: true },
      list: { pageSize: 7, pageSizeType: 'number', upgraded: true },
    });
    expect(requested).toContain('/portal/api/statement');
    expect(requested.some((url) => url.startsWith('/portal/api/invoices?') && new URL(url, origin).searchParams.get('limit') === '7')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
