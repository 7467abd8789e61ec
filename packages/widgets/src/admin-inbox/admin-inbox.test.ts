import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { FakeServer, unauthenticated } from '../testing/fake-server.js';
import { adminTicketFixture, FakeSupport, heldFixture, messageFixture } from '../testing/fake-tickets.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoInboxUnreadDetail } from './admin-inbox.component.js';
import type { PorticoTicketReplyDetail } from '../ticket-thread/ticket-thread.component.js';
import { definePorticoAdminInbox, PorticoAdminInbox } from './admin-inbox.js';
import { $, text } from '../testing/shadow-dom.js';

let server: FakeServer;
let support: FakeSupport;

beforeEach(() => {
  server = new FakeServer('/portal').install();
  support = new FakeSupport();
  support.held = [heldFixture(1), heldFixture(2, { ticketId: null, from: null, subject: null })];
  support
    .add(adminTicketFixture(1, { unread: true, subject: 'Where is my receipt?' }), [
      messageFixture(1, { body: 'I paid but got no receipt.' }),
      messageFixture(2, { authorKind: 'business', authorName: 'Dana Desk', body: 'Checking with accounting.', internal: true }),
    ])
    .add(adminTicketFixture(2, { unread: true }), [messageFixture(3)])
    .add(adminTicketFixture(3, { status: 'pending' }), [messageFixture(5)])
    .add(adminTicketFixture(4, { status: 'closed' }), [messageFixture(7)])
    .serveAdmin(server);
});

afterEach(() => server.restore());

async function mount(pollInterval = 0): Promise<PorticoAdminInbox> {
  const el = await fixture<PorticoAdminInbox>(html`<portico-admin-inbox server="/portal" poll-interval=${pollInterval}></portico-admin-inbox>`);
  await waitUntil(() => el.shadowRoot!.querySelector('.ticket'), 'no tickets');
  await el.updateComplete;
  return el;
}

async function open(el: PorticoAdminInbox, id: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLElement>(`.ticket[data-id="${id}"]`)!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('#thread-heading'), 'no thread');
  await el.updateComplete;
}

function ids(el: PorticoAdminInbox): string[] {
  return [...el.shadowRoot!.querySelectorAll('.ticket')].map((row) => row.getAttribute('data-id')!);
}

describe('<portico-admin-inbox> registration', () => {
  it('registers the tag, and registering twice does not throw', () => {
    expect(customElements.get('portico-admin-inbox')).to.equal(PorticoAdminInbox);
    definePorticoAdminInbox();
    definePorticoAdminInbox();
    expect(customElements.get('portico-admin-inbox')).to.equal(PorticoAdminInbox);
  });
});

describe('<portico-admin-inbox>', () => {
  it("lists the open tickets with client names and the unread badge, on the host app's cookies", async () => {
    const counted = oneEvent(document, 'portico-inbox-unread');
    const el = await mount();
    expect(((await counted) as CustomEvent<PorticoInboxUnreadDetail>).detail).to.deep.equal({ unread: 2, held: 2 });
    const [request] = server.toPath('GET', '/admin/tickets');
    expect(request!.url).to.equal('/portal/admin/tickets?status=open');
    expect(request!.credentials).to.equal('include');
    expect(request!.headers['authorization']).to.equal(undefined);
    expect(ids(el)).to.deep.equal(['tkt_1', 'tkt_2']);
    expect(text($(el, '.ticket[data-id="tkt_1"] .client-name'))).to.equal('Initech');
    expect($(el, '.ticket[data-id="tkt_1"]').getAttribute('part')).to.equal('ticket ticket-unread');
    expect(text($(el, '[part~="badge"] .visually-hidden'))).to.equal('2 unread');
    expect(el.unreadCount).to.equal(2);
    expect(el.heldCount).to.equal(2);
    expect(text($(el, '[part~="held-button"]'))).to.equal('Held mail (2)');
    expect(text($(el, '[part~="pane"]'))).to.equal('Choose a ticket to read it.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('filters by status and unread with the keyboard', async () => {
    const el = await mount();
    $(el, '[part~="chip"][data-status="pending"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => ids(el).join() === 'tkt_3', 'pending filter');
    expect(server.toPath('GET', '/admin/tickets').at(-1)!.query.get('status')).to.equal('pending');
    expect($(el, '[data-status="pending"]').getAttribute('aria-pressed')).to.equal('true');
    $(el, '[data-status="all"]').click();
    await waitUntil(() => ids(el).length === 4, 'all filter');
    $(el, '.unread-filter input').focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => ids(el).join() === 'tkt_1,tkt_2', 'unread filter');
    expect(server.toPath('GET', '/admin/tickets').at(-1)!.url).to.equal('/portal/admin/tickets?status=all&unread=1');
  });

  it('opens a thread (marking it read) with the client, its contacts and the internal note drawn apart', async () => {
    const el = await mount();
    await open(el, 'tkt_1');
    expect(server.to('GET', '/admin/tickets/tkt_1')[0]!.credentials).to.equal('include');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#thread-heading'));
    expect(text($(el, '#thread-heading'))).to.equal('Where is my receipt?');
    expect(text($(el, '.thread-meta .client-name'))).to.equal('Initech');
    expect([...el.shadowRoot!.querySelectorAll('[part~="contacts"] a')].map((a) => a.getAttribute('href'))).to.deep.equal(['mailto:ann@globex.test', 'mailto:bob@globex.test']);
    const [client, note] = [...el.shadowRoot!.querySelectorAll('[part~="entry"]')];
    expect(client!.getAttribute('part')).to.equal('entry entry-client');
    expect(note!.getAttribute('part')).to.equal('entry entry-note');
    expect(text(note!.querySelector('[part~="note-label"]'))).to.equal('Internal note');
    // Unlike any message a client can see: dashed border, striped background.
    const noteStyle = getComputedStyle(note!);
    expect(noteStyle.borderTopStyle).to.equal('dashed');
    expect(noteStyle.backgroundImage).to.contain('repeating-linear-gradient');
    expect(getComputedStyle(client!).borderTopStyle).to.equal('solid');
    // Read now: the badge follows.
    await waitUntil(() => el.unreadCount === 1, 'badge did not follow');
    expect($(el, '.ticket[data-id="tkt_1"]').getAttribute('part')).to.equal('ticket ticket-selected');
    await expect(el).shadowDom.to.be.accessible();
  });

  it("says on a reply whose email bounced to whom it bounced, with the mail server's status and reason", async () => {
    const bounce = { to: 'ann@globex.test', bouncedAt: '2025-06-20T11:00:00.000Z', status: '5.1.1', reason: 'User unknown' };
    support.messages.get('tkt_2')!.push(messageFixture(4, { authorName: 'Dana Desk', body: 'Here it is.', emailBounces: [bounce] }));
    const el = await mount();
    await open(el, 'tkt_2');
    const shown = [...el.shadowRoot!.querySelectorAll('[part~="bounce"]')];
    expect(shown.map(text)).to.deep.equal(['The email to ann@globex.test could not be delivered. 5.1.1 · User unknown']);
    expect(shown[0]!.closest('[part~="entry"]')!.getAttribute('data-id')).to.equal('msg_4');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('folds away what the stripper removed from an email reply behind "Quoted text hidden", light and dark', async () => {
    const quotedText = 'Sent from my iPhone\n\nOn Mon, Feb 3, 2020 at 10:00 AM Dana Desk <dana@harborpine.test> wrote:\n> Checking with accounting.';
    support.messages.get('tkt_2')!.push(messageFixture(5, { body: 'Found it, thanks.', source: 'email', quotedText }));
    for (const colorScheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme });
      try {
        const el = await mount();
        await open(el, 'tkt_2');
        const toggles = [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('[part~="quoted-text"]')];
        expect(toggles.map((details) => details.closest('[part~="entry"]')!.getAttribute('data-id')), 'only the reply that had some').to.deep.equal(['msg_5']);
        const [details] = toggles;
        const body = details!.querySelector<HTMLElement>('[part~="quoted-text-body"]')!;
        expect(details!.open).to.equal(false);
        expect(details!.querySelector('summary')!.innerText.trim(), 'what shows').to.equal('Quoted text hidden');
        expect(body.checkVisibility(), 'hidden until asked for').to.equal(false);
        await expect(el).shadowDom.to.be.accessible();

        // The keyboard opens it as well as a click.
        details!.querySelector('summary')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => details!.open, 'Enter did not open it');
        expect(body.checkVisibility()).to.equal(true);
        expect(body.textContent).to.equal(quotedText);
        expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
        expect(details!.querySelector('summary')!.innerText.trim()).to.equal('Hide quoted text');
        expect(text($(el, '.message-item[data-id="msg_5"] [part~="body"]'))).to.equal('Found it, thanks.');
        await expect(el).shadowDom.to.be.accessible();
        details!.querySelector('summary')!.click();
        expect(details!.open).to.equal(false);
        el.remove();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    }
  });

  it('replies to the client, and adds an internal note (a visibly different box)', async () => {
    const el = await mount();
    await open(el, 'tkt_2');
    const box = $(el, '#reply') as HTMLTextAreaElement;
    box.value = 'We sent it again.';
    const replied = oneEvent(el, 'portico-ticket-reply');
    $(el, '[part~="reply-form"] [type="submit"]').click();
    const reply = ((await replied) as CustomEvent<PorticoTicketReplyDetail>).detail;
    expect(reply.message.internal).to.equal(false);
    expect(server.to('POST', '/admin/tickets/tkt_2/messages')[0]!.body).to.deep.equal({ message: 'We sent it again.' });
    expect(server.to('POST', '/admin/tickets/tkt_2/messages')[0]!.credentials).to.equal('include');
    await waitUntil(() => text(el.shadowRoot!.querySelector('.thread-meta [part~="status"]')) === 'Waiting on client', 'status did not follow');

    const toggle = $(el, '.note-toggle input');
    toggle.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '[part~="reply-form"]').classList.contains('note-mode')).to.equal(true);
    expect(getComputedStyle(box).borderTopStyle).to.equal('dashed');
    expect(text($(el, 'label[for="reply"]'))).to.equal('Internal note');
    expect(text($(el, '#note-hint'))).to.equal('Only your team sees internal notes. The client is not emailed.');
    expect(text($(el, '[part~="reply-form"] [type="submit"]'))).to.equal('Add note');
    await expect(el).shadowDom.to.be.accessible();
    $(el, '[part~="reply-form"] [type="submit"]').click();
    await el.updateComplete;
    expect(text($(el, '#reply-error'))).to.equal('Please write the note first.');
    box.value = 'Customer called too.';
    const noted = oneEvent(el, 'portico-ticket-reply');
    $(el, '[part~="reply-form"] [type="submit"]').click();
    expect(((await noted) as CustomEvent<PorticoTicketReplyDetail>).detail.message.internal).to.equal(true);
    expect(server.to('POST', '/admin/tickets/tkt_2/messages')[1]!.body).to.deep.equal({ message: 'Customer called too.', internal: true });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="entry-note"]').length === 1, 'note not shown');

    const picked = new DataTransfer();
    picked.items.add(new File(['a,b'], 'call-log.csv', { type: 'text/csv' }));
    const input = $(el, '#reply-files') as HTMLInputElement;
    input.files = picked.files;
    input.dispatchEvent(new Event('change'));
    box.value = 'The call log.';
    await waitUntil(() => $(el, '[part~="reply-form"] [type="submit"]').getAttribute('aria-disabled') === 'false', 'the note never finished');
    const withFile = oneEvent(el, 'portico-ticket-reply');
    $(el, '[part~="reply-form"] [type="submit"]').click();
    expect(((await withFile) as CustomEvent<PorticoTicketReplyDetail>).detail.message.attachments.map((a) => a.filename)).to.deep.equal(['call-log.csv']);
    const form = server.to('POST', '/admin/tickets/tkt_2/messages')[2]!.body as FormData;
    expect([form.get('message'), form.get('internal')]).to.deep.equal(['The call log.', 'true']);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="entry-note"] [part~="attachment"]').length === 1, 'the note with its file not shown');
  });

  it('closes and reopens a ticket', async () => {
    const el = await mount();
    await open(el, 'tkt_1');
    $(el, '[part~="close-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="reopen-button"]'), 'never closed');
    expect(server.to('POST', '/admin/tickets/tkt_1/close')).to.have.length(1);
    expect(text($(el, '.thread-meta [part~="status"]'))).to.equal('Closed');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="reopen-button"]'));
    await waitUntil(() => !ids(el).includes('tkt_1'), 'still listed as open');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="close-button"]'), 'never reopened');
    expect(server.to('POST', '/admin/tickets/tkt_1/reopen')).to.have.length(1);
    expect(text($(el, '[role="status"]'))).to.equal('Ticket reopened.');
  });

  it('shows held mail and accepts or discards it', async () => {
    support.held[0] = heldFixture(1, { quotedText: 'On Mon, Feb 3, 2020 at 10:00 AM Dana Desk <dana@harborpine.test> wrote:\n> Checking.' });
    const el = await mount();
    $(el, '[part~="held-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="held"]').length === 2, 'no held mail');
    await el.updateComplete;
    expect($(el, '[part~="held-button"]').getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#held-heading'));
    const [first, second] = [...el.shadowRoot!.querySelectorAll('[part~="held"]')];
    expect(text(first)).to.contain('From stranger1@elsewhere.test');
    expect(text(first)).to.contain('Claims to answer a ticket');
    expect(text(second)).to.contain('(no subject)');
    expect(text(second)).to.contain('From Unknown sender');
    // What the stripper removed, one click away before deciding; none where nothing was.
    expect(first!.querySelector<HTMLElement>('[part~="quoted-text"] summary')!.innerText.trim()).to.equal('Quoted text hidden');
    expect(second!.querySelector('[part~="quoted-text"]')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();

    first!.querySelector<HTMLElement>('[part~="accept-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="held"]').length === 1, 'not accepted');
    expect(server.to('POST', '/admin/inbound/inb_1/accept')[0]!.body).to.deep.equal({ ticketId: 'tkt_1' });
    await waitUntil(() => el.heldCount === 1, 'held count did not follow');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="discard-button"]')!.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('[part~="pane"]')).includes('No mail is waiting for review.'), 'not discarded');
    expect(server.to('POST', '/admin/inbound/inb_2/discard')).to.have.length(1);
    expect(text($(el, '[role="status"]'))).to.equal('Mail discarded.');
  });

  it('a 401 tells the host page its admin session is missing', async () => {
    server.on('GET', '/admin/tickets', unauthenticated);
    const el = await fixture<PorticoAdminInbox>(html`<portico-admin-inbox server="/portal"></portico-admin-inbox>`);
    await oneEvent(el, 'portico-auth-required');
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error shown');
  });
});

describe('<portico-admin-inbox> live updates', () => {
  it("polling picks up a client's new message: the list, the badge and the open thread", async () => {
    const el = await mount(50);
    await open(el, 'tkt_1');
    await waitUntil(() => el.unreadCount === 1);
    const counts: PorticoInboxUnreadDetail[] = [];
    el.addEventListener('portico-inbox-unread', (event) => counts.push((event as CustomEvent<PorticoInboxUnreadDetail>).detail));
    // The client answers ticket 1 (open on screen) and a third ticket moves.
    support.post('tkt_1', { authorKind: 'client', authorName: 'Ann Archer', body: 'Got it, thanks!', source: 'email' });
    support.post('tkt_3', { authorKind: 'client', authorName: 'Ann Archer', body: 'One more thing.' });
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="entry"]').length === 3, 'the new message never showed');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelectorAll('[part~="entry"]')[2]!.querySelector('[part~="body"]'))).to.equal('Got it, thanks!');
    expect(text($(el, '[role="status"]'))).to.equal('1 new message.');
    // Ticket 1 is on screen (read by the poll); ticket 3 is the new unread one.
    await waitUntil(() => el.unreadCount === 2, 'badge did not move');
    expect(counts.at(-1)).to.deep.equal({ unread: 2, held: 2 });
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
  });

  it('polls only while the page is visible, and stops on 401', async () => {
    const el = await mount(40);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    try {
      const hidden = server.toPath('GET', '/admin/tickets').length;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(server.toPath('GET', '/admin/tickets').length).to.equal(hidden);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    server.on('GET', '/admin/tickets', unauthenticated);
    await oneEvent(el, 'portico-auth-required');
    const after = server.toPath('GET', '/admin/tickets').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.toPath('GET', '/admin/tickets').length).to.equal(after);
  });
});
