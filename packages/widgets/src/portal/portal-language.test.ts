import { expect, fixture, html } from '@open-wc/testing';
import type { SessionResponse } from '@portico/wire';
import type { PorticoAccount } from '../account/account.component.js';
import type { PorticoInvoicePreview } from '../invoice-preview/invoice-preview.component.js';
import { serveInvoiceList } from '../testing/fake-billing.js';
import { accountFixture, serveAccount } from '../testing/fake-account.js';
import { chunked, FakeServer, invoiceDetailFixture, invoiceFixture, makeZip, sessionFixture, statementFixture } from '../testing/fake-server.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoPortal } from './portal.component.js';
import './portal.js';
import { restorePageUrlAfterEach } from '../testing/portal-fixture.js';
import { text } from '../testing/shadow-dom.js';

// The rule (docs/languages.md): the widget's own `lang` (the host's override),
// else the signed-in client's language, else the page's, else the business's.

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
  const invoices = [invoiceFixture(1)];
  serveInvoiceList(server, '/api/invoices', () => invoices);
  server.on('GET', '/api/statement', { status: 200, body: statementFixture() });
  server.on('GET', `/api/invoices/${invoices[0]!.id}`, { status: 200, body: invoiceDetailFixture({ ...invoices[0]! }) });
  document.documentElement.lang = 'en';
});

restorePageUrlAfterEach();

afterEach(() => {
  server.restore();
  document.documentElement.removeAttribute('lang');
});

function signedInAs(locale: string | null): void {
  const base = sessionFixture();
  server.on('GET', '/api/session', { status: 200, body: { ...base, client: { ...base.client, locale } } satisfies SessionResponse });
}

function $<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const found = root.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** A client with no language of its own, signed in, on the Account tab with its form loaded. */
async function openAccountTab(): Promise<{ el: PorticoPortal; account: PorticoAccount }> {
  signedInAs(null);
  serveAccount(server, accountFixture());
  const el = await portal();
  $(el, '#tab-account').click();
  await el.updateComplete;
  const account = $<PorticoAccount>(el, 'portico-account');
  await waitUntil(() => account.shadowRoot?.querySelector('#language') && account.shadowRoot.querySelector('#time-zone'), 'the account did not load');
  return { el, account };
}

async function portal(lang?: string): Promise<PorticoPortal> {
  const el = lang
    ? await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine" focus-invoice="inv_1" lang=${lang}></portico-portal>`)
    : await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine" focus-invoice="inv_1"></portico-portal>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[role="tablist"]'), 'the portal did not sign in');
  await el.updateComplete;
  return el;
}

async function pdfLink(el: PorticoPortal): Promise<string> {
  const preview = $<PorticoInvoicePreview>(el, 'portico-invoice-preview');
  await waitUntil(() => preview.shadowRoot?.querySelector('[part~="pdf-link"]'), 'the preview shows no PDF link');
  return preview.shadowRoot!.querySelector('[part~="pdf-link"]')!.getAttribute('href')!;
}

describe('<portico-portal> keeps the client’s language', () => {
  it('a Japanese client on an English host page sees Japanese widgets and gets Japanese PDFs', async () => {
    signedInAs('ja');
    const el = await portal();
    expect($(el, '[part~="portal"]').getAttribute('lang')).to.equal('ja');
    expect([...el.shadowRoot!.querySelectorAll('[role="tab"]')].map(text)).to.deep.equal(['請求書', '見積書', 'サポート', 'アカウント']);
    const preview = $<PorticoInvoicePreview>(el, 'portico-invoice-preview');
    expect(preview.getAttribute('lang')).to.equal('ja');
    expect($(el, 'portico-invoice-list').getAttribute('lang')).to.equal('ja');
    const href = await pdfLink(el);
    expect(new URL(href, location.href).searchParams.get('locale')).to.equal('ja');

    const zip = makeZip([{ name: 'INV-0001.pdf', data: new TextEncoder().encode('%PDF') }]);
    server.on('GET', '/api/invoices/download.zip', { status: 200, stream: chunked(zip, 1024) });
    const list = $(el, 'portico-invoice-list');
    list.addEventListener('portico-download-complete', (event) => event.preventDefault(), { once: true });
    await waitUntil(() => list.shadowRoot?.querySelector('[part~="download-button"].primary:not([disabled])'), 'no Download all');
    list.shadowRoot!.querySelector<HTMLElement>('[part~="download-button"].primary')!.click();
    await waitUntil(() => server.toPath('GET', '/api/invoices/download.zip').length > 0, 'no ZIP asked for');
    expect(server.toPath('GET', '/api/invoices/download.zip')[0]!.query.get('locale')).to.equal('ja');
  });

  it('an explicit lang on the widget is the host’s override', async () => {
    signedInAs('ja');
    const el = await portal('de');
    expect($(el, '[part~="portal"]').getAttribute('lang')).to.equal('de');
    expect(new URL(await pdfLink(el), location.href).searchParams.get('locale')).to.equal('de');
  });

  it('a client who chose none gets the page’s language', async () => {
    signedInAs(null);
    document.documentElement.lang = 'it';
    const el = await portal();
    expect($(el, '[part~="portal"]').getAttribute('lang')).to.equal('it');
  });

  it('the Account tab’s switcher saves the choice and the portal speaks it at once', async () => {
    const { el, account } = await openAccountTab();
    const select = account.shadowRoot!.querySelector<HTMLSelectElement>('#language')!;
    account.shadowRoot!.querySelector<HTMLInputElement>('#your-name')!.value = 'Ann A. Archer';
    select.value = 'de';
    select.closest('form')!.requestSubmit();
    await waitUntil(() => $(el, '[part~="portal"]').getAttribute('lang') === 'de', 'the portal did not switch to German');
    expect(server.to('PATCH', '/api/account')[0]!.body).to.deep.equal({ contactName: 'Ann A. Archer', language: 'de', timeZone: null });
    await el.updateComplete;
    expect(text($(el, '#tab-account'))).to.equal('Konto');
    expect(text($(el, '.who-name')), 'the header shows the new name').to.equal('Ann A. Archer');
    expect(el.session?.client.locale).to.equal('de');
    await account.updateComplete;
    expect(account.getAttribute('lang')).to.equal('de');
    expect(text(account.shadowRoot!.querySelector('#you-message'))).to.equal('Gespeichert.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a time zone chosen in the Account tab is the portal’s at once: the session’s end moves to that zone', async () => {
    const { el, account } = await openAccountTab();
    const ends = (): string => text($(el, '[part~="account"] time'));
    const before = ends();
    const expiresAt = el.session!.expiresAt;
    const select = account.shadowRoot!.querySelector<HTMLSelectElement>('#time-zone')!;
    select.value = 'Pacific/Kiritimati';
    select.closest('form')!.requestSubmit();
    await waitUntil(() => el.session?.timeZone === 'Pacific/Kiritimati', 'the portal kept its zone');
    await el.updateComplete;
    const inKiritimati = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit', timeZone: 'Pacific/Kiritimati' }).format(new Date(expiresAt));
    expect(ends()).not.to.equal(before);
    expect(ends()).to.contain(inKiritimati);
  });

  it('the Account tab reads right to left for an Arabic client and is accessible, dark too', async () => {
    signedInAs('ar');
    serveAccount(server, accountFixture({ lockedFields: ['name'] }));
    const el = await portal();
    el.setAttribute('theme', 'dark');
    $(el, '#tab-account').click();
    await el.updateComplete;
    const account = $<PorticoAccount>(el, 'portico-account');
    await waitUntil(() => account.shadowRoot?.querySelector('form'), 'the account did not load');
    await account.updateComplete;
    expect($(el, '[part~="portal"]').getAttribute('dir')).to.equal('rtl');
    expect(account.shadowRoot!.querySelector('[part~="account"]')!.getAttribute('dir')).to.equal('rtl');
    await expect(el).shadowDom.to.be.accessible();
    await expect(account).shadowDom.to.be.accessible();
  });
});
