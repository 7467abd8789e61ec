import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@portico/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type DemoApp } from './demo-app.js';

const origin = 'http://localhost:4322';

describe('the demo: send an invoice, read the mailbox, sign in', () => {
  let folder: string;
  let demo: DemoApp;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'portico-demo-flow-'));
    demo = await createDemoApp({
      databasePath: join(folder, 'demo.sqlite'),
      clock: new ManualClock('2026-11-20T10:00:00Z'),
      portalOrigin: origin,
      deliverMail: false,
    });
  });
  afterAll(async () => {
    await demo?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('puts the portal widget on the studio’s own page', async () => {
    const page = await (await demo.app.request('/account')).text();
    expect(page).toContain('<script type="module" src="/portal/widgets.js"></script>');
    expect(page).toMatch(/<portico-portal class="studio-portal" server="\/portal" business="harbor-pine" business-name="Harbor &amp; Pine Studio">/);
  });

  it('refuses a Send from another site', async () => {
    const [draft] = await demo.portico.api.business(demo.businessId).invoices.list({ status: 'draft' });
    const response = await demo.app.request(`/portal/admin/invoices/${draft!.id}/send`, { method: 'POST', headers: { origin: 'https://evil.test' } });
    expect(response.status).toBe(403);
    expect((await demo.portico.api.business(demo.businessId).invoices.get(draft!.id)).status).toBe('draft');
  });

  it('walks from Send to a signed-in session on the studio’s portal page', async () => {
    const studio = demo.portico.api.business(demo.businessId);
    const [draft] = await studio.invoices.list({ status: 'draft' });
    const client = await studio.clients.get(draft!.clientId);

    const sent = await demo.app.request(`/portal/admin/invoices/${draft!.id}/send`, { method: 'POST', headers: { origin } });
    expect(sent.status).toBe(200);
    const { invoice, emailsQueued } = (await sent.json()) as { invoice: { number: string }; emailsQueued: number };
    expect(emailsQueued).toBe(client.contacts.length);
    const number = invoice.number;

    await demo.deliverMailNow();
    const mailbox = await (await demo.app.request('/mailbox')).text();
    expect(mailbox).toContain(number);
    // The mailbox also holds the seeded tickets' emails: take the one about this invoice.
    const emailPath = new RegExp(`href="(/mailbox/out_[^"]+)">\\s*<span class="mail-subject">[^<]*${number}`).exec(mailbox)![1]!;
    const emailPage = await demo.app.request(emailPath);
    expect(emailPage.headers.get('referrer-policy')).toBe('no-referrer');
    const link = new RegExp(`${origin}/portal(/auth/link/harbor-pine/[A-Za-z0-9_-]{43})`).exec(await emailPage.text())![1]!;

    const landing = await demo.app.request(`/portal${link}`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Continue to your portal');

    const signedIn = await demo.app.request(`/portal${link}`, { method: 'POST', headers: { origin } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${origin}/account?invoice=${draft!.id}`);
    const cookie = /(__Host-portico_session=[^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')![1]!;
    const session = await demo.app.request('/portal/api/session', { headers: { cookie } });
    expect(await session.json()).toMatchObject({ business: { slug: 'harbor-pine' }, client: { id: client.id } });
  });
});
