import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../testing/wait-until.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { typeText } from '../testing/type-text.js';
import { expectInvoiceCard } from '../testing/invoice-card.js';
import type { AdminInvoiceListItem } from '@portico/wire';
import { serveInvoiceList } from '../testing/fake-billing.js';
import { adminInvoiceFixture, FakeServer, unauthenticated } from '../testing/fake-server.js';
import type { PorticoInvoiceSentDetail } from './admin-invoices.component.js';
import { definePorticoAdminInvoices, PorticoAdminInvoices } from './admin-invoices.js';
import { $, text } from '../testing/shadow-dom.js';

let server: FakeServer;
let invoices: AdminInvoiceListItem[];

beforeEach(() => {
  server = new FakeServer('/portal').install();
  invoices = [
    adminInvoiceFixture(1, { displayStatus: 'draft', status: 'draft', number: null }),
    ...Array.from({ length: 29 }, (_, i) => adminInvoiceFixture(i + 2)),
  ];
  serveInvoiceList(server, '/admin/invoices', () => invoices);
  server.on('POST', '/admin/invoices/inv_1/send', () => {
    const sent = { ...invoices[0]!, displayStatus: 'sent' as const, status: 'sent' as const, number: 'INV-0031' };
    invoices[0] = sent;
    return { status: 200, body: { invoice: sent, emailsQueued: 2 } };
  });
});

afterEach(() => server.restore());

async function mount(): Promise<PorticoAdminInvoices> {
  const el = await fixture<PorticoAdminInvoices>(html`<portico-admin-invoices server="/portal" search-delay="30"></portico-admin-invoices>`);
  await waitUntil(() => el.shadowRoot!.querySelector('tbody tr') && !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'no rows');
  await el.updateComplete;
  return el;
}

async function answered(el: PorticoAdminInvoices, n: number): Promise<void> {
  await waitUntil(() => server.toPath('GET', '/admin/invoices').length >= n, `request ${n} never came`);
  await el.updateComplete; // the request's busy state is rendered (or its answer already is)
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'stayed busy');
  await el.updateComplete;
}

describe('<portico-admin-invoices> registration', () => {
  it('registers the tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-admin-invoices')).to.equal(PorticoAdminInvoices);
    definePorticoAdminInvoices();
    definePorticoAdminInvoices();
    await import('./admin-invoices.js');
    expect(customElements.get('portico-admin-invoices')).to.equal(PorticoAdminInvoices);
  });
});

describe('<portico-admin-invoices>', () => {
  it("lists the business's invoices with client names, on the host app's cookies", async () => {
    const el = await mount();
    const [request] = server.toPath('GET', '/admin/invoices');
    expect(request!.url).to.equal('/portal/admin/invoices?sort=issueDate&order=desc&limit=25');
    expect(request!.credentials).to.equal('include');
    expect(request!.headers['authorization']).to.equal(undefined);
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => text(th));
    expect(headers).to.deep.equal(['Number', 'Client', 'Status', 'Issued', 'Due', 'Amount', 'Balance', 'Actions']);
    const first = $(el, 'tbody tr');
    expect([...first.children].slice(0, 7).map((cell) => text(cell))).to.deep.equal(['Draft', 'Initech', 'Draft', 'Jun 23, 2025', 'Jul 23, 2025', '€112.50', '€112.50']);
    // Send on drafts, Send again on open invoices, nothing on paid ones.
    const action = (id: string): string => text(el.shadowRoot!.querySelector(`tr[data-id="${id}"] [part~="send-button"]`));
    expect(action('inv_1')).to.equal('Send');
    expect(action('inv_2')).to.equal(''); // paid
    expect(action('inv_3')).to.equal('Send again'); // sent
    expect(action('inv_4')).to.equal('Send again'); // overdue
    expect($(el, 'tr[data-id="inv_3"] [part~="send-button"]').getAttribute('aria-label')).to.equal('Send again: INV-0003');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('Send posts, then updates the row and says how many contacts got it', async () => {
    const el = await mount();
    const button = $(el, 'tr[data-id="inv_1"] [part~="send-button"]');
    const sent = oneEvent(el, 'portico-invoice-sent');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const detail = ((await sent) as CustomEvent<PorticoInvoiceSentDetail>).detail;
    expect(detail.emailsQueued).to.equal(2);
    expect(detail.invoice.number).to.equal('INV-0031');
    const [post] = server.to('POST', '/admin/invoices/inv_1/send');
    expect(post!.credentials).to.equal('include');
    await el.updateComplete;
    const row = $(el, 'tr[data-id="inv_1"]');
    expect(text(row.querySelector('th'))).to.equal('INV-0031');
    expect(text(row.querySelector('[part~="status"]'))).to.equal('Sent');
    expect(text(row.querySelector('[part~="send-result"]'))).to.equal('Sent to 2 contacts');
    expect(text(row.querySelector('[part~="send-button"]'))).to.equal('Send again');
    expect(el.shadowRoot!.activeElement).to.equal(row.querySelector('[part~="send-button"]'));
    expect(text($(el, '[role="status"]'))).to.equal('INV-0031 sent to 2 contacts.');
    // The counts on the chips follow.
    expect(text($(el, '[part~="chip"][data-status="draft"]'))).to.equal('Draft 0');
    expect(text($(el, '[part~="chip"][data-status="sent"]'))).to.equal('Sent 11');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a failed send says why on the row and changes nothing', async () => {
    server.on('POST', '/admin/invoices/inv_3/send', { status: 409, body: { error: { code: 'no_contacts', message: 'This client has no contact to send to.' } } });
    const el = await mount();
    $(el, 'tr[data-id="inv_3"] [part~="send-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-id="inv_3"] .failed'), 'no error shown');
    expect(text($(el, 'tr[data-id="inv_3"] .failed'))).to.equal('This client has no contact to send to.');
    expect(text($(el, 'tr[data-id="inv_3"] [part~="status"]'))).to.equal('Sent');
  });

  it('sorts by header (click and keyboard) and filters like the client list', async () => {
    const el = await mount();
    $(el, 'th[data-sort="amount"] button').click();
    await answered(el, 2);
    const last = (): URLSearchParams => server.toPath('GET', '/admin/invoices').at(-1)!.query;
    expect(last().get('sort')).to.equal('amount');
    expect(last().get('order')).to.equal('desc');
    expect($(el, 'th[data-sort="amount"]').getAttribute('aria-sort')).to.equal('descending');
    $(el, 'th[data-sort="status"] button').focus();
    await sendKeys({ press: 'Enter' });
    await answered(el, 3);
    expect(last().get('sort')).to.equal('status');
    expect($(el, 'th[data-sort="status"]').getAttribute('aria-sort')).to.equal('ascending');
    expect(text(el.shadowRoot!.querySelector('tbody [part~="status"]'))).to.equal('Draft');

    $(el, '[part~="chip"][data-status="draft"]').click();
    await answered(el, 4);
    expect(last().get('status')).to.equal('draft');
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(1);

    const search = $(el, 'input[type="search"]') as HTMLInputElement;
    search.focus();
    typeText(search, 'umbrella');
    await answered(el, 5);
    expect(last().get('q')).to.equal('umbrella');
  });

  it('client-id narrows the list to one client', async () => {
    const el = await fixture<PorticoAdminInvoices>(html`<portico-admin-invoices server="/portal" client-id="cli_2"></portico-admin-invoices>`);
    await waitUntil(() => server.toPath('GET', '/admin/invoices').length === 1);
    expect(server.toPath('GET', '/admin/invoices')[0]!.query.get('clientId')).to.equal('cli_2');
    el.clientId = 'cli_1';
    await waitUntil(() => server.toPath('GET', '/admin/invoices').length === 2);
    expect(server.toPath('GET', '/admin/invoices')[1]!.query.get('clientId')).to.equal('cli_1');
  });

  it('is cards with the Send button at 375 px, axe-clean', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const el = await mount();
      expect(getComputedStyle($(el, 'tbody tr')).display).to.equal('grid');
      expectInvoiceCard($(el, 'tbody tr'));
      const root = $(el, '.root');
      expect(root.scrollWidth).to.be.at.most(root.clientWidth);
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});

describe('<portico-admin-invoices> live updates', () => {
  it('fetches the rows on screen again every poll-interval, so a payment made by a client shows as paid without a reload', async () => {
    const el = await mount();
    el.pollInterval = 60;
    await el.updateComplete;
    const row = (): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('tr[data-id="inv_3"]')!;
    expect(row().querySelector('[part~="status"]')!.textContent!.trim()).not.to.equal('Paid');
    const requests = server.toPath('GET', '/admin/invoices').length;
    // A client pays INV-0003; Stripe's webhook books it on the server.
    invoices = invoices.map((invoice) => (invoice.id === 'inv_3' ? { ...invoice, status: 'paid', displayStatus: 'paid', amountPaid: invoice.total, balance: 0, version: 2 } : invoice));
    await waitUntil(() => row().querySelector('[part~="status"]')!.textContent!.trim() === 'Paid', 'the payment never showed');
    const polls = server.toPath('GET', '/admin/invoices').slice(requests);
    expect(polls.length).to.be.at.least(1);
    expect(polls[0]!.credentials).to.equal('include');
    expect(polls[0]!.query.get('limit')).to.equal('25');
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'no loading state while polling').to.equal(null);
    expect(el.shadowRoot!.querySelector('.chip[data-status="paid"] .chip-count')!.textContent!.trim()).to.equal(String(invoices.filter((i) => i.displayStatus === 'paid').length));
  });

  it('polls only while the page is visible, and stops when the host app signs out (401)', async () => {
    const el = await mount();
    el.pollInterval = 40;
    await el.updateComplete;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    try {
      const hidden = server.toPath('GET', '/admin/invoices').length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(server.toPath('GET', '/admin/invoices').length).to.equal(hidden);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    server.on('GET', '/admin/invoices', unauthenticated);
    const ended = oneEvent(el, 'portico-auth-required');
    await ended;
    const after = server.toPath('GET', '/admin/invoices').length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.toPath('GET', '/admin/invoices').length).to.equal(after);
  });

  it('polls every 10 s by default', async () => {
    const el = await mount();
    expect(el.pollInterval).to.equal(10_000);
    expect(el.getAttribute('poll-interval')).to.equal(null);
  });
});
