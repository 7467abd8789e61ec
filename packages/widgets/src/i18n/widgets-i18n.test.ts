import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../testing/wait-until.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../admin-bundle.js';
import { serveInvoiceList } from '../testing/fake-billing.js';
import { adminInvoiceFixture, FakeServer, invoiceDetailFixture, invoiceFixture, sessionFixture, statementFixture } from '../testing/fake-server.js';
import { adminTicketFixture, FakeSupport, heldFixture, messageFixture } from '../testing/fake-tickets.js';
import { accountFixture, serveAccount } from '../testing/fake-account.js';
import { loadAdminStrings, type AdminWidgetStrings } from '../admin/i18n/index.js';
import { locales } from './index.js';
import { restorePageUrlAfterEach } from '../testing/portal-fixture.js';
import { text } from '../testing/shadow-dom.js';

/**
 * Every widget in all six languages, light and dark: its text comes from the
 * language's table, Arabic lays out right to left, and axe finds nothing.
 */
let server: FakeServer;
restorePageUrlAfterEach();

beforeEach(() => {
  server = new FakeServer('/portal').install();
  const invoices = Array.from({ length: 30 }, (_, i) => invoiceFixture(i + 1));
  const admin = [adminInvoiceFixture(0, { displayStatus: 'draft', status: 'draft', number: null }), ...Array.from({ length: 10 }, (_, i) => adminInvoiceFixture(i + 1))];
  serveInvoiceList(server, '/api/invoices', () => invoices);
  serveInvoiceList(server, '/admin/invoices', () => admin);
  server.on('GET', '/api/statement', { status: 200, body: statementFixture() });
  server.on('GET', '/api/invoices/inv_42', { status: 200, body: invoiceDetailFixture({ displayStatus: 'overdue' }) });
  server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
  serveAccount(server, accountFixture({ lockedFields: ['vatId'] }));
  const support = new FakeSupport();
  support.held = [heldFixture(1)];
  support
    .add(adminTicketFixture(1, { unread: true, invoiceId: 'inv_42', invoiceNumber: 'INV-0042' }), [
      messageFixture(1, { source: 'email', quotedText: 'On Mon, Feb 3, 2020 at 10:00 AM Harbor & Pine Studio <studio@harborpine.test> wrote:\n> Your invoice is attached.' }),
      messageFixture(2, { authorKind: 'business', authorName: 'Harbor & Pine Studio', attachments: [{ id: 'att_1', filename: 'receipt.pdf', contentType: 'application/pdf', size: 24_500, url: '/api/tickets/tkt_1/attachments/att_1' }] }),
      messageFixture(3, { authorKind: 'business', authorName: 'Dana Desk', internal: true }),
    ])
    .add(adminTicketFixture(2, { status: 'pending' }), [messageFixture(4)])
    .add(adminTicketFixture(3, { status: 'closed' }), [messageFixture(5)])
    .serveClient(server)
    .serveAdmin(server);
});

afterEach(() => server.restore());

async function deep(root: Element, selectors: string[]): Promise<Element> {
  let found: Element | null = null;
  await waitUntil(
    () => {
      let scope: ParentNode = root.shadowRoot ?? root;
      for (const selector of selectors) {
        const next = scope.querySelector(selector);
        if (!next) return false;
        found = next;
        scope = next.shadowRoot ?? next;
      }
      return true;
    },
    `no ${selectors.join(' >>> ')}`,
  );
  return found!;
}

describe('the bundle', () => {
  it('registers every tag', () => {
    for (const tag of [
      'portico-portal',
      'portico-statement',
      'portico-invoice-list',
      'portico-invoice-preview',
      'portico-admin-invoices',
      'portico-pay-button',
      'portico-ticket-list',
      'portico-ticket-thread',
      'portico-new-ticket',
      'portico-account',
      'portico-admin-inbox',
    ]) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
  });
});

for (const scheme of ['light', 'dark'] as const) {
  describe(`every widget, ${scheme}`, () => {
    before(() => emulateMedia({ colorScheme: scheme }));
    after(() => emulateMedia({ colorScheme: 'light' }));

    for (const lang of locales) {
      let strings: AdminWidgetStrings;
      before(async () => {
        // The client widgets' table, with the business's widgets' own merged in.
        strings = await loadAdminStrings(lang);
      });
      const dir = lang === 'ar' ? 'rtl' : 'ltr';

      it(`${lang}: the portal's Invoices tab (statement and list)`, async () => {
        const el = await fixture(html`<portico-portal server="/portal" business="harbor-pine" lang=${lang}></portico-portal>`);
        await deep(el, ['portico-invoice-list', 'tbody tr']);
        await deep(el, ['portico-statement', '[part~="currency"]']);
        expect(el.shadowRoot!.querySelector('[part~="portal"]')!.getAttribute('dir')).to.equal(dir);
        expect(text(el.shadowRoot!.querySelector('#tab-invoices'))).to.equal(strings.tabInvoices);
        const list = el.shadowRoot!.querySelector('portico-invoice-list')!;
        expect(list.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal(dir);
        expect(text(list.shadowRoot!.querySelector('h2'))).to.equal(strings.invoicesHeading);
        expect(text(list.shadowRoot!.querySelector('th[data-sort="status"]'))).to.equal(strings.columnStatus);
        const statement = el.shadowRoot!.querySelector('portico-statement')!;
        expect(text(statement.shadowRoot!.querySelector('h2'))).to.equal(strings.statementHeading);
        if (dir === 'rtl') {
          // Right to left: the number column is on the right of the status column.
          const number = list.shadowRoot!.querySelector('tbody th')!.getBoundingClientRect();
          const status = list.shadowRoot!.querySelector('tbody .status-cell')!.getBoundingClientRect();
          expect(number.left).to.be.greaterThan(status.left);
        }
        await expect(el).shadowDom.to.be.accessible();
        await expect(list).shadowDom.to.be.accessible();
        await expect(statement).shadowDom.to.be.accessible();
      });

      it(`${lang}: <portico-invoice-preview>`, async () => {
        const el = await fixture(html`<portico-invoice-preview server="/portal" business="harbor-pine" invoice-id="inv_42" lang=${lang}></portico-invoice-preview>`);
        await deep(el, ['[part~="invoice"]']);
        expect(el.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal(dir);
        // In Arabic the number is isolated, so its hyphens keep their place in right-to-left text.
        expect(text(el.shadowRoot!.querySelector('h2'))).to.equal(strings.invoiceHeading(dir === 'rtl' ? '\u2068INV-0042\u2069' : 'INV-0042'));
        expect(text(el.shadowRoot!.querySelector('[part~="pdf-link"]'))).to.equal(strings.downloadPdf);
        expect(el.shadowRoot!.querySelector('[part~="pdf-link"]')!.getAttribute('href')).to.equal(`/portal/api/invoices/inv_42/pdf?locale=${lang}`);
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`${lang}: <portico-admin-invoices>`, async () => {
        const el = await fixture(html`<portico-admin-invoices server="/portal" lang=${lang}></portico-admin-invoices>`);
        await deep(el, ['tbody tr']);
        expect(el.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal(dir);
        expect(text(el.shadowRoot!.querySelector('tr[data-id="inv_0"] [part~="send-button"]'))).to.equal(strings.send);
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`${lang}: the portal's Support tab (list with the unread count on the tab, then a thread)`, async () => {
        const el = await fixture(html`<portico-portal server="/portal" business="harbor-pine" lang=${lang}></portico-portal>`);
        const tab = (await deep(el, ['#tab-support'])) as HTMLElement;
        await waitUntil(() => tab.querySelector('[part~="tab-badge"]'), 'no unread count on the tab');
        expect(text(tab.querySelector('.visually-hidden'))).to.equal(strings.unreadCount(1));
        tab.click();
        const list = await deep(el, ['portico-ticket-list']);
        await deep(list, ['.ticket']);
        expect(list.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal(dir);
        expect(text(list.shadowRoot!.querySelector('[part~="new-ticket-button"]'))).to.equal(strings.openNewTicket);
        expect(text(list.shadowRoot!.querySelector('.ticket[data-id="tkt_2"] [part~="status"]'))).to.equal(strings.ticketStatusPending);
        await expect(el).shadowDom.to.be.accessible();
        await expect(list).shadowDom.to.be.accessible();
        list.shadowRoot!.querySelector<HTMLElement>('.ticket[data-id="tkt_1"]')!.click();
        const thread = await deep(el, ['portico-ticket-thread']);
        await deep(thread, ['[part~="entry"]']);
        expect(thread.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal(dir);
        // The client never receives the internal note.
        expect(thread.shadowRoot!.querySelectorAll('[part~="entry"]')).to.have.length(2);
        expect(text(thread.shadowRoot!.querySelector('[part~="entry-client"] [part~="author"]'))).to.equal(strings.you);
        expect(text(el.shadowRoot!.querySelector('.back'))).to.equal(strings.backToTickets);
        await waitUntil(() => !el.shadowRoot!.querySelector('[part~="tab-badge"]'), 'reading it did not clear the count');
        await expect(el).shadowDom.to.be.accessible();
        await expect(thread).shadowDom.to.be.accessible();
      });

      it(`${lang}: <portico-new-ticket>`, async () => {
        const el = await fixture(html`<portico-new-ticket server="/portal" business="harbor-pine" invoice-id="inv_42" lang=${lang}></portico-new-ticket>`);
        await deep(el, ['#invoice']);
        expect(el.shadowRoot!.querySelector('form')!.getAttribute('dir')).to.equal(dir);
        expect(text(el.shadowRoot!.querySelector('h2'))).to.equal(strings.newTicketHeading);
        el.shadowRoot!.querySelector<HTMLElement>('[type="submit"]')!.click();
        await deep(el, ['#subject-error']);
        expect(text(el.shadowRoot!.querySelector('#subject-error'))).to.equal(strings.subjectRequired);
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`${lang}: <portico-account> (a locked field, and the last invoice recipient kept)`, async () => {
        const el = await fixture(html`<portico-account server="/portal" business="harbor-pine" lang=${lang}></portico-account>`);
        await deep(el, ['form']);
        expect(el.shadowRoot!.querySelector('[part~="account"]')!.getAttribute('dir')).to.equal(dir);
        expect(text(el.shadowRoot!.querySelector('#billing-heading'))).to.equal(strings.accountBillingHeading);
        expect(text(el.shadowRoot!.querySelector('#vat-id-locked'))).to.equal(strings.accountLocked);
        el.shadowRoot!.querySelector<HTMLInputElement>('#receives-con_1')!.click();
        await deep(el, ['#contacts-message']);
        expect(text(el.shadowRoot!.querySelector('#contacts-message'))).to.equal(strings.accountErrorLastRecipient);
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`${lang}: <portico-admin-inbox> (thread with an internal note, and held mail)`, async () => {
        const el = await fixture(html`<portico-admin-inbox server="/portal" lang=${lang}></portico-admin-inbox>`);
        await deep(el, ['.ticket']);
        expect(el.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal(dir);
        expect(text(el.shadowRoot!.querySelector('[part~="badge"] .visually-hidden'))).to.equal(strings.unreadCount(1));
        el.shadowRoot!.querySelector<HTMLElement>('.ticket[data-id="tkt_1"]')!.click();
        await deep(el, ['[part~="entry-note"]']);
        expect(text(el.shadowRoot!.querySelector('[part~="note-label"]'))).to.equal(strings.internalNote);
        const quoted = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="quoted-text"]')!;
        expect(text(quoted.querySelector('summary .when-closed'))).to.equal(strings.quotedTextHidden);
        quoted.querySelector('summary')!.click();
        expect(quoted.open).to.equal(true);
        expect(quoted.querySelector<HTMLElement>('summary .when-open')!.checkVisibility()).to.equal(true);
        expect(text(quoted.querySelector('summary .when-open'))).to.equal(strings.hideQuotedText);
        const toggle = el.shadowRoot!.querySelector<HTMLInputElement>('.note-toggle input')!;
        toggle.click();
        await deep(el, ['#note-hint']);
        await expect(el).shadowDom.to.be.accessible();
        el.shadowRoot!.querySelector<HTMLElement>('[part~="held-button"]')!.click();
        await deep(el, ['[part~="held"]']);
        expect(text(el.shadowRoot!.querySelector('#held-heading'))).to.equal(strings.heldHeading);
        await expect(el).shadowDom.to.be.accessible();
      });
    }
  });
}
