import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../testing/wait-until.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { typeText } from '../testing/type-text.js';
import { expectInvoiceCard } from '../testing/invoice-card.js';
import type { InvoiceListItem } from '@portico/wire';
import { serveInvoiceList } from '../testing/fake-billing.js';
import { chunked, FakeServer, invoiceFixture, makeZip, sameBytes, sessionFixture, unauthenticated } from '../testing/fake-server.js';
import { FakeStripeJs } from '../testing/fake-stripe.js';
import type { PorticoDownloadCompleteDetail, PorticoInvoiceOpenDetail } from './invoice-list.component.js';
import { definePorticoInvoiceList, PorticoInvoiceList } from './invoice-list.js';
import { $, text } from '../testing/shadow-dom.js';

let server: FakeServer;
let invoices: InvoiceListItem[];

beforeEach(() => {
  server = new FakeServer('/portal').install();
  invoices = Array.from({ length: 60 }, (_, i) => invoiceFixture(i + 1));
  serveInvoiceList(server, '/api/invoices', () => invoices);
});

afterEach(() => server.restore());

async function mount(lang = 'en'): Promise<PorticoInvoiceList> {
  const el = await fixture<PorticoInvoiceList>(
    html`<portico-invoice-list server="/portal" business="harbor-pine" search-delay="40" lang=${lang}></portico-invoice-list>`,
  );
  await rows(el);
  return el;
}

/** Waits for the table and answers its rows' ids. */
async function rows(el: PorticoInvoiceList): Promise<string[]> {
  await waitUntil(() => el.shadowRoot!.querySelector('tbody tr') && !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'no rows');
  await el.updateComplete;
  return [...el.shadowRoot!.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-id')!);
}

/** Waits until the n-th list request has been answered and rendered. */
async function answered(el: PorticoInvoiceList, n: number): Promise<void> {
  await waitUntil(() => server.toPath('GET', '/api/invoices').length >= n, `request ${n} never came`);
  await el.updateComplete; // the request's busy state is rendered (or its answer already is)
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'stayed busy');
  await el.updateComplete;
}

function lastQuery(): URLSearchParams {
  return server.toPath('GET', '/api/invoices').at(-1)!.query;
}

function header(el: PorticoInvoiceList, field: string): HTMLElement {
  return $(el, `th[data-sort="${field}"]`);
}

describe('<portico-invoice-list> registration', () => {
  it('registers the tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-invoice-list')).to.equal(PorticoInvoiceList);
    definePorticoInvoiceList();
    definePorticoInvoiceList();
    await import('./invoice-list.js');
    expect(customElements.get('portico-invoice-list')).to.equal(PorticoInvoiceList);
  });
});

describe('<portico-invoice-list>', () => {
  it('loads the first page newest first with the cookie, and shows a real table', async () => {
    const el = await mount();
    const [request] = server.toPath('GET', '/api/invoices');
    expect(request!.url).to.equal('/portal/api/invoices?sort=issueDate&order=desc&limit=25');
    expect(request!.credentials).to.equal('include');
    const ids = await rows(el);
    expect(ids).to.have.length(25);
    expect(ids[0]).to.equal('inv_1');
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => text(th));
    expect(headers).to.deep.equal(['Select all', 'Number', 'Status', 'Issued', 'Due', 'Amount', 'Balance']);
    expect(header(el, 'issueDate').getAttribute('aria-sort')).to.equal('descending');
    expect(header(el, 'status').hasAttribute('aria-sort')).to.equal(false);
    const first = $(el, 'tbody tr');
    expect(text(first.querySelector('th[scope="row"]'))).to.equal('INV-0001');
    expect(text(first.querySelector('[part~="status"]'))).to.equal('Overdue');
    expect(text(first.querySelector('.issued'))).to.equal('Jun 23, 2025');
    expect(text(first.querySelector('.amount'))).to.equal('€112.50');
    expect(text($(el, '[part~="footer"]'))).to.contain('Showing 25 of 60 invoices');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('sorts by clicking a column header: aria-sort follows, the request carries sort and order', async () => {
    const el = await mount();
    ($(el, 'th[data-sort="status"] button')).click();
    await answered(el, 2);
    expect(lastQuery().get('sort')).to.equal('status');
    expect(lastQuery().get('order')).to.equal('asc');
    expect(header(el, 'status').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(el, 'issueDate').hasAttribute('aria-sort')).to.equal(false);
    const statuses = [...el.shadowRoot!.querySelectorAll('tbody [part~="status"]')].map((badge) => text(badge));
    expect(statuses[0]).to.equal('Sent');
    expect(statuses.at(-1)).to.equal('Overdue');

    ($(el, 'th[data-sort="status"] button')).click();
    await answered(el, 3);
    expect(lastQuery().get('order')).to.equal('desc');
    expect(header(el, 'status').getAttribute('aria-sort')).to.equal('descending');
    expect(text(el.shadowRoot!.querySelector('tbody [part~="status"]'))).to.equal('Paid');

    for (const [field, order] of [['amount', 'desc'], ['number', 'asc'], ['issueDate', 'desc']] as const) {
      ($(el, `th[data-sort="${field}"] button`)).click();
      await answered(el, server.toPath('GET', '/api/invoices').length);
      expect(lastQuery().get('sort'), field).to.equal(field);
      expect(lastQuery().get('order'), field).to.equal(order);
      expect(header(el, field).getAttribute('aria-sort')).to.equal(order === 'asc' ? 'ascending' : 'descending');
    }
  });

  it('sorts by keyboard: Tab to a header button, Enter and Space', async () => {
    const el = await mount();
    ($(el, 'th[data-sort="issueDate"] button')).focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'th[data-sort="dueDate"] button'));
    await sendKeys({ press: 'Enter' });
    await answered(el, 2);
    expect(lastQuery().get('sort')).to.equal('dueDate');
    expect(lastQuery().get('order')).to.equal('desc');
    expect(header(el, 'dueDate').getAttribute('aria-sort')).to.equal('descending');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'th[data-sort="dueDate"] button'));
    await sendKeys({ press: 'Space' });
    await answered(el, 3);
    expect(lastQuery().get('order')).to.equal('asc');
    expect(header(el, 'dueDate').getAttribute('aria-sort')).to.equal('ascending');
    const due = [...el.shadowRoot!.querySelectorAll('tbody .due time')].map((time) => time.getAttribute('datetime')!);
    expect(due).to.deep.equal([...due].sort());
  });

  it('filters by status with the counts from the response, and All shows every status again', async () => {
    const el = await mount();
    const chip = (status: string): HTMLElement => $(el, `[part~="chip"][data-status="${status}"]`);
    expect(text(chip('all'))).to.equal('All 60');
    expect(text(chip('overdue'))).to.equal('Overdue 20');
    expect(chip('all').getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[data-status="draft"]'), 'no drafts: no Draft chip').to.equal(null);

    chip('overdue').click();
    await answered(el, 2);
    expect(lastQuery().get('status')).to.equal('overdue');
    expect(chip('overdue').getAttribute('aria-pressed')).to.equal('true');
    expect(chip('all').getAttribute('aria-pressed')).to.equal('false');
    expect(await rows(el)).to.have.length(20);
    expect(text($(el, '[part~="footer"]'))).to.contain('Showing 20 of 20');

    chip('paid').click();
    await answered(el, 3);
    expect(server.toPath('GET', '/api/invoices').at(-1)!.url).to.contain('status=overdue,paid');
    expect(text(chip('paid'))).to.equal('Paid 20');

    chip('all').click();
    await answered(el, 4);
    expect(lastQuery().has('status')).to.equal(false);
    expect(await rows(el)).to.have.length(25);
  });

  it('offers Unpaid first: every invoice still owed (sent, partially paid, overdue), counted by the server', async () => {
    const el = await mount();
    const chip = (status: string): HTMLElement => $(el, `[part~="chip"][data-status="${status}"]`);
    const chips = [...el.shadowRoot!.querySelectorAll('[part~="chip"]')].map((c) => c.getAttribute('data-status'));
    expect(chips.slice(0, 2)).to.deep.equal(['all', 'unpaid']);
    expect(text(chip('unpaid'))).to.equal('Unpaid 40');
    chip('unpaid').click();
    await answered(el, 2);
    expect(lastQuery().get('status')).to.equal('unpaid');
    expect(chip('unpaid').getAttribute('aria-pressed')).to.equal('true');
    expect(text($(el, '[part~="footer"]'))).to.contain('of 40');
    const badges = [...el.shadowRoot!.querySelectorAll('tbody [part~="status"]')].map((badge) => badge.textContent!.trim());
    expect(badges.every((badge) => badge === 'Sent' || badge === 'Overdue' || badge === 'Partially paid')).to.equal(true);
    chip('overdue').click();
    await answered(el, 3);
    // The server's order, unpaid first: a stable query string.
    expect(lastQuery().get('status')).to.equal('unpaid,overdue');
  });

  it('filters by issue date range, and searches after the typing stops (debounced)', async () => {
    const el = await mount();
    const from = $(el, 'input[name="from"]') as HTMLInputElement;
    from.value = '2025-05-01';
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await answered(el, 2);
    expect(lastQuery().get('from')).to.equal('2025-05-01');
    expect(lastQuery().has('to')).to.equal(false);
    expect(text($(el, '[part~="chip"][data-status="all"]'))).to.equal('All 8');
    expect(text($(el, '[part~="range-shown"]')), 'the chosen date in the page’s words').to.equal('Issued from May 1, 2025');
    expect(from.getAttribute('aria-describedby')).to.equal('invoices-range-shown');

    const search = $(el, 'input[type="search"]') as HTMLInputElement;
    search.focus();
    typeText(search, 'INV-000');
    await answered(el, 3);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const searches = server.toPath('GET', '/api/invoices').filter((r) => r.query.has('q'));
    expect(searches.map((r) => r.query.get('q'))).to.deep.equal(['INV-000']);
    expect(lastQuery().get('from')).to.equal('2025-05-01');
    expect(await rows(el)).to.have.length(8);

    // Clear filters empties everything.
    $(el, '[part~="clear-filters"]').click();
    await answered(el, 4);
    expect(server.toPath('GET', '/api/invoices').at(-1)!.url).to.equal('/portal/api/invoices?sort=issueDate&order=desc&limit=25');
    expect(search.value).to.equal('');
    expect(from.value).to.equal('');
    expect(el.shadowRoot!.querySelector('[part~="range-shown"]')).to.equal(null);
  });

  it('writes the chosen issue dates out in the page’s language, whatever language the browser’s date picker speaks', async () => {
    const el = await mount('de');
    const from = $(el, 'input[name="from"]') as HTMLInputElement;
    const to = $(el, 'input[name="to"]') as HTMLInputElement;
    from.value = '2025-05-01';
    to.value = '2025-12-31';
    to.dispatchEvent(new Event('change', { bubbles: true }));
    await answered(el, 2);
    expect(text($(el, '[part~="range-shown"]'))).to.equal('Ausgestellt ab 1. Mai 2025 · Ausgestellt bis 31. Dezember 2025');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('says when nothing matches', async () => {
    const el = await mount();
    const search = $(el, 'input[type="search"]') as HTMLInputElement;
    search.value = 'nothing-like-this';
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await answered(el, 2);
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    expect(text($(el, '.state'))).to.equal('No invoices match these filters.');
  });

  it('Load more appends the next page without duplicates, even when invoices are added meanwhile', async () => {
    const el = await mount();
    // Two new invoices arrive (newest first): an offset would repeat rows; the cursor does not.
    invoices = [invoiceFixture(0, { id: 'inv_new1', issueDate: '2025-07-01' }), invoiceFixture(0, { id: 'inv_new2', issueDate: '2025-07-02' }), ...invoices];
    $(el, '[part~="load-more"]').click();
    await answered(el, 2);
    expect(lastQuery().get('cursor')).to.be.a('string');
    let ids = await rows(el);
    expect(ids).to.have.length(50);
    expect(new Set(ids).size).to.equal(50);
    expect(ids.slice(0, 25)).to.deep.equal(invoices.slice(2, 27).map((i) => i.id));

    $(el, '[part~="load-more"]').click();
    await answered(el, 3);
    ids = await rows(el);
    expect(ids).to.have.length(60);
    expect(new Set(ids).size).to.equal(60);
    expect(el.shadowRoot!.querySelector('[part~="load-more"]')).to.equal(null);
    // Focus went to the first new row rather than being lost with the button.
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'tr[data-id="inv_51"] .open'));
  });

  it('opens an invoice by clicking its row, or Enter on its number', async () => {
    const el = await mount();
    let opened = oneEvent(el, 'portico-invoice-open');
    ($(el, 'tr[data-id="inv_3"] td.amount')).click();
    let event = (await opened) as CustomEvent<PorticoInvoiceOpenDetail>;
    expect(event.detail.id).to.equal('inv_3');
    expect(event.composed).to.equal(true);

    opened = oneEvent(el, 'portico-invoice-open');
    ($(el, 'tr[data-id="inv_4"] .open')).focus();
    await sendKeys({ press: 'Enter' });
    event = (await opened) as CustomEvent<PorticoInvoiceOpenDetail>;
    expect(event.detail.id).to.equal('inv_4');

    // The checkbox selects, it does not open.
    let openedAgain = false;
    el.addEventListener('portico-invoice-open', () => (openedAgain = true), { once: true });
    ($(el, 'tr[data-id="inv_5"] input[type="checkbox"]')).click();
    await el.updateComplete;
    expect(openedAgain).to.equal(false);
    expect($(el, 'tr[data-id="inv_5"]').getAttribute('part')).to.equal('row row-selected');
  });

  it('select all, then every matching invoice, then Download selected streams the ZIP with a progress bar and saves it', async () => {
    const pdfs = Array.from({ length: 60 }, (_, i) => ({ name: `INV-${i + 1}.pdf`, data: new TextEncoder().encode(`%PDF ${i} `.repeat(30)) }));
    const zip = makeZip([...pdfs, { name: 'invoices.csv', data: new TextEncoder().encode('number\n') }]);
    server.on('GET', '/api/invoices/download.zip', {
      status: 200,
      stream: chunked(zip, 1024),
      chunkDelayMs: 15,
      headers: { 'content-disposition': 'attachment; filename="harbor-pine-invoices-2025-07-01.zip"' },
    });
    const el = await mount();
    const selectAll = $(el, 'thead input[type="checkbox"]') as HTMLInputElement;
    expect(text(selectAll.closest('label'))).to.equal('Select all');
    selectAll.click();
    await el.updateComplete;
    expect(el.selectedIds).to.have.length(25);
    expect(text($(el, '[part~="selection"]'))).to.contain('All 25 invoices shown are selected.');
    const matching = $(el, '[part~="selection"] button');
    expect(text(matching)).to.equal('Select all 60 matching invoices');
    matching.click();
    await el.updateComplete;
    expect(text($(el, '[part~="selection"]'))).to.contain('All 60 matching invoices are selected.');
    await expect(el).shadowDom.to.be.accessible();

    const downloadSelected = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="download-button"]')].find((b) => text(b).startsWith('Download selected'))!;
    expect(text(downloadSelected)).to.equal('Download selected (60)');
    const complete = oneEvent(el, 'portico-download-complete');
    el.addEventListener('portico-download-complete', (event) => event.preventDefault(), { once: true });
    downloadSelected.click();

    // The bar moves while the bytes stream in.
    await waitUntil(() => Number(el.shadowRoot!.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) > 0, 'no progress');
    const bar = $(el, '[role="progressbar"]');
    expect(bar.getAttribute('aria-valuemax')).to.equal('60');
    expect(bar.getAttribute('aria-label')).to.equal('Downloading invoices');
    expect(bar.getAttribute('aria-valuetext')).to.match(/^\d+ of 60 invoices · [\d.]+ (kB|MB|bytes)$/);
    const seen = new Set<number>();
    while (el.shadowRoot!.querySelector('[role="progressbar"]')) {
      seen.add(Number(el.shadowRoot!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow')));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen.size, 'several progress steps').to.be.greaterThan(2);

    const detail = ((await complete) as CustomEvent<PorticoDownloadCompleteDetail>).detail;
    expect(detail.filename).to.equal('harbor-pine-invoices-2025-07-01.zip');
    expect(detail.pdfs).to.equal(60);
    expect(sameBytes(new Uint8Array(await detail.blob.arrayBuffer()), zip)).to.equal(true);
    const [request] = server.toPath('GET', '/api/invoices/download.zip');
    expect(request!.url).to.equal('/portal/api/invoices/download.zip?sort=issueDate&order=desc&locale=en');

    await el.updateComplete;
    const link = $(el, 'a[part~="save-link"]') as HTMLAnchorElement;
    expect(link.download).to.equal('harbor-pine-invoices-2025-07-01.zip');
    expect(link.href).to.equal(detail.url);
    expect(link.href.startsWith('blob:')).to.equal(true);
    expect(sameBytes(new Uint8Array(await (await fetch(link.href)).arrayBuffer()), zip)).to.equal(true);
    expect(text($(el, '[part~="download"]'))).to.contain('Your download of 60 invoices is ready.');
    expect(el.shadowRoot!.activeElement).to.equal(link);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('Download selected of a few rows sends their ids; Cancel stops a download', async () => {
    server.on('GET', '/api/invoices/download.zip', {
      status: 200,
      stream: chunked(makeZip([{ name: 'a.pdf', data: new Uint8Array(4000) }]), 100),
      chunkDelayMs: 20,
    });
    const el = await mount();
    ($(el, 'tr[data-id="inv_2"] input[type="checkbox"]')).click();
    ($(el, 'tr[data-id="inv_7"] input[type="checkbox"]')).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="selection"]')).to.equal(null);
    const selectAll = $(el, 'thead input[type="checkbox"]') as HTMLInputElement;
    expect(selectAll.indeterminate).to.equal(true);
    const button = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="download-button"]')].find((b) => text(b).startsWith('Download selected'))!;
    expect(text(button)).to.equal('Download selected (2)');
    button.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="progressbar"]'), 'no progress bar');
    expect(server.toPath('GET', '/api/invoices/download.zip')[0]!.url).to.equal('/portal/api/invoices/download.zip?ids=inv_2,inv_7&locale=en');
    expect($(el, '[role="progressbar"]').getAttribute('aria-valuemax')).to.equal('2');
    await el.updateComplete;
    const cancel = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="download"] button')].find((b) => text(b) === 'Cancel')!;
    expect(el.shadowRoot!.activeElement).to.equal(cancel);
    cancel.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('[part~="download"]')) === 'Download cancelled.', 'not cancelled');
  });

  it('a failed download says so', async () => {
    server.on('GET', '/api/invoices/download.zip', { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } } });
    const el = await mount();
    $(el, '[part~="download-button"].primary').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="download"][role="alert"]'), 'no error');
    expect(text($(el, '[part~="download"]'))).to.equal('Something went wrong on our side.');
  });

  it('a 401 tells the page the session ended', async () => {
    server.on('GET', '/api/invoices', unauthenticated);
    const event = oneEvent(document, 'portico-auth-required');
    const el = await fixture<PorticoInvoiceList>(html`<portico-invoice-list server="/portal" business="harbor-pine"></portico-invoice-list>`);
    await event;
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(text($(el, '[role="alert"]'))).to.contain('Your session has ended.');
  });

  it('is a table when wide and cards when narrow (375 px)', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await mount();
    const row = $(el, 'tbody tr');
    expect(getComputedStyle(row).display).to.equal('table-row');
    expect(getComputedStyle($(el, 'thead th.money')).display).to.equal('table-cell');
    await setViewport({ width: 375, height: 800 });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(getComputedStyle(row).display).to.equal('grid');
    expect(getComputedStyle($(el, 'thead th:not(.sortable):not(.select)')).display).to.equal('none');
    expectInvoiceCard(row);
    expect(el.getBoundingClientRect().width).to.be.at.most(375);
    expect(el.shadowRoot!.querySelector('section')!.scrollWidth, 'nothing wider than the phone').to.be.at.most(Math.ceil(el.getBoundingClientRect().width));
    await expect(el).shadowDom.to.be.accessible();
    await setViewport({ width: 1280, height: 800 });
  });
});

describe('<portico-invoice-list> Pay now', () => {
  let stripe: FakeStripeJs;
  const payments = { publishableKey: 'pk_test_portico', connectedAccountId: null };

  beforeEach(() => {
    stripe = new FakeStripeJs().install();
    server.on('GET', '/api/session', { status: 200, body: sessionFixture({ business: { ...sessionFixture().business, onlinePayments: payments } }) });
  });

  afterEach(() => {
    stripe.restore();
    document.querySelectorAll('[data-portico-checkout-dialog]').forEach((dialog) => dialog.remove());
  });

  function payButtons(el: PorticoInvoiceList): Map<string, HTMLElement> {
    return new Map([...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].flatMap((row) => {
      const button = row.querySelector<HTMLElement>('portico-pay-button');
      return button ? [[row.getAttribute('data-id')!, button] as [string, HTMLElement]] : [];
    }));
  }

  it('each open invoice has a Pay now button with its balance; paid ones have none; one session request for all', async () => {
    const el = await mount();
    await waitUntil(() => el.shadowRoot!.querySelector('portico-pay-button'), 'no pay buttons');
    const buttons = payButtons(el);
    const open = invoices.slice(0, 25).filter((invoice) => invoice.status === 'sent').map((invoice) => invoice.id);
    expect([...buttons.keys()]).to.deep.equal(open);
    const first = buttons.get('inv_1')!;
    await (first as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    // Compact in a row: the balance is in its own column, and in the button's accessible name.
    expect(text(first.shadowRoot!.querySelector('[part~="pay-button"]'))).to.equal('Pay now');
    expect(first.shadowRoot!.querySelector('[part~="pay-button"]')!.getAttribute('aria-label')).to.equal('Pay now €112.50, INV-0001');
    expect(text($(el, 'thead th.pay'))).to.equal('Payment');
    expect(server.to('GET', '/api/session')).to.have.length(1);
    expect(server.requests.filter((r) => /\/api\/invoices\/inv_/.test(r.path)), 'rows are not fetched one by one').to.deep.equal([]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('without card payments there is no Pay column', async () => {
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
    const el = await mount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('th.pay, td.pay, portico-pay-button')).to.equal(null);
  });

  it('pressing Pay now does not open the row; the form opens in a dialog; when paid the row shows Paid at once', async () => {
    server.on('POST', '/api/invoices/inv_1/checkout', { status: 200, body: { sessionId: 'cs_1', clientSecret: 'cs_1_secret', publishableKey: 'pk_test_portico', amount: 11_250, currency: 'EUR' } });
    server.on('GET', '/api/checkout/cs_1', {
      status: 200,
      body: { invoiceId: 'inv_1', status: 'complete', paymentStatus: 'paid', invoice: { status: 'paid', displayStatus: 'paid', amountPaid: 11_250, balance: 0, version: 2 } },
    });
    const el = await mount();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-id="inv_1"] portico-pay-button[state="ready"]'), 'no pay button');
    let opened = false;
    el.addEventListener('portico-invoice-open', () => (opened = true));
    const button = $(el, 'tr[data-id="inv_1"] portico-pay-button');
    (button.shadowRoot!.querySelector('[part~="pay-button"]') as HTMLElement).click();
    await waitUntil(() => stripe.mounted, 'the form never mounted');
    expect(opened, 'the row did not open').to.equal(false);
    expect(stripe.mounted!.clientSecret).to.equal('cs_1_secret');
    expect(stripe.mounted!.container!.closest('[data-portico-checkout-dialog]')).not.to.equal(null);

    const paid = oneEvent(el, 'portico-invoice-paid');
    stripe.mounted!.complete();
    expect((await paid).detail.invoiceId).to.equal('inv_1');
    await el.updateComplete;
    const row = $(el, 'tr[data-id="inv_1"]');
    expect(text(row.querySelector('[part~="status"]'))).to.equal('Paid');
    expect(text(row.querySelector('td.balance'))).to.equal('€0.00');
    expect(button.getAttribute('state')).to.equal('paid');
    expect(text(button.shadowRoot!.querySelector('[part~="paid"] strong'))).to.equal('Paid');
    expect(text($(el, '.chip[data-status="paid"] .chip-count'))).to.equal(String(invoices.filter((i) => i.displayStatus === 'paid').length + 1));
    expect(document.querySelector('[data-portico-checkout-dialog]')).to.equal(null);
  });

  it('refresh() fetches the rows on screen again without a loading state, keeping pages loaded with Load more', async () => {
    const el = await mount();
    $(el, '[part~="load-more"]').click();
    await answered(el, 2);
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(50);
    invoices = invoices.map((invoice) => (invoice.id === 'inv_40' ? { ...invoice, status: 'paid', displayStatus: 'paid', amountPaid: invoice.total, balance: 0, version: 2 } : invoice));
    expect(await el.refresh()).to.equal(true);
    expect(lastQuery().get('limit')).to.equal('50');
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(50);
    expect(text($(el, 'tr[data-id="inv_40"] [part~="status"]'))).to.equal('Paid');
    expect(await el.refresh()).to.equal(false);
  });
});
