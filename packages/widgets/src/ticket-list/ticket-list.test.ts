import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeServer, unauthenticated } from '../testing/fake-server.js';
import { adminTicketFixture, FakeSupport, messageFixture } from '../testing/fake-tickets.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoTicketOpenDetail, PorticoTicketsUnreadDetail } from './ticket-list.component.js';
import { definePorticoTicketList, PorticoTicketList } from './ticket-list.js';
import { text } from '../testing/shadow-dom.js';

let server: FakeServer;
let support: FakeSupport;

beforeEach(() => {
  server = new FakeServer('/portal').install();
  support = new FakeSupport()
    .add(adminTicketFixture(1, { unread: true, status: 'pending', subject: 'Where is my receipt?' }), [messageFixture(1), messageFixture(2)])
    .add(adminTicketFixture(2, { invoiceId: 'inv_7', invoiceNumber: 'INV-0007' }), [messageFixture(3)])
    .add(adminTicketFixture(3, { status: 'closed' }), [messageFixture(5)])
    .serveClient(server);
});

afterEach(() => server.restore());

async function mount(attributes = ''): Promise<PorticoTicketList> {
  const el = await fixture<PorticoTicketList>(html`<portico-ticket-list server="/portal" business="harbor-pine" poll-interval=${attributes || '0'}></portico-ticket-list>`);
  await waitUntil(() => el.shadowRoot!.querySelector('.ticket'), 'no tickets');
  await el.updateComplete;
  return el;
}

/** The badge's number (hidden from screen readers) and its words (for them). */
function badge(el: PorticoTicketList): string[] {
  const found = el.shadowRoot!.querySelector('[part~="badge"]');
  return [text(found?.querySelector('[aria-hidden="true"]')), text(found?.querySelector('.visually-hidden'))];
}

describe('<portico-ticket-list> registration', () => {
  it('registers the tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-ticket-list')).to.equal(PorticoTicketList);
    definePorticoTicketList();
    definePorticoTicketList();
    await import('./ticket-list.js');
    expect(customElements.get('portico-ticket-list')).to.equal(PorticoTicketList);
  });
});

describe('<portico-ticket-list>', () => {
  it("lists the client's tickets with number, status, last activity and the unread mark, on the session cookie", async () => {
    const el = await mount();
    const [request] = server.to('GET', '/api/tickets');
    expect(request!.credentials).to.equal('include');
    const rows = [...el.shadowRoot!.querySelectorAll('.ticket')];
    expect(rows.map((row) => row.getAttribute('data-id'))).to.deep.equal(['tkt_1', 'tkt_2', 'tkt_3']);
    const first = rows[0]!;
    expect(text(first.querySelector('.subject'))).to.equal('Where is my receipt?');
    expect(text(first.querySelector('[part~="status"]'))).to.equal('Answered');
    expect(first.getAttribute('part')).to.contain('ticket-unread');
    expect(text(first.querySelector('[part~="unread"]'))).to.equal('Unread');
    expect(text(first.querySelector('.ticket-meta'))).to.contain('#1');
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(support.tickets[0]!.lastMessageAt));
    expect(text(first.querySelector('time'))).to.equal(`Last activity ${when}`);
    expect(rows[1]!.querySelector('[part~="unread"]')).to.equal(null);
    expect(text(rows[1]!.querySelector('.ticket-meta'))).to.contain('About invoice INV-0007');
    expect(text(rows[2]!.querySelector('[part~="status"]'))).to.equal('Closed');
    expect(badge(el)).to.deep.equal(['1', '1 unread']);
    expect(el.unreadCount).to.equal(1);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('opens a ticket by click or keyboard, and "Open new ticket" asks for the form', async () => {
    const el = await mount();
    const button = el.shadowRoot!.querySelector<HTMLElement>('.ticket[data-id="tkt_2"]')!;
    button.focus();
    const opened = oneEvent(el, 'portico-ticket-open');
    await sendKeys({ press: 'Enter' });
    const detail = ((await opened) as CustomEvent<PorticoTicketOpenDetail>).detail;
    expect(detail.id).to.equal('tkt_2');
    expect(detail.ticket.invoiceNumber).to.equal('INV-0007');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="new-ticket-button"]')!.focus();
    const asked = oneEvent(el, 'portico-ticket-new');
    await sendKeys({ press: 'Space' });
    await asked;
    el.selectedId = 'tkt_2';
    await el.updateComplete;
    expect(button.getAttribute('aria-current')).to.equal('true');
    expect(button.getAttribute('part')).to.contain('ticket-selected');
  });

  it('says so when there are no tickets, and shows an error with Try again', async () => {
    server.on('GET', '/api/tickets', { status: 200, body: { tickets: [], unreadCount: 0 } });
    const empty = await fixture<PorticoTicketList>(html`<portico-ticket-list server="/portal"></portico-ticket-list>`);
    await waitUntil(() => empty.shadowRoot!.querySelector('.state:not([role])'), 'no empty state');
    expect(text(empty.shadowRoot!.querySelector('.state'))).to.contain('No tickets yet');
    await expect(empty).shadowDom.to.be.accessible();

    server.on('GET', '/api/tickets', { status: 500, body: { error: { code: 'internal', message: 'The desk is down.' } } });
    const failing = await fixture<PorticoTicketList>(html`<portico-ticket-list server="/portal"></portico-ticket-list>`);
    await waitUntil(() => failing.shadowRoot!.querySelector('[role="alert"]'), 'no error');
    expect(text(failing.shadowRoot!.querySelector('[role="alert"] span'))).to.equal('The desk is down.');
    support.serveClient(server);
    failing.shadowRoot!.querySelector<HTMLElement>('[part~="retry"]')!.click();
    await waitUntil(() => failing.shadowRoot!.querySelector('.ticket'), 'retry did not load');
  });

  it('a 401 tells the page the session ended', async () => {
    server.on('GET', '/api/tickets', unauthenticated);
    const el = await fixture<PorticoTicketList>(html`<portico-ticket-list server="/portal"></portico-ticket-list>`);
    const event = await oneEvent(el, 'portico-auth-required');
    expect(event.bubbles && event.composed).to.equal(true);
  });
});

describe('<portico-ticket-list> live updates', () => {
  it("polling picks up the business's reply: the ticket moves to the top, unread, and the badge and event follow", async () => {
    const el = await mount('50');
    const unread: number[] = [];
    el.addEventListener('portico-tickets-unread', (event) => unread.push((event as CustomEvent<PorticoTicketsUnreadDetail>).detail.unreadCount));
    support.post('tkt_3', { authorKind: 'business', authorName: 'Harbor & Pine Studio', body: 'We found it.' });
    await waitUntil(() => el.shadowRoot!.querySelector('.ticket')?.getAttribute('data-id') === 'tkt_3', 'the reply never showed');
    await el.updateComplete;
    const top = el.shadowRoot!.querySelector('.ticket')!;
    expect(top.querySelector('[part~="unread"]')).not.to.equal(null);
    expect(text(top.querySelector('.preview'))).to.equal('We found it.');
    expect(badge(el)).to.deep.equal(['2', '2 unread']);
    expect(unread).to.deep.equal([2]);
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'no loading state while polling').to.equal(null);
  });

  it('does not poll while the page is hidden', async () => {
    const el = await mount('40');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    try {
      const before = server.to('GET', '/api/tickets').length;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(server.to('GET', '/api/tickets').length).to.equal(before);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    const shown = server.to('GET', '/api/tickets').length;
    await waitUntil(() => server.to('GET', '/api/tickets').length > shown, 'no poll once shown again');
    expect(el.isConnected).to.equal(true);
  });
});
