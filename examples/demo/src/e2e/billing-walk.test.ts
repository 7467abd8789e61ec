import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMoney } from '@portico/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { continueToPortal, sendInvoiceAndOpenLink } from './sign-in-from-email.js';
import { walkTheDemo } from './walk.js';

/**
 * The client's billing view, walked in headless Chromium: the invoice from the
 * email in front with how to pay it, the statement's figures, sorting the list, the preview, and
 * "select all" downloading one ZIP that really holds every PDF.
 */
describe('end to end: the client’s invoices', () => {
  const walk = walkTheDemo();
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'portico-e2e-zip-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('statement, sort, preview, select all, download: the ZIP holds every PDF', async () => {
    const context = await walk.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { landing: page, invoiceNumber } = await sendInvoiceAndOpenLink(context, walk.running.origin);
    await continueToPortal(page);
    const portal = page.locator('portico-portal');

    // The invoice the email was about is in front.
    await expect.poll(() => portal.getByRole('heading', { name: `Invoice ${invoiceNumber}` }).count(), { timeout: 10_000 }).toBe(1);
    // It says how to pay: the studio's bank account, with the invoice number as the reference, each with a Copy button.
    const bankTransfer = portal.locator('portico-invoice-preview').getByRole('region', { name: 'Bank transfer' });
    await expect.poll(() => bankTransfer.getByText('DE89 3704 0044 0532 0130 00').count(), { timeout: 10_000 }).toBe(1);
    expect(await bankTransfer.getByText('COBADEFFXXX').count()).toBe(1);
    expect(await bankTransfer.getByText(invoiceNumber, { exact: true }).count()).toBe(1);
    expect(await bankTransfer.getByRole('button', { name: /^Copy/ }).count()).toBeGreaterThanOrEqual(3);
    await portal.getByRole('button', { name: 'Back to invoices' }).click();

    // The statement's figures are the books' figures.
    const studio = walk.running.demo.portico.api.business(walk.running.demo.businessId);
    const session = await (await page.request.get(`${walk.running.origin}/portal/api/session`)).json();
    const statement = await studio.statements.get(session.client.id);
    const statementWidget = portal.locator('portico-statement');
    for (const currency of statement.currencies) {
      const outstanding = formatMoney({ amount: currency.outstanding, currency: currency.currency }, 'en-US');
      await expect.poll(() => statementWidget.getByText(outstanding, { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }

    // Sorting by issue date, both ways.
    const list = portal.locator('portico-invoice-list');
    const issuedHeader = list.getByRole('columnheader', { name: /Issued/ });
    const issuedDates = async () => {
      const rows = list.getByRole('row');
      const count = await rows.count();
      const texts: string[] = [];
      for (let i = 1; i < count; i++) texts.push((await rows.nth(i).textContent()) ?? '');
      return texts;
    };
    await issuedHeader.getByRole('button').click();
    await expect.poll(() => issuedHeader.getAttribute('aria-sort')).toMatch(/ascending|descending/);
    const firstOrder = await issuedDates();
    await issuedHeader.getByRole('button').click();
    await expect.poll(() => issuedHeader.getAttribute('aria-sort')).toMatch(/ascending|descending/);
    await expect.poll(async () => (await issuedDates()).join('|')).not.toBe(firstOrder.join('|'));

    // The preview of one invoice has its own address: a bookmark of it opens it again, and the
    // browser's Back returns to the list.
    await list.getByRole('row').filter({ hasText: invoiceNumber }).first().click();
    await expect.poll(() => portal.getByRole('heading', { name: `Invoice ${invoiceNumber}` }).count()).toBe(1);
    const bookmark = page.url();
    expect(new URL(bookmark).searchParams.get('portico')).toMatch(/^invoices\/inv_/);
    const later = await context.newPage();
    await later.goto(bookmark);
    await expect.poll(() => later.locator('portico-portal').getByRole('heading', { name: `Invoice ${invoiceNumber}` }).count(), { timeout: 10_000 }).toBe(1);
    await later.close();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('portico')).toBe('invoices');
    await expect.poll(() => portal.getByRole('heading', { name: `Invoice ${invoiceNumber}` }).count()).toBe(0);
    await expect(list.getByRole('checkbox', { name: 'Select all' }).isVisible()).resolves.toBe(true);

    // Select all and download: one ZIP with every visible invoice's PDF and the CSV index.
    const visible = await studio.invoices.listForClient(session.client.id, { limit: 100 });
    await list.getByRole('checkbox', { name: 'Select all' }).check();
    const selectAllMatching = list.getByRole('button', { name: /^Select all \d+ matching invoices$/ });
    if ((await selectAllMatching.count()) > 0) await selectAllMatching.click();
    await list.getByRole('button', { name: /^Download all \(\d+\)$/ }).click();
    const save = list.getByRole('link', { name: /^Save / });
    await save.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    const zipPath = join(folder, download.suggestedFilename());
    await download.saveAs(zipPath);
    expect(execFileSync('unzip', ['-t', zipPath]).toString()).toContain('No errors detected');
    const entries = execFileSync('unzip', ['-Z1', zipPath]).toString().trim().split('\n');
    expect(entries).toContain('invoices.csv');
    expect(entries.filter((name) => name.endsWith('.pdf'))).toHaveLength(visible.total);
    expect(entries).toContain(`${invoiceNumber}.pdf`);
    await context.close();
  }, 120_000);
});
