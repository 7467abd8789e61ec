import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMoney } from '@portico/core';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmailAbout } from './mailbox.js';
import { continueToPortal, sendInvoiceAndOpenLink } from './sign-in-from-email.js';
import { walkTheDemo } from './walk.js';

/**
 * A bank transfer booked by the studio, walked in headless Chromium from the
 * client's side: the receipt email's button signs the client in on the
 * invoice, which still says how to pay the rest (the studio's IBAN, the
 * invoice number as the reference) and lists the payment with its receipt
 * PDF; the statement widget downloads the statement of account for this
 * year so far. Both PDFs are read back with pdftotext.
 */
describe('end to end: receipts and the statement of account', () => {
  const walk = walkTheDemo();
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'portico-e2e-receipt-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const pdfText = async (download: Download) => {
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString().replace(/\s+/gu, ' ');
  };

  it('the receipt email opens the invoice, whose payment has its receipt PDF; the statement PDF has the year so far', async () => {
    const context = await walk.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, invoiceNumber } = await sendInvoiceAndOpenLink(context, walk.running.origin);

    // The studio books a bank transfer for part of the invoice, as its own back end would.
    const studio = walk.running.demo.portico.api.business(walk.running.demo.businessId);
    const [invoice] = (await studio.invoices.list()).filter((candidate) => candidate.number === invoiceNumber);
    const part = Math.floor(invoice!.total / 2);
    await studio.payments.record({ invoiceId: invoice!.id, amount: part, method: 'bank_transfer', reference: `SEPA-${invoiceNumber}` });
    const money = (amount: number) => formatMoney({ amount, currency: invoice!.currency }, 'en-US');

    // The receipt email: its number, and a button to the invoice where the PDF is.
    await openEmailAbout(page, walk.running.origin, `Payment received for invoice ${invoiceNumber}`);
    const mailText = (await page.locator('.mail-text pre').textContent()) ?? '';
    expect(mailText).toContain(`Receipt no.: ${invoiceNumber}-1`);
    expect(mailText).toContain(`The button opens invoice ${invoiceNumber}, where the receipt for this payment is ready to download as a PDF.`);
    // The button's address opened in a tab of its own, as a mail app does (the popup itself is walked in sign-in-from-email).
    const button = page.frameLocator('iframe.mail-frame').getByRole('link', { name: 'View receipt' });
    const href = await button.getAttribute('href', { timeout: 30_000 });
    expect(href).toContain('/portal/auth/link/');
    const landing = await context.newPage();
    await landing.goto(href!);
    await continueToPortal(landing);

    const preview = landing.locator('portico-portal').locator('portico-invoice-preview');
    await preview.getByRole('heading', { name: `Invoice ${invoiceNumber}` }).waitFor({ timeout: 10_000 });
    // The rest is still owed: how to pay it, the studio's account with the invoice number as the reference.
    const bankTransfer = preview.getByRole('region', { name: 'Bank transfer' });
    await expect.poll(() => bankTransfer.getByText('DE89 3704 0044 0532 0130 00').count(), { timeout: 10_000 }).toBe(1);
    expect(await bankTransfer.getByText('COBADEFFXXX').count()).toBe(1);
    expect(await bankTransfer.getByText(invoiceNumber, { exact: true }).count()).toBe(1);
    await bankTransfer.getByRole('button', { name: 'Copy IBAN' }).click();
    await expect.poll(() => bankTransfer.getByRole('button', { name: 'Copied' }).count()).toBe(1);

    // The payment, with its receipt.
    const payments = preview.getByRole('region', { name: 'Payments' });
    const receiptLink = payments.getByRole('link', { name: new RegExp(`^Receipt for the payment of ${escape(money(part))} received .* \\(PDF\\)$`) });
    await receiptLink.waitFor({ timeout: 10_000 });
    const [receipt] = await Promise.all([landing.waitForEvent('download'), receiptLink.click()]);
    expect(receipt.suggestedFilename()).toBe(`receipt-${invoiceNumber}-1.pdf`);
    const receiptText = await pdfText(receipt);
    for (const expected of ['Receipt', `Receipt no. ${invoiceNumber}-1`, 'Harbor & Pine Studio', 'DE123456789', 'Bank transfer', `SEPA-${invoiceNumber}`, money(part), money(invoice!.total - part), 'Balance after this payment']) {
      expect(receiptText).toContain(expected);
    }

    // The statement of account for this year so far, from the statement widget.
    await landing.locator('portico-portal').getByRole('button', { name: 'Back to invoices' }).click();
    const statement = landing.locator('portico-portal').locator('portico-statement');
    const download = statement.getByRole('link', { name: 'Download statement (PDF)' });
    await download.waitFor({ timeout: 10_000 });
    const [statementFile] = await Promise.all([landing.waitForEvent('download'), download.click()]);
    expect(statementFile.suggestedFilename()).toMatch(/^statement-[a-z0-9-]+-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.pdf$/);
    const statementText = await pdfText(statementFile);
    for (const expected of ['Statement of account', 'Opening balance', 'Closing balance', invoiceNumber, `Payment for ${invoiceNumber} (bank transfer)`]) {
      expect(statementText).toContain(expected);
    }
    await context.close();
  }, 120_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
