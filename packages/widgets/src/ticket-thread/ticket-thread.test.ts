import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PorticoClient } from '../client/portico-client.js';
import { FakeServer, sessionFixture } from '../testing/fake-server.js';
import { adminTicketFixture, FakeSupport, messageFixture } from '../testing/fake-tickets.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoTicketReplyDetail } from './ticket-thread.component.js';
import { definePorticoTicketThread, PorticoTicketThread } from './ticket-thread.js';
import { text } from '../testing/shadow-dom.js';

let server: FakeServer;
let support: FakeSupport;

const attachment = { id: 'att_1', filename: 'receipt.pdf', contentType: 'application/pdf', size: 24_500, url: '/api/tickets/tkt_1/attachments/att_1' };

beforeEach(() => {
  server = new FakeServer('/portal').install();
  support = new FakeSupport()
    .add(adminTicketFixture(1, { unread: true, status: 'pending', subject: 'Where is my receipt?', invoiceNumber: 'INV-0007', invoiceId: 'inv_7' }), [
      messageFixture(1, { body: 'I paid INV-0007 but got no receipt.' }),
      messageFixture(2, { body: 'Here it is.', attachments: [attachment], source: 'email' }),
    ])
    .add(adminTicketFixture(2, { status: 'closed' }), [messageFixture(3)])
    .serveClient(server);
});

afterEach(() => server.restore());

async function mount(id = 'tkt_1', pollInterval = 0): Promise<PorticoTicketThread> {
  const el = await fixture<PorticoTicketThread>(html`<portico-ticket-thread server="/portal" ticket-id=${id} poll-interval=${pollInterval}></portico-ticket-thread>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="messages"]'), 'no thread');
  await el.updateComplete;
  return el;
}

describe('<portico-ticket-thread> registration', () => {
  it('registers the tag, and registering twice does not throw', () => {
    expect(customElements.get('portico-ticket-thread')).to.equal(PorticoTicketThread);
    definePorticoTicketThread();
    definePorticoTicketThread();
    expect(customElements.get('portico-ticket-thread')).to.equal(PorticoTicketThread);
  });
});

describe('<portico-ticket-thread>', () => {
  it("shows the messages with author and time, attachments as links; fetching marks it read", async () => {
    const loaded = oneEvent(document, 'portico-ticket-loaded');
    const el = await mount();
    expect((await loaded).detail.ticket.id).to.equal('tkt_1');
    expect(server.to('GET', '/api/tickets/tkt_1')[0]!.credentials).to.equal('include');
    expect(support.tickets.find((ticket) => ticket.id === 'tkt_1')!.unread).to.equal(false);
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Where is my receipt?');
    expect(text(el.shadowRoot!.querySelector('.thread-meta'))).to.equal('#1 Answered About invoice INV-0007');
    const entries = [...el.shadowRoot!.querySelectorAll('[part~="entry"]')];
    expect(entries.map((entry) => entry.getAttribute('part'))).to.deep.equal(['entry entry-client', 'entry entry-business']);
    expect(text(entries[0]!.querySelector('[part~="author"]'))).to.equal('You');
    expect(text(entries[1]!.querySelector('[part~="author"]'))).to.equal('Harbor & Pine Studio');
    expect(text(entries[1]!.querySelector('.message-head'))).to.contain('by email');
    expect(entries[0]!.querySelector('[part~="body"]')!.getAttribute('dir')).to.equal('auto'); // the client's own words keep their direction
    expect(entries[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(support.messages.get('tkt_1')![0]!.createdAt);
    expect(text(entries[0]!.querySelector('[part~="body"]'))).to.equal('I paid INV-0007 but got no receipt.');
    const link = entries[1]!.querySelector<HTMLAnchorElement>('[part~="attachment"]')!;
    expect(link.getAttribute('href')).to.equal('/portal/api/tickets/tkt_1/attachments/att_1');
    expect(text(link)).to.equal('receipt.pdf (24.5 kB)');
    await expect(el).shadowDom.to.be.accessible();
  });

  it("shows times where the business is, naming the zone when the reader's clock differs", async () => {
    const browserZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const businessZone = browserZone === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo';
    server.on('GET', '/api/session', { status: 200, body: sessionFixture({ timeZone: businessZone }) });
    const client = new PorticoClient({ server: '/portal', business: 'harbor-pine' });
    await client.session();
    const el = await fixture<PorticoTicketThread>(html`<portico-ticket-thread .client=${client} ticket-id="tkt_1" poll-interval="0"></portico-ticket-thread>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="messages"] time'), 'no thread');
    // 2025-06-20 10:01 UTC: 19:01 in Tokyo (GMT+9), 06:01 in New York (GMT-4).
    const shown = text(el.shadowRoot!.querySelector('[part~="messages"] time'));
    expect(shown).to.equal(businessZone === 'Asia/Tokyo' ? 'Jun 20, 2025, 7:01 PM GMT+9' : 'Jun 20, 2025, 6:01 AM EDT');

    server.on('GET', '/api/session', { status: 200, body: sessionFixture({ timeZone: browserZone }) });
    await client.session();
    el.requestUpdate();
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part~="messages"] time')), 'the same zone as the reader: not named').to.not.contain('GMT');
  });

  it('replies with the keyboard: POSTs the text, shows it, clears the box; an empty reply is refused at the field', async () => {
    const el = await mount();
    const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!;
    box.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement, 'Attach files comes before Send').to.equal(el.shadowRoot!.querySelector('#reply-files'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // Send reply with nothing written
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('#reply-error'))).to.equal('Please write a reply first.');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-describedby')).to.equal('reply-error');
    expect(el.shadowRoot!.activeElement).to.equal(box);
    expect(server.to('POST', '/api/tickets/tkt_1/messages')).to.have.length(0);

    await sendKeys({ type: 'Thank you!' });
    await sendKeys({ press: 'Tab' }); // Attach files
    await sendKeys({ press: 'Tab' }); // Send reply
    const replied = oneEvent(el, 'portico-ticket-reply');
    await sendKeys({ press: 'Enter' });
    const detail = ((await replied) as CustomEvent<PorticoTicketReplyDetail>).detail;
    expect(detail.ticketId).to.equal('tkt_1');
    const [post] = server.to('POST', '/api/tickets/tkt_1/messages');
    expect(post!.body).to.deep.equal({ message: 'Thank you!' });
    expect(post!.credentials).to.equal('include');
    await el.updateComplete;
    const entries = el.shadowRoot!.querySelectorAll('[part~="entry"]');
    expect(entries).to.have.length(3);
    expect(text(entries[2]!.querySelector('[part~="body"]'))).to.equal('Thank you!');
    expect(box.value).to.equal('');
    expect(el.shadowRoot!.querySelector('#reply-error')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Reply sent.');
  });

  it('a reply carries the files attached to it, and shows them once sent', async () => {
    const el = await mount();
    const picked = new DataTransfer();
    picked.items.add(new File(['%PDF-1.4'], 'statement.pdf', { type: 'application/pdf' }));
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#reply-files')!;
    input.files = picked.files;
    input.dispatchEvent(new Event('change'));
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!.value = 'The statement, attached.';
    const replied = oneEvent(el, 'portico-ticket-reply');
    el.shadowRoot!.querySelector<HTMLFormElement>('[part~="reply-form"]')!.requestSubmit();
    await replied;
    const body = server.to('POST', '/api/tickets/tkt_1/messages')[0]!.body as FormData;
    expect([body.get('message'), body.getAll('files').map((file) => (file as File).name)]).to.deep.equal(['The statement, attached.', ['statement.pdf']]);
    await el.updateComplete;
    const last = [...el.shadowRoot!.querySelectorAll('[part~="entry"]')].at(-1)!;
    expect(text(last.querySelector('[part~="attachment"]'))).to.equal('statement.pdf (8 bytes)');
    expect(el.shadowRoot!.querySelector('[part~="chosen-files"]')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('Ctrl+Enter in the reply box sends it; Enter alone is a new line', async () => {
    const el = await mount();
    el.focus();
    await sendKeys({ type: 'Line one' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Line two' });
    expect(server.to('POST', '/api/tickets/tkt_1/messages')).to.have.length(0);
    const replied = oneEvent(el, 'portico-ticket-reply');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await replied;
    expect(server.to('POST', '/api/tickets/tkt_1/messages')[0]!.body).to.deep.equal({ message: 'Line one\nLine two' });
  });

  it("a closed ticket says a reply reopens it; a refused reply shows the server's words", async () => {
    server.on('POST', '/api/tickets/tkt_2/messages', { status: 413, body: { error: { code: 'message_too_long', message: 'That message is too long.' } } });
    const el = await mount('tkt_2');
    expect(text(el.shadowRoot!.querySelector('.notice'))).to.equal('This ticket is closed. Replying opens it again.');
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply')!.value = 'x'.repeat(20);
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('#reply-error'), 'no error');
    expect(text(el.shadowRoot!.querySelector('#reply-error'))).to.equal('That message is too long.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('an unknown ticket shows the error with Try again', async () => {
    server.on('GET', '/api/tickets/tkt_9', { status: 404, body: { error: { code: 'ticket_not_found', message: 'No such ticket.' } } });
    const el = await fixture<PorticoTicketThread>(html`<portico-ticket-thread server="/portal" ticket-id="tkt_9"></portico-ticket-thread>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error');
    expect(text(el.shadowRoot!.querySelector('[role="alert"] span'))).to.equal('No such ticket.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('in bearer mode an attachment is fetched with the token, not opened as a plain link', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'bearer-abc', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null } });
    server.on('GET', '/api/tickets/tkt_1/attachments/att_1', { status: 200, body: { pretend: 'pdf' } });
    const client = new PorticoClient({ server: '/portal', business: 'harbor-pine' });
    await client.redeemLink('link-token');
    const el = await fixture<PorticoTicketThread>(html`<portico-ticket-thread .client=${client} ticket-id="tkt_1" poll-interval="0"></portico-ticket-thread>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="attachment"]'), 'no attachment');
    const saved: string[] = [];
    const onClick = (event: Event): void => {
      const link = event.composedPath()[0] as HTMLAnchorElement;
      if (link.href.startsWith('blob:')) {
        saved.push(link.download);
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      el.shadowRoot!.querySelector<HTMLElement>('[part~="attachment"]')!.click();
      await waitUntil(() => saved.length === 1, 'never saved');
    } finally {
      document.removeEventListener('click', onClick, true);
    }
    expect(saved).to.deep.equal(['receipt.pdf']);
    expect(server.to('GET', '/api/tickets/tkt_1/attachments/att_1')[0]!.headers['authorization']).to.equal('Bearer bearer-abc');
  });
});

describe('<portico-ticket-thread> live updates', () => {
  it("polling shows the business's new message and announces it", async () => {
    const el = await mount('tkt_1', 50);
    const updated = oneEvent(el, 'portico-ticket-updated');
    support.post('tkt_1', { authorKind: 'business', authorName: 'Harbor & Pine Studio', body: 'Anything else?' });
    await updated;
    await el.updateComplete;
    const entries = el.shadowRoot!.querySelectorAll('[part~="entry"]');
    expect(entries).to.have.length(3);
    expect(text(entries[2]!.querySelector('[part~="body"]'))).to.equal('Anything else?');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('1 new message.');
    // Each poll is a GET of the thread, which marks it read for the client.
    expect(server.to('GET', '/api/tickets/tkt_1').length).to.be.at.least(2);
    expect(support.tickets.find((ticket) => ticket.id === 'tkt_1')!.unread).to.equal(false);
  });
});
