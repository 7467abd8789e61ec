import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { estimateDisplayStatuses, estimateStatusWords, type AdminEstimateListItem } from '@portico/wire';
import { loadAdminStrings } from '../admin/i18n/index.js';
import { locales } from '../i18n/index.js';
import { FakeServer, unauthenticated } from '../testing/fake-server.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoEstimateChangedDetail, PorticoEstimateSentDetail } from './admin-estimates.component.js';
import { definePorticoAdminEstimates, PorticoAdminEstimates } from './admin-estimates.js';
import { estimateStatusLabel } from './estimate-row.js';
import { $, text } from '../testing/shadow-dom.js';

function estimateFixture(n: number, overrides: Partial<AdminEstimateListItem> = {}): AdminEstimateListItem {
  const clients = ['Globex Corporation', 'Initech', 'Umbrella Ltd'];
  const status = overrides.status ?? 'sent';
  return {
    id: `est_${n}`,
    number: `EST-${String(n).padStart(4, '0')}`,
    status,
    displayStatus: overrides.displayStatus ?? status,
    currency: 'EUR',
    issueDate: '2026-03-10',
    validUntil: '2026-04-09',
    total: 119_000 + n * 100,
    invoiceId: null,
    version: 2,
    clientId: `cli_${n % 3}`,
    clientName: clients[n % 3]!,
    invoiceNumber: null,
    sentAt: status === 'draft' ? null : '2026-03-10T09:00:00.000Z',
    acceptance: null,
    declinedAt: null,
    declineReason: null,
    ...overrides,
  };
}

let server: FakeServer;
let estimates: AdminEstimateListItem[];

beforeEach(() => {
  server = new FakeServer('/portal').install();
  estimates = [
    estimateFixture(1, { status: 'draft' }),
    estimateFixture(2),
    estimateFixture(3, { displayStatus: 'expired' }),
    estimateFixture(4, { status: 'accepted', invoiceId: 'inv_9', invoiceNumber: null, acceptance: { name: 'Ann Ledger', acceptedAt: '2026-03-11T10:00:00.000Z', versionHash: 'a'.repeat(64), ip: null, userAgent: null } }),
    estimateFixture(5, { status: 'converted', invoiceId: 'inv_8', invoiceNumber: 'INV-0008' }),
    estimateFixture(6, { status: 'declined', declinedAt: '2026-03-12T10:00:00.000Z', declineReason: 'Too dear' }),
    estimateFixture(7, { status: 'void' }),
  ];
  server.on('GET', '/admin/estimates', () => ({ status: 200, body: { estimates } }));
});

afterEach(() => server.restore());

async function mount(attributes: { lang?: string } = {}): Promise<PorticoAdminEstimates> {
  const el = await fixture<PorticoAdminEstimates>(html`<portico-admin-estimates server="/portal" lang=${attributes.lang ?? 'en'}></portico-admin-estimates>`);
  await waitUntil(() => el.shadowRoot!.querySelector('tbody tr') && !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'no rows');
  await el.updateComplete;
  return el;
}

const buttonsOf = (el: PorticoAdminEstimates, id: string): string[] =>
  [...el.shadowRoot!.querySelectorAll(`tr[data-id="${id}"] button`)].map((button) => text(button));

describe('<portico-admin-estimates> registration', () => {
  it('registers the tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-admin-estimates')).to.equal(PorticoAdminEstimates);
    definePorticoAdminEstimates();
    definePorticoAdminEstimates();
    await import('./admin-estimates.js');
    expect(customElements.get('portico-admin-estimates')).to.equal(PorticoAdminEstimates);
  });

  it('has the words of estimateStatusWords for every status in every language', async () => {
    for (const lang of locales) {
      const strings = await loadAdminStrings(lang);
      for (const status of estimateDisplayStatuses) expect(estimateStatusLabel(status, strings), `${lang} ${status}`).to.equal(estimateStatusWords[lang][status]);
    }
  });
});

describe('<portico-admin-estimates>', () => {
  it("lists the business's estimates with client, status, valid until, total and invoice, on the host app's cookies", async () => {
    const el = await mount();
    const [request] = server.toPath('GET', '/admin/estimates');
    expect(request!.url).to.equal('/portal/admin/estimates');
    expect(request!.credentials).to.equal('include');
    expect(request!.headers['authorization']).to.equal(undefined);
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map((th) => text(th))).to.deep.equal(['Number', 'Client', 'Status', 'Valid until', 'Total', 'Invoice', 'Actions']);
    expect([...$(el, 'tr[data-id="est_1"]').children].slice(0, 6).map((cell) => text(cell))).to.deep.equal(['EST-0001', 'Initech', 'Draft', 'Apr 9, 2026', '€1,191.00', '']);
    const statuses = [...el.shadowRoot!.querySelectorAll('tbody [part~="status"]')].map((badge) => text(badge));
    expect(statuses).to.deep.equal(['Draft', 'Sent', 'Expired', 'Accepted', 'Invoiced', 'Declined', 'Void']);
    expect(text($(el, 'tr[data-id="est_4"] [part~="invoice"]'))).to.equal('Draft invoice');
    expect(text($(el, 'tr[data-id="est_5"] [part~="invoice"]'))).to.equal('INV-0008');
    // Send on drafts; Make invoice on sent ones; Void on both; nothing on answered, invoiced or void ones.
    expect(buttonsOf(el, 'est_1')).to.deep.equal(['Send', 'Void']);
    expect(buttonsOf(el, 'est_2')).to.deep.equal(['Make invoice', 'Void']);
    expect(buttonsOf(el, 'est_3')).to.deep.equal(['Make invoice', 'Void']);
    for (const id of ['est_4', 'est_5', 'est_6', 'est_7']) expect(buttonsOf(el, id), id).to.deep.equal([]);
    expect($(el, 'tr[data-id="est_1"] [part~="send-button"]').getAttribute('aria-label')).to.equal('Send: EST-0001');
    const pdf = $(el, 'tr[data-id="est_4"] [part~="pdf-link"]');
    expect(pdf.getAttribute('href')).to.equal('/portal/admin/estimates/est_4/pdf');
    expect(pdf.getAttribute('aria-label')).to.equal('PDF of EST-0004');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('Send posts, then shows the row as sent and says how many contacts got it', async () => {
    server.on('POST', '/admin/estimates/est_1/send', () => {
      const sent = { ...estimates[0]!, status: 'sent' as const, displayStatus: 'sent' as const, sentAt: '2026-03-10T10:00:00.000Z' };
      estimates[0] = sent;
      return { status: 200, body: { estimate: sent, emailsQueued: 2 } };
    });
    const el = await mount();
    const sentEvent = oneEvent(el, 'portico-estimate-sent');
    $(el, 'tr[data-id="est_1"] [part~="send-button"]').focus();
    await sendKeys({ press: 'Enter' });
    const detail = ((await sentEvent) as CustomEvent<PorticoEstimateSentDetail>).detail;
    expect(detail.emailsQueued).to.equal(2);
    expect(server.to('POST', '/admin/estimates/est_1/send')[0]!.credentials).to.equal('include');
    await el.updateComplete;
    expect(text($(el, 'tr[data-id="est_1"] [part~="status"]'))).to.equal('Sent');
    expect(text($(el, 'tr[data-id="est_1"] [part~="send-result"]'))).to.equal('Sent to 2 contacts');
    expect(buttonsOf(el, 'est_1')).to.deep.equal(['Make invoice', 'Void']);
    expect(text($(el, '[role="status"][aria-live]'))).to.equal('EST-0001 sent to 2 contacts.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('Void asks once more (Keep backs out), then voids', async () => {
    server.on('POST', '/admin/estimates/est_2/void', () => ({ status: 200, body: { ...estimates[1]!, status: 'void', displayStatus: 'void', version: 3 } }));
    const el = await mount();
    $(el, 'tr[data-id="est_2"] [part~="void-button"]').click();
    await el.updateComplete;
    expect(buttonsOf(el, 'est_2')).to.deep.equal(['Void for good', 'Keep']);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'tr[data-id="est_2"] [part~="confirm-void-button"]'));
    expect(server.to('POST', '/admin/estimates/est_2/void')).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
    $(el, 'tr[data-id="est_2"] [part~="keep-button"]').click();
    await el.updateComplete;
    expect(buttonsOf(el, 'est_2')).to.deep.equal(['Make invoice', 'Void']);

    $(el, 'tr[data-id="est_2"] [part~="void-button"]').click();
    await el.updateComplete;
    const voided = oneEvent(el, 'portico-estimate-voided');
    $(el, 'tr[data-id="est_2"] [part~="confirm-void-button"]').click();
    expect(((await voided) as CustomEvent<PorticoEstimateChangedDetail>).detail.estimate.status).to.equal('void');
    await el.updateComplete;
    expect(text($(el, 'tr[data-id="est_2"] [part~="status"]'))).to.equal('Void');
    expect(buttonsOf(el, 'est_2')).to.deep.equal([]);
    expect(text($(el, '[role="status"][aria-live]'))).to.equal('EST-0002 is void.');
  });

  it('Make invoice converts a sent estimate and shows the invoice it became', async () => {
    server.on('POST', '/admin/estimates/est_3/convert', () => ({
      status: 200,
      body: {
        estimate: { ...estimates[2]!, status: 'converted', displayStatus: 'converted', invoiceId: 'inv_31', invoiceNumber: null },
        invoice: { id: 'inv_31', number: null, status: 'draft', total: estimates[2]!.total, currency: 'EUR' },
      },
    }));
    const el = await mount();
    const converted = oneEvent(el, 'portico-estimate-converted');
    $(el, 'tr[data-id="est_3"] [part~="convert-button"]').click();
    const detail = ((await converted) as CustomEvent<PorticoEstimateChangedDetail>).detail;
    expect(detail.invoice).to.deep.equal({ id: 'inv_31', number: null });
    const [post] = server.to('POST', '/admin/estimates/est_3/convert');
    expect(post!.body).to.deep.equal({ send: false });
    await el.updateComplete;
    expect(text($(el, 'tr[data-id="est_3"] [part~="status"]'))).to.equal('Invoiced');
    expect(text($(el, 'tr[data-id="est_3"] [part~="invoice"]'))).to.equal('Draft invoice');
    expect(text($(el, '[role="status"][aria-live]'))).to.equal('EST-0003 is now a draft invoice.');
  });

  it('a refused action says why on the row and changes nothing', async () => {
    server.on('POST', '/admin/estimates/est_1/send', { status: 409, body: { error: { code: 'estimate_has_no_lines', message: 'An estimate needs at least one line item before it is sent.' } } });
    const el = await mount();
    $(el, 'tr[data-id="est_1"] [part~="send-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-id="est_1"] .failed'), 'no error shown');
    expect(text($(el, 'tr[data-id="est_1"] .failed'))).to.equal('An estimate needs at least one line item before it is sent.');
    expect(text($(el, 'tr[data-id="est_1"] [part~="status"]'))).to.equal('Draft');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('says when there are none, and offers Try again when the list fails', async () => {
    estimates = [];
    const empty = await fixture<PorticoAdminEstimates>(html`<portico-admin-estimates server="/portal"></portico-admin-estimates>`);
    await waitUntil(() => text(empty.shadowRoot!.querySelector('.state')) === 'No estimates yet.', 'no empty state');
    await expect(empty).shadowDom.to.be.accessible();

    server.on('GET', '/admin/estimates', { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong.' } } });
    const failed = await fixture<PorticoAdminEstimates>(html`<portico-admin-estimates server="/portal"></portico-admin-estimates>`);
    await waitUntil(() => failed.shadowRoot!.querySelector('[role="alert"]'), 'no error');
    expect(text(failed.shadowRoot!.querySelector('[role="alert"] span'))).to.equal('Something went wrong.');
    estimates = [estimateFixture(1)];
    server.on('GET', '/admin/estimates', () => ({ status: 200, body: { estimates } }));
    failed.shadowRoot!.querySelector<HTMLElement>('[part~="retry"]')!.click();
    await waitUntil(() => failed.shadowRoot!.querySelector('tbody tr'), 'Try again did not load');
  });

  it('client-id narrows the list to one client', async () => {
    const el = await fixture<PorticoAdminEstimates>(html`<portico-admin-estimates server="/portal" client-id="cli_2"></portico-admin-estimates>`);
    await waitUntil(() => server.toPath('GET', '/admin/estimates').length === 1);
    expect(server.toPath('GET', '/admin/estimates')[0]!.query.get('clientId')).to.equal('cli_2');
    el.clientId = 'cli_1';
    await waitUntil(() => server.toPath('GET', '/admin/estimates').length === 2);
    expect(server.toPath('GET', '/admin/estimates')[1]!.query.get('clientId')).to.equal('cli_1');
  });

  it('is cards with the buttons at 375 px, axe-clean', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const el = await mount();
      const row = $(el, 'tr[data-id="est_1"]');
      expect(getComputedStyle(row).display).to.equal('grid');
      const number = row.querySelector('th.number')!.getBoundingClientRect();
      const status = row.querySelector('td.status-cell')!.getBoundingClientRect();
      expect(Math.abs(number.top - status.top)).to.be.lessThan(2);
      expect(status.left).to.be.greaterThan(number.left);
      const root = $(el, '.root');
      expect(root.scrollWidth).to.be.at.most(root.clientWidth);
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('fetches the list again every poll-interval, so an acceptance shows without a reload; stops on a 401', async () => {
    const el = await mount();
    el.pollInterval = 50;
    await el.updateComplete;
    estimates = estimates.map((estimate) => (estimate.id === 'est_2' ? { ...estimate, status: 'accepted', displayStatus: 'accepted', invoiceId: 'inv_40', invoiceNumber: 'INV-0040' } : estimate));
    await waitUntil(() => text(el.shadowRoot!.querySelector('tr[data-id="est_2"] [part~="invoice"]')) === 'INV-0040', 'the acceptance never showed');
    expect(text($(el, 'tr[data-id="est_2"] [part~="status"]'))).to.equal('Accepted');
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'no loading state while polling').to.equal(null);
    server.on('GET', '/admin/estimates', unauthenticated);
    await oneEvent(el, 'portico-auth-required');
    const after = server.toPath('GET', '/admin/estimates').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.toPath('GET', '/admin/estimates').length).to.equal(after);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  describe(`<portico-admin-estimates> in every language, ${scheme}`, () => {
    before(() => emulateMedia({ colorScheme: scheme }));
    after(() => emulateMedia({ colorScheme: 'light' }));

    for (const lang of locales) {
      it(`${lang}: its own words, ${lang === 'ar' ? 'right to left' : 'left to right'}, axe-clean`, async () => {
        const strings = await loadAdminStrings(lang);
        const el = await mount({ lang });
        const dir = lang === 'ar' ? 'rtl' : 'ltr';
        expect($(el, 'section').getAttribute('dir')).to.equal(dir);
        expect(text($(el, 'h2'))).to.equal(strings.adminEstimatesLabel);
        expect(text($(el, 'tr[data-id="est_1"] [part~="send-button"]'))).to.equal(strings.send);
        expect(text($(el, 'tr[data-id="est_2"] [part~="convert-button"]'))).to.equal(strings.makeInvoice);
        expect(text($(el, 'tr[data-id="est_3"] [part~="status"]'))).to.equal(strings.adminEstimateStatusExpired);
        expect(text($(el, 'tr[data-id="est_4"] [part~="invoice"]'))).to.equal(strings.draftInvoice);
        if (dir === 'rtl') {
          const number = $(el, 'tr[data-id="est_1"] th').getBoundingClientRect();
          const status = $(el, 'tr[data-id="est_1"] .status-cell').getBoundingClientRect();
          expect(number.left).to.be.greaterThan(status.left);
        }
        await expect(el).shadowDom.to.be.accessible();
      });
    }
  });
}
