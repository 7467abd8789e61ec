import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { EstimateDetailResponse } from '@portico/wire';
import type { PorticoEstimateList } from '../estimate-list/estimate-list.component.js';
import type { PorticoEstimatePreview } from '../estimate-preview/estimate-preview.component.js';
import type { PorticoInvoicePreview } from '../invoice-preview/invoice-preview.component.js';
import { serveInvoiceList } from '../testing/fake-billing.js';
import { estimateDetailFixture, estimateFixture, serveEstimates } from '../testing/fake-estimates.js';
import { FakeServer, invoiceDetailFixture, invoiceFixture, sessionFixture, statementFixture } from '../testing/fake-server.js';
import { typeText } from '../testing/type-text.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoPortal } from './portal.component.js';
import './portal.js';
import { restorePageUrlAfterEach } from '../testing/portal-fixture.js';
import { $, text } from '../testing/shadow-dom.js';

/** The portal's Estimates tab: loaded with the tab, `?estimate=` and the link's estimate in front, accept → the invoice it became. */
const originalUrl = restorePageUrlAfterEach();
let server: FakeServer;
let estimates: EstimateDetailResponse[];

function serve(fake: FakeServer): void {
  serveInvoiceList(fake, '/api/invoices', () => [invoiceFixture(1)]);
  fake.on('GET', '/api/statement', { status: 200, body: statementFixture() });
  fake.on('GET', '/api/invoices/inv_from_est_7', { status: 200, body: invoiceDetailFixture({ id: 'inv_from_est_7', number: null, status: 'draft', displayStatus: 'draft' }) });
  fake.on('GET', '/api/session', { status: 200, body: sessionFixture() });
  estimates = [
    estimateDetailFixture(),
    estimateDetailFixture({ ...estimateFixture(2), canRespond: false, declinedAt: '2025-06-20T09:00:00.000Z', declineReason: null }),
  ];
  serveEstimates(fake, estimates);
}

beforeEach(() => {
  server = new FakeServer('/portal').install();
  serve(server);
});

afterEach(() => {
  server.restore();
});

async function mount(lang = 'en'): Promise<PorticoPortal> {
  const el = await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine" lang=${lang}></portico-portal>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[role="tablist"]'), 'not signed in');
  await el.updateComplete;
  return el;
}

async function listReady(el: PorticoPortal): Promise<PorticoEstimateList> {
  await waitUntil(() => el.shadowRoot!.querySelector('portico-estimate-list')?.shadowRoot?.querySelector('tbody tr, .empty'), 'no estimate list');
  const list = $(el, 'portico-estimate-list') as unknown as PorticoEstimateList;
  await list.updateComplete;
  return list;
}

async function previewReady(el: PorticoPortal): Promise<PorticoEstimatePreview> {
  await waitUntil(() => el.shadowRoot!.querySelector('portico-estimate-preview')?.shadowRoot?.querySelector('h2'), 'no estimate preview');
  const preview = $(el, 'portico-estimate-preview') as unknown as PorticoEstimatePreview;
  await preview.updateComplete;
  return preview;
}

describe('<portico-portal> Estimates tab', () => {
  it('its widgets load when the tab opens, not before; the list is on the portal session', async () => {
    const el = await mount();
    expect($(el, '#tab-estimates').getAttribute('aria-selected')).to.equal('false');
    expect(customElements.get('portico-estimate-list'), 'not loaded with the portal').to.equal(undefined);
    expect(server.toPath('GET', '/api/estimates')).to.have.length(0);
    $(el, '#tab-estimates').click();
    const list = await listReady(el);
    expect(customElements.get('portico-estimate-list')).not.to.equal(undefined);
    expect(list.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(2);
    expect(server.toPath('GET', '/api/estimates')[0]!.credentials).to.equal('include');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('opening a row shows the preview; Back returns to the list, focus on that row', async () => {
    const el = await mount();
    $(el, '#tab-estimates').click();
    const list = await listReady(el);
    list.shadowRoot!.querySelector<HTMLElement>('tr[data-id="est_7"] .open')!.click();
    const preview = await previewReady(el);
    expect(el.focusEstimate).to.equal('est_7');
    expect(preview.estimateId).to.equal('est_7');
    expect(el.shadowRoot!.activeElement === $(el, '.back'), 'focus on Back').to.equal(true);
    expect(text($(el, '.back'))).to.equal('Back to estimates');
    expect(($(el, '.estimates-home') as HTMLElement).hidden).to.equal(true);
    await expect(el).shadowDom.to.be.accessible();
    $(el, '.back').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('portico-estimate-preview'), 'preview stayed');
    expect(el.focusEstimate).to.equal(null);
    expect($(el, 'portico-estimate-list') === (list as unknown as HTMLElement), 'the same list: its state kept').to.equal(true);
    expect(list.shadowRoot!.activeElement === list.shadowRoot!.querySelector('tr[data-id="est_7"] .open'), 'focus on the row').to.equal(true);
  });

  it('?estimate=<id> in the page URL (where an estimate email lands) opens the tab on that estimate', async () => {
    history.replaceState(history.state, '', `${location.pathname}?estimate=est_7`);
    const el = await mount();
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-estimates');
    const preview = await previewReady(el);
    expect(text(preview.shadowRoot!.querySelector('h2'))).to.equal('Estimate EST-0007');
  });

  it('an estimate email’s link on another origin (#portico-link=) opens that estimate once Continue signs in', async () => {
    const portico = 'https://portico.example/portal';
    server.restore();
    server = new FakeServer(portico).install();
    serve(server);
    server.on('POST', '/auth/sessions/harbor-pine', {
      status: 200,
      body: { sessionToken: 'bearer-1', expiresAt: '2031-03-04T15:30:00.000Z', invoiceId: null, estimateId: 'est_7', ticketId: null },
    });
    history.replaceState(history.state, '', '#portico-link=link-token-abc');
    const el = await fixture<PorticoPortal>(html`<portico-portal server=${portico} business="harbor-pine" lang="en"></portico-portal>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button[part~="button-primary"]'), 'no Continue');
    $(el, 'button[part~="button-primary"]').click();
    const preview = await previewReady(el);
    expect(preview.estimateId).to.equal('est_7');
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-estimates');
    expect(server.toPath('GET', '/api/estimates/est_7')[0]!.headers['authorization']).to.equal('Bearer bearer-1');
  });

  it('accepting refreshes the list; "View the invoice" opens the invoice it became in the Invoices tab', async () => {
    const el = await mount();
    el.focusEstimate = 'est_7';
    const preview = await previewReady(el);
    const root = preview.shadowRoot!;
    root.querySelector<HTMLElement>('[part~="accept-button"]')!.click();
    await preview.updateComplete;
    typeText(root.querySelector<HTMLInputElement>('#accept-name')!, 'Ann Archer');
    root.querySelector<HTMLInputElement>('#accept-confirm')!.click();
    const listsBefore = server.toPath('GET', '/api/estimates').length;
    root.querySelector<HTMLElement>('[part~="accept-form"] button[type="submit"]')!.click();
    await waitUntil(() => root.querySelector('[part~="invoice-link"]'), 'not accepted');
    await waitUntil(() => server.toPath('GET', '/api/estimates').length > listsBefore, 'the list was not refreshed');
    root.querySelector<HTMLElement>('[part~="invoice-link"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('portico-invoice-preview'), 'no invoice');
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-invoices');
    expect(el.focusInvoice).to.equal('inv_from_est_7');
    expect(($(el, 'portico-invoice-preview') as unknown as PorticoInvoicePreview).invoiceId).to.equal('inv_from_est_7');
    // No navigation: the page is the same, and its URL says where the client now is.
    expect(location.pathname).to.equal(new URL(originalUrl).pathname);
    expect(new URL(location.href).searchParams.get('portico')).to.equal('invoices/inv_from_est_7');
  });

  it('with no estimates the tab says where they will appear; dark mode is axe-clean', async () => {
    server.on('GET', '/api/estimates', { status: 200, body: { estimates: [] } });
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mount();
      $(el, '#tab-estimates').click();
      const list = await listReady(el);
      expect(text(list.shadowRoot!.querySelector('.empty'))).to.contain('No estimates yet.');
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  const words: Record<string, [string, string]> = {
    en: ['Estimates', 'Back to estimates'],
    de: ['Angebote', 'Zurück zu den Angeboten'],
    it: ['Preventivi', 'Torna ai preventivi'],
    ru: ['Сметы', 'Назад к сметам'],
    ja: ['見積書', '見積書一覧に戻る'],
    ar: ['عروض الأسعار', 'العودة إلى عروض الأسعار'],
  };
  for (const [lang, [tab, back]] of Object.entries(words)) {
    it(`in ${lang} the tab and its Back button speak its own words${lang === 'ar' ? ', right to left' : ''}`, async () => {
      const el = await mount(lang);
      expect(text($(el, '#tab-estimates'))).to.equal(tab);
      el.focusEstimate = 'est_7';
      const preview = await previewReady(el);
      expect(text($(el, '.back'))).to.equal(back);
      expect(preview.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).shadowDom.to.be.accessible();
    });
  }
});
