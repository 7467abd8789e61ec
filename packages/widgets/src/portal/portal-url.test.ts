import { expect, oneEvent } from '@open-wc/testing';
import type { PorticoInvoiceList } from '../invoice-list/invoice-list.component.js';
import type { PorticoInvoicePreview } from '../invoice-preview/invoice-preview.component.js';
import { FakeServer, sessionFixture } from '../testing/fake-server.js';
import { adminTicketFixture, FakeSupport, messageFixture } from '../testing/fake-tickets.js';
import { mountPortal, portalPart, restorePageUrlAfterEach, serveBilling } from '../testing/portal-fixture.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoPortal } from './portal.component.js';

const originalUrl = restorePageUrlAfterEach();
let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
  serveBilling(server);
  server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
  new FakeSupport().add(adminTicketFixture(1), [messageFixture(1)]).add(adminTicketFixture(2), [messageFixture(2)]).serveClient(server);
});

afterEach(() => {
  server.restore();
  history.pushState = pushState;
  history.replaceState = replaceState;
});

const { pushState, replaceState } = history;

/** Counts the history entries the portal adds and replaces from now on (Chromium caps history.length at 50, so it cannot tell). */
function countHistory(): { pushed: number; replaced: number } {
  const counts = { pushed: 0, replaced: 0 };
  history.pushState = (...args: Parameters<History['pushState']>) => {
    counts.pushed++;
    pushState.apply(history, args);
  };
  history.replaceState = (...args: Parameters<History['replaceState']>) => {
    counts.replaced++;
    replaceState.apply(history, args);
  };
  return counts;
}

/** The page's URL with these query parameters (and fragment) set, as a bookmark or a shared link would open it. */
function openAt(params: Record<string, string>, hash = ''): void {
  const url = new URL(originalUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  url.hash = hash;
  history.replaceState(history.state, '', url.href);
}

function query(): URLSearchParams {
  return new URL(location.href).searchParams;
}

async function listReady(el: PorticoPortal): Promise<PorticoInvoiceList> {
  const list = await portalPart<PorticoInvoiceList>(el, 'portico-invoice-list');
  await waitUntil(() => list.shadowRoot!.querySelector('tbody tr'), 'the list never loaded');
  await list.updateComplete;
  return list;
}

async function back(el: PorticoPortal): Promise<void> {
  const popped = oneEvent(window, 'popstate');
  history.back();
  await popped;
  await el.updateComplete;
}

describe('<portico-portal> in the URL', () => {
  it('opening an invoice is a step Back undoes: the list returns with its sort and filters, and the URL says so', async () => {
    const el = await mountPortal();
    const list = await listReady(el);
    await waitUntil(() => query().get('portico') === 'invoices', 'the tab never reached the URL');
    const counts = countHistory();

    list.shadowRoot!.querySelector<HTMLElement>('th[data-sort="amount"] button')!.click();
    list.shadowRoot!.querySelector<HTMLElement>('[part~="chip"][data-status="sent"]')!.click();
    await waitUntil(() => query().get('portico-status') === 'sent', 'the filter never reached the URL');
    expect(query().get('portico-sort')).to.equal('amount');
    expect(query().get('portico-order')).to.equal('desc');
    expect(counts.pushed, 'a filter replaces the entry').to.equal(0);

    await waitUntil(() => list.shadowRoot!.querySelector('tbody tr .open'), 'no rows');
    const row = list.shadowRoot!.querySelector<HTMLElement>('tbody tr')!;
    const id = row.dataset['id']!;
    row.querySelector<HTMLElement>('.open')!.click();
    await portalPart(el, 'portico-invoice-preview');
    expect(query().get('portico')).to.equal(`invoices/${id}`);
    expect(location.search, 'readable: the slash is not escaped').to.contain(`portico=invoices/${id}`);
    expect(query().get('portico-status'), 'the list is still filtered behind the invoice').to.equal('sent');
    expect(counts.pushed, 'opening pushes an entry').to.equal(1);

    await back(el);
    expect(el.focusInvoice).to.equal(null);
    expect(el.shadowRoot!.querySelector('portico-invoice-preview')).to.equal(null);
    expect(el.shadowRoot!.querySelector('portico-invoice-list')).to.equal(list);
    expect(list.shadowRoot!.querySelector('th[data-sort="amount"]')!.getAttribute('aria-sort')).to.equal('descending');
    expect(list.shadowRoot!.querySelector('[part~="chip"][data-status="sent"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(query().get('portico')).to.equal('invoices');
  });

  it('a bookmarked list opens with its filters and sort in the first request', async () => {
    openAt({ portico: 'invoices', 'portico-status': 'paid,bogus', 'portico-sort': 'amount', 'portico-order': 'asc', 'portico-from': '2025-01-01', 'portico-to': 'soon' });
    const el = await mountPortal();
    await listReady(el);
    const first = server.toPath('GET', '/api/invoices')[0]!.query;
    expect(first.get('status')).to.equal('paid');
    expect(first.get('sort')).to.equal('amount');
    expect(first.get('order')).to.equal('asc');
    expect(first.get('from')).to.equal('2025-01-01');
    expect(first.has('to'), 'a date that is not one is dropped').to.equal(false);
  });

  it('reload keeps the open ticket, and Back from it returns to the Support list', async () => {
    openAt({ portico: 'support/tkt_2' });
    const el = await mountPortal();
    await portalPart(el, 'portico-ticket-thread');
    expect(el.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!.id).to.equal('tab-support');
    expect(el.shadowRoot!.querySelector('portico-ticket-thread')!.getAttribute('ticket-id')).to.equal('tkt_2');

    el.shadowRoot!.querySelector<HTMLElement>('#tab-account')!.click();
    await waitUntil(() => query().get('portico') === 'account', 'the tab never reached the URL');
    await back(el);
    expect(el.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!.id).to.equal('tab-support');
    expect(el.focusTicket).to.equal('tkt_2');
  });

  it("the sign-in redirect's ?invoice= opens that invoice and becomes the portal's own parameter, in place", async () => {
    openAt({ invoice: 'inv_3', page: 'billing' });
    const counts = countHistory();
    const el = await mountPortal();
    const preview = await portalPart<PorticoInvoicePreview>(el, 'portico-invoice-preview');
    expect(preview.invoiceId).to.equal('inv_3');
    await waitUntil(() => query().get('portico') === 'invoices/inv_3', 'the invoice never reached the URL');
    expect(query().has('invoice')).to.equal(false);
    expect(query().get('page'), "the host's own parameter stays").to.equal('billing');
    expect(counts.pushed, 'replaced in place').to.equal(0);
  });

  it('takes the parameter name the host chooses, or the fragment, or leaves the URL alone', async () => {
    openAt({ portico: 'support' });
    const named = await mountPortal({ 'url-param': 'billing' });
    await listReady(named);
    expect(named.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!.id, 'another name is not ours').to.equal('tab-invoices');
    await waitUntil(() => query().get('billing') === 'invoices', 'the named parameter was never written');
    expect(query().get('portico'), "a parameter of that name is the host's now").to.equal('support');
    named.remove();

    openAt({}, '#section=fees');
    const hashed = await mountPortal({ 'url-state': 'hash' });
    await listReady(hashed);
    hashed.shadowRoot!.querySelector<HTMLElement>('#tab-support')!.click();
    await waitUntil(() => new URLSearchParams(location.hash.slice(1)).get('portico') === 'support', 'the fragment was never written');
    expect(new URLSearchParams(location.hash.slice(1)).get('section')).to.equal('fees');
    expect(query().has('portico')).to.equal(false);
    hashed.remove();

    openAt({});
    const before = location.href;
    const off = await mountPortal({ 'url-state': 'none' });
    await listReady(off);
    off.shadowRoot!.querySelector<HTMLElement>('#tab-support')!.click();
    await off.updateComplete;
    expect(location.href).to.equal(before);
  });
});
