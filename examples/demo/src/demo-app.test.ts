import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listMailbox, ManualClock } from '@portico/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type DemoApp } from './demo-app.js';
import { DEMO_INVOICE_COUNT } from './seed.js';
import { DEMO_ESTIMATE_INVOICES } from './seed-estimates.js';

const clock = new ManualClock('2026-11-20T10:00:00Z');

describe('createDemoApp', () => {
  let folder: string;
  let databasePath: string;
  let demo: DemoApp;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'portico-demo-'));
    databasePath = join(folder, 'demo.sqlite');
    demo = await createDemoApp({ databasePath, clock, portalOrigin: 'http://localhost:4321' });
  });
  afterAll(async () => {
    await demo?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function page(path: string, status = 200): Promise<string> {
    const response = await demo.app.request(path);
    expect(response.status, path).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    return response.text();
  }

  it('seeds an empty database on first start', () => {
    expect(demo.seeded).toBe(true);
  });

  it('renders the home page with the services and the client portal call to action', async () => {
    const body = await page('/');
    expect(body).toContain('<title>Harbor &amp; Pine Studio</title>');
    expect(body).toContain('Brand identity');
    expect(body).toContain('€4,200.00');
    expect(body).toContain('href="/account"');
    expect(body).toContain('Open the client portal');
    expect(body).toContain('href="/assets/site.css"');
  });

  it('renders the services and contact pages, marking the current one in the navigation', async () => {
    const services = await page('/services');
    expect(services).toContain('Packaging &amp; print');
    expect(services).toContain('€95.00');
    expect(services).toMatch(/href="\/services"\s+aria-current="page"/);
    const contact = await page('/contact');
    expect(contact).toContain('hello@harborpine.test');
    expect(contact).toMatch(/href="\/contact"\s+aria-current="page"/);
  });

  it('renders the dashboard with totals per currency, the invoices widget and every client', async () => {
    const body = await page('/admin');
    expect(body).toContain('<portico-admin-invoices class="studio-widget" server="/portal"></portico-admin-invoices>');
    expect(body).toContain('<portico-admin-estimates class="studio-widget" server="/portal"></portico-admin-estimates>');
    expect(body).toContain('<script type="module" src="/portal/admin-widgets.js"></script>');
    expect(body).toMatch(/<div class="currency">EUR<\/div>/);
    expect(body).toMatch(/<div class="currency">USD<\/div>/);
    expect(body).toContain('株式会社みなと珈琲');
    expect(body).toContain('Мария Петрова');
    expect(body).toContain('buchhaltung@fjordlicht.test');
    expect(body).toContain('Today is 20 Nov 2026');
    expect(body).toContain('<portico-admin-inbox class="studio-widget" server="/portal"></portico-admin-inbox>');
    expect(body).toMatch(/<span class="count-badge" id="support-badge" aria-label="unread">1<\/span>/);
  });

  it('lets the dashboard widget use Portico’s admin API as the studio', async () => {
    const response = await demo.app.request('/portal/admin/invoices?status=draft');
    expect(response.status).toBe(200);
    const { invoices } = (await response.json()) as { invoices: Array<{ status: string; clientName: string }> };
    expect(invoices.length).toBeGreaterThan(0);
    expect(invoices.every((invoice) => invoice.status === 'draft' && invoice.clientName !== '')).toBe(true);
    const estimates = await demo.app.request('/portal/admin/estimates');
    expect(estimates.status).toBe(200);
    const listed = ((await estimates.json()) as { estimates: Array<{ displayStatus: string; clientName: string }> }).estimates;
    expect(new Set(listed.map((estimate) => estimate.displayStatus))).toEqual(new Set(['draft', 'sent', 'expired', 'accepted', 'converted', 'declined']));
    expect(listed.every((estimate) => estimate.clientName !== '')).toBe(true);
  });

  it('answers a ticket email from the mailbox through Portico’s inbound endpoint, and only from the mailbox page', async () => {
    const studio = demo.portico.api.business(demo.businessId);
    const { tickets } = await studio.tickets.list({ status: 'pending' });
    await studio.tickets.reply(tickets[0]!.id, { authorName: 'Harbor & Pine Studio', message: 'Any news from your AP team?' });
    await demo.deliverMailNow();
    const emails = await listMailbox(demo.portico.database.db, { businessId: demo.businessId });
    const emailId = emails.find((email) => email.kind === 'ticket_reply' && email.text.includes('Any news from your AP team?'))!.id;
    const reply = (headers: Record<string, string>) =>
      demo.app.request(`/mailbox/${emailId}/reply`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: 'text=Yes%2C+W-8BEN-E+is+fine.' });

    expect((await reply({ origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const answered = await reply({ origin: 'http://localhost:4321' });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`/mailbox/${emailId}?reply=appended`);
    const thread = await studio.tickets.get(tickets[0]!.id);
    expect(thread.messages.at(-1)).toMatchObject({ authorKind: 'client', source: 'email', body: 'Yes, W-8BEN-E is fine.' });
  });

  it('shows the files a ticket reply carried in the mailbox, and gives each one of that email only', async () => {
    const studio = demo.portico.api.business(demo.businessId);
    const { tickets } = await studio.tickets.list();
    const receipt = Buffer.from('%PDF-1.4\nreceipt\n%%EOF\n');
    await studio.tickets.reply(tickets[0]!.id, {
      authorName: 'Harbor & Pine Studio',
      message: 'The receipt is attached.',
      attachments: [{ filename: 'Quittung März.pdf', contentType: 'application/pdf', content: receipt }],
    });
    await demo.deliverMailNow();
    const emails = await listMailbox(demo.portico.database.db, { businessId: demo.businessId });
    const email = emails.find((e) => e.kind === 'ticket_reply' && e.text.includes('The receipt is attached.'))!;
    const other = emails.find((e) => e.id !== email.id)!;

    const body = await page(`/mailbox/${email.id}`);
    const link = /<a href="(\/mailbox\/[^"]+\/attachments\/[^"]+)" download="Quittung März.pdf">Quittung März.pdf<\/a> \(([\d.]+) kB\)/.exec(body);
    expect(link, 'the attachment link').not.toBeNull();
    expect(Number(link![2])).toBeCloseTo(receipt.length / 1000, 1);
    const download = await demo.app.request(link![1]!);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Quittung März.pdf')}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(receipt)).toBe(true);
    // The same file asked for through another email is not there.
    const attachmentId = link![1]!.split('/').at(-1)!;
    expect((await demo.app.request(`/mailbox/${other.id}/attachments/${attachmentId}`)).status).toBe(404);
    expect(await page(`/mailbox/${other.id}`)).not.toContain('/attachments/');
  });

  it('escapes what clients and invoices contain', async () => {
    const studio = demo.portico.api.business(demo.businessId);
    await studio.clients.create({
      name: '<script>alert("x")</script> & Sons',
      contacts: [{ name: '<b>Eve</b>', email: 'eve@example.test' }],
    });
    const body = await page('/admin');
    expect(body).not.toContain('<script>alert');
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(body).toContain('&lt;b&gt;Eve&lt;/b&gt;');
  });

  it('serves Portico at /portal', async () => {
    const response = await demo.app.request('/portal/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('leaves unknown paths under /portal to Portico', async () => {
    const response = await demo.app.request('/portal/no-such-route');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('serves its stylesheet and a 404 page of its own', async () => {
    const css = await demo.app.request('/assets/site.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('--pine');
    expect(await page('/no-such-page', 404)).toContain("couldn't find that page");
  });

  it('keeps the data on a restart and points the portal at the new origin', async () => {
    await demo.close();
    demo = await createDemoApp({ databasePath, clock, portalOrigin: 'http://localhost:5555' });
    expect(demo.seeded).toBe(false);
    const business = await demo.portico.api.businesses.get(demo.businessId);
    expect(business.portalUrl).toBe('http://localhost:5555/portal');
    expect(await demo.portico.api.businesses.list()).toHaveLength(1);
    expect(await demo.portico.api.business(demo.businessId).invoices.list()).toHaveLength(DEMO_INVOICE_COUNT + DEMO_ESTIMATE_INVOICES);
  });
});
