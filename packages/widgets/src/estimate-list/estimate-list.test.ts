import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { EstimateListItem } from '@portico/wire';
import { estimateFixture } from '../testing/fake-estimates.js';
import { chunked, FakeServer, makeZip, sameBytes, unauthenticated } from '../testing/fake-server.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoDownloadCompleteDetail } from '../invoice-list/invoice-list.component.js';
import type { PorticoEstimateOpenDetail } from './estimate-list.component.js';
import { definePorticoEstimateList, PorticoEstimateList } from './estimate-list.js';
import { $, text } from '../testing/shadow-dom.js';

let server: FakeServer;
let estimates: EstimateListItem[];

beforeEach(() => {
  server = new FakeServer('/portal').install();
  estimates = Array.from({ length: 5 }, (_, i) => estimateFixture(i + 1));
  server.on('GET', '/api/estimates', () => ({ status: 200, body: { estimates } }));
});

afterEach(() => server.restore());

async function mount(lang = 'en'): Promise<PorticoEstimateList> {
  const el = await fixture<PorticoEstimateList>(html`<portico-estimate-list server="/portal" business="harbor-pine" lang=${lang}></portico-estimate-list>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="false"]') && (el.shadowRoot!.querySelector('tbody tr') || el.shadowRoot!.querySelector('.state')), 'never loaded');
  await el.updateComplete;
  return el;
}

const rowIds = (el: PorticoEstimateList): string[] => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-id')!);

describe('<portico-estimate-list>', () => {
  afterEach(() => setViewport({ width: 1280, height: 800 }));

  it('registers the tag, and registering twice does not throw', () => {
    expect(customElements.get('portico-estimate-list')).to.equal(PorticoEstimateList);
    definePorticoEstimateList();
    definePorticoEstimateList();
  });

  it('lists number, status, issue date, valid until and total, newest first, with status chips like the invoices', async () => {
    const el = await mount();
    expect(text($(el, 'h2'))).to.equal('Estimates');
    expect(rowIds(el)).to.deep.equal(['est_1', 'est_2', 'est_3', 'est_4', 'est_5']);
    const cells = [...$(el, 'tr[data-id="est_2"]').children].map((cell) => text(cell));
    expect(cells.slice(1)).to.deep.equal(['EST-0002', 'Declined', 'Jun 16, 2025', 'Jul 16, 2025', '€230.00']);
    const statuses = [...el.shadowRoot!.querySelectorAll('[part~="status"]')].map((chip) => [chip.getAttribute('part'), text(chip)]);
    expect(statuses).to.deep.equal([
      ['status status-accepted', 'Accepted'],
      ['status status-declined', 'Declined'],
      ['status status-expired', 'Expired'],
      ['status status-converted', 'Invoiced'],
      ['status status-sent', 'Sent'],
    ]);
    // Accepted looks like Paid, declined like Overdue: the invoice badges' colours.
    expect(getComputedStyle($(el, '.status-accepted')).color).to.equal('rgb(22, 101, 52)');
    expect(getComputedStyle($(el, '.status-declined')).color).to.equal('rgb(180, 35, 24)');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('sorts by its column headers without asking the server again', async () => {
    const el = await mount();
    const header = (field: string): HTMLElement => $(el, `th[data-sort="${field}"]`);
    expect(header('issueDate').getAttribute('aria-sort')).to.equal('descending');
    $(el, 'th[data-sort="total"] button').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['est_5', 'est_4', 'est_3', 'est_2', 'est_1']);
    expect(header('total').getAttribute('aria-sort')).to.equal('descending');
    $(el, 'th[data-sort="status"] button').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['est_5', 'est_3', 'est_1', 'est_4', 'est_2']);
    expect(header('status').getAttribute('aria-sort')).to.equal('ascending');
    $(el, 'th[data-sort="status"] button').click();
    await el.updateComplete;
    expect(header('status').getAttribute('aria-sort')).to.equal('descending');
    expect(server.toPath('GET', '/api/estimates')).to.have.length(1);
  });

  it('opening a row emits portico-estimate-open', async () => {
    const el = await mount();
    const opened = oneEvent(el, 'portico-estimate-open');
    $(el, 'tr[data-id="est_3"] .open').click();
    const detail = ((await opened) as CustomEvent<PorticoEstimateOpenDetail>).detail;
    expect(detail.id).to.equal('est_3');
    expect(detail.estimate.number).to.equal('EST-0003');
  });

  it('Download selected asks for the estimates ZIP of the ids (?ids=, as the invoices’), shows progress and saves the file', async () => {
    const zip = makeZip([1, 3].map((n) => ({ name: `EST-000${n}.pdf`, data: new TextEncoder().encode(`%PDF ${n} `.repeat(200)) })));
    server.on('GET', '/api/estimates/download.zip', {
      status: 200,
      stream: chunked(zip, 300),
      chunkDelayMs: 15,
      headers: { 'content-disposition': 'attachment; filename="harbor-pine-estimates.zip"' },
    });
    const el = await mount();
    const button = $(el, '[part~="download-button"]') as HTMLButtonElement;
    expect(text(button)).to.equal('Download selected (0)');
    expect(button.disabled).to.equal(true);
    ($(el, 'tr[data-id="est_1"] input[type="checkbox"]') as HTMLInputElement).click();
    ($(el, 'tr[data-id="est_3"] input[type="checkbox"]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(($(el, 'thead input[type="checkbox"]') as HTMLInputElement).indeterminate).to.equal(true);
    expect(text(button)).to.equal('Download selected (2)');
    expect($(el, 'tr[data-id="est_1"]').getAttribute('part')).to.equal('row row-selected');
    const complete = oneEvent(el, 'portico-download-complete');
    el.addEventListener('portico-download-complete', (event) => event.preventDefault(), { once: true });
    button.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="progressbar"]'), 'no progress bar');
    const bar = $(el, '[role="progressbar"]');
    expect(bar.getAttribute('aria-label')).to.equal('Downloading estimates');
    expect(bar.getAttribute('aria-valuemax')).to.equal('2');
    expect(bar.getAttribute('aria-valuetext')).to.match(/^\d of 2 estimates · /);
    const detail = ((await complete) as CustomEvent<PorticoDownloadCompleteDetail>).detail;
    const [request] = server.toPath('GET', '/api/estimates/download.zip');
    expect(request!.url).to.equal('/portal/api/estimates/download.zip?ids=est_1,est_3&locale=en');
    expect(detail.filename).to.equal('harbor-pine-estimates.zip');
    expect(detail.pdfs).to.equal(2);
    expect(sameBytes(new Uint8Array(await detail.blob.arrayBuffer()), zip)).to.equal(true);
    await el.updateComplete;
    expect(text($(el, '[part~="download"]'))).to.contain('Your download of 2 estimates is ready.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'a[part~="save-link"]'));
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a refused ZIP says why, and select all selects every estimate', async () => {
    server.on('GET', '/api/estimates/download.zip', { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } } });
    const el = await mount();
    ($(el, 'thead input[type="checkbox"]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(el.selectedIds).to.have.length(5);
    $(el, '[part~="download-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="download"][role="alert"]'), 'no error');
    expect(text($(el, '[part~="download"]'))).to.equal('Something went wrong on our side.');
  });

  it('with no estimates it says where they will appear; a 401 emits portico-auth-required', async () => {
    estimates = [];
    const el = await mount();
    expect(text($(el, '.empty'))).to.equal('No estimates yet. When you are sent an estimate, it will appear here for you to accept or decline.');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();

    server.on('GET', '/api/estimates', unauthenticated);
    const event = oneEvent(el, 'portico-auth-required');
    void el.refresh();
    await event;
  });

  it('at 375 px the rows are cards; dark mode is axe-clean', async () => {
    await setViewport({ width: 375, height: 800 });
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mount();
      const row = $(el, 'tbody tr');
      expect(getComputedStyle(row).display).to.equal('grid');
      expect(getComputedStyle($(el, 'td.valid-until'), '::before').content).to.equal('"Valid until"');
      const root = $(el, '.root');
      expect(root.scrollWidth, 'nothing wider than the phone').to.be.at.most(root.clientWidth);
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  const words: Record<string, [string, string, string]> = {
    en: ['Estimates', 'Valid until', 'Accepted'],
    de: ['Angebote', 'Gültig bis', 'Angenommen'],
    it: ['Preventivi', 'Valido fino al', 'Accettato'],
    ru: ['Сметы', 'Действует до', 'Принята'],
    ja: ['見積書', '有効期限', '承諾済み'],
    ar: ['عروض الأسعار', 'صالح حتى', 'مقبول'],
  };
  for (const [lang, [heading, validUntil, accepted]] of Object.entries(words)) {
    it(`in ${lang} it speaks its own words${lang === 'ar' ? ', right to left' : ''}`, async () => {
      const el = await mount(lang);
      expect(text($(el, 'h2'))).to.equal(heading);
      expect(text($(el, 'th[data-sort="validUntil"]'))).to.equal(validUntil);
      expect(text($(el, '.status-accepted'))).to.equal(accepted);
      expect($(el, '.root').getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).shadowDom.to.be.accessible();
    });
  }
});
