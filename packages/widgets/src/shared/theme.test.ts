import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../admin-bundle.js';
import { serveInvoiceList } from '../testing/fake-billing.js';
import { FakeServer, invoiceFixture, sessionFixture, statementFixture } from '../testing/fake-server.js';
import { adminTicketFixture, FakeSupport, messageFixture } from '../testing/fake-tickets.js';
import { restorePageUrlAfterEach } from '../testing/portal-fixture.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoThemedElement } from './themed-element.js';

/**
 * Light and dark: every widget follows the visitor's `prefers-color-scheme`
 * unless its `theme` attribute or the page's `--portico-color-scheme` pins a
 * scheme, and a portal's scheme reaches the widgets in its shadow root.
 */
const light = { background: 'rgb(245, 246, 248)', text: 'rgb(27, 31, 36)' }; // #f5f6f8, #1b1f24
const dark = { background: 'rgb(17, 20, 24)', text: 'rgb(232, 235, 239)' }; // #111418, #e8ebef

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
  server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
  server.on('GET', '/api/statement', { status: 200, body: statementFixture() });
  const invoices = Array.from({ length: 3 }, (_, i) => invoiceFixture(i + 1));
  serveInvoiceList(server, '/api/invoices', () => invoices);
});

restorePageUrlAfterEach();

afterEach(async () => {
  server.restore();
  document.documentElement.style.removeProperty('--portico-color-scheme');
  await emulateMedia({ colorScheme: 'light' });
});

function colours(element: Element): { background: string; text: string } {
  const style = getComputedStyle(element);
  return { background: style.backgroundColor, text: style.color };
}

async function statement(theme?: 'light' | 'dark'): Promise<PorticoThemedElement> {
  const el = await fixture<PorticoThemedElement>(html`<portico-statement server="/portal" business="harbor-pine" theme=${ifDefined(theme)}></portico-statement>`);
  await loaded(el);
  return el;
}

async function loaded(statementElement: Element): Promise<void> {
  await waitUntil(() => statementElement.shadowRoot?.querySelector('[aria-busy="false"]'), 'the statement never loaded');
}

/** The statement on the signed-in portal's Invoices tab (inside the portal's shadow root), once loaded. */
async function portalWithStatement(portal: Element): Promise<Element> {
  await waitUntil(() => portal.shadowRoot!.querySelector('portico-statement'), 'no statement in the portal');
  const nested = portal.shadowRoot!.querySelector('portico-statement')!;
  await loaded(nested);
  return nested;
}

describe('light and dark', () => {
  it('without `theme`, a widget follows prefers-color-scheme', async () => {
    const el = await statement();
    expect(colours(el)).to.deep.equal(light);
    expect(getComputedStyle(el).colorScheme).to.equal('light dark');
    await emulateMedia({ colorScheme: 'dark' });
    expect(colours(el)).to.deep.equal(dark);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('theme="dark" under a light preference is dark, theme="light" under a dark one is light', async () => {
    const forcedDark = await statement('dark');
    expect(colours(forcedDark)).to.deep.equal(dark);
    expect(getComputedStyle(forcedDark).colorScheme).to.equal('dark');
    await expect(forcedDark).shadowDom.to.be.accessible();

    await emulateMedia({ colorScheme: 'dark' });
    const forcedLight = await statement('light');
    expect(colours(forcedLight)).to.deep.equal(light);
    expect(getComputedStyle(forcedLight).colorScheme).to.equal('light');
    await expect(forcedLight).shadowDom.to.be.accessible();
  });

  it('`theme` is a reflected property: setting it pins the scheme, null follows the system again', async () => {
    const el = await statement();
    expect(el.theme).to.equal(null);
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(colours(el)).to.deep.equal(dark);
    el.theme = null;
    await el.updateComplete;
    expect(el.hasAttribute('theme')).to.equal(false);
    expect(colours(el)).to.deep.equal(light);
  });

  it('a value other than light or dark follows the system', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await statement();
    el.setAttribute('theme', 'sepia');
    await el.updateComplete;
    expect(colours(el)).to.deep.equal(dark);
  });

  it('<portico-portal theme="dark"> is dark under a light preference, and so are the widgets inside it', async () => {
    const portal = await fixture(html`<portico-portal server="/portal" business="harbor-pine" theme="dark"></portico-portal>`);
    const nested = await portalWithStatement(portal);
    expect(colours(portal.shadowRoot!.querySelector('.portal')!)).to.deep.equal(dark);
    expect(colours(nested)).to.deep.equal(dark);
    const list = portal.shadowRoot!.querySelector('portico-invoice-list')!;
    await waitUntil(() => list.shadowRoot!.querySelector('tbody tr'), 'no invoices');
    expect(colours(list)).to.deep.equal(dark);
    // The brand colour is still the accent (the selected tab's rule), in dark as in light.
    expect(getComputedStyle(portal.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!).borderBottomColor).to.equal('rgb(15, 118, 110)'); // #0f766e
    await expect(portal).shadowDom.to.be.accessible();
    await expect(nested).shadowDom.to.be.accessible();
    await expect(list).shadowDom.to.be.accessible();
  });

  it('<portico-portal theme="light"> keeps its widgets light under a dark preference', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const portal = await fixture(html`<portico-portal server="/portal" business="harbor-pine" theme="light"></portico-portal>`);
    const nested = await portalWithStatement(portal);
    expect(colours(portal.shadowRoot!.querySelector('.portal')!)).to.deep.equal(light);
    expect(colours(nested)).to.deep.equal(light);
  });

  it('a widget inside a pinned portal can pin its own scheme', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="--portico-color-scheme: dark"><portico-statement server="/portal" business="harbor-pine" theme="light"></portico-statement></div>`);
    const el = wrapper.querySelector('portico-statement')!;
    await loaded(el);
    expect(colours(el)).to.deep.equal(light);
  });

  it('--portico-color-scheme on the page pins every widget, nested ones included', async () => {
    document.documentElement.style.setProperty('--portico-color-scheme', 'dark');
    const el = await statement();
    expect(colours(el)).to.deep.equal(dark);
    const portal = await fixture(html`<portico-portal server="/portal" business="harbor-pine"></portico-portal>`);
    expect(colours(await portalWithStatement(portal))).to.deep.equal(dark);

    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.style.setProperty('--portico-color-scheme', 'light');
    expect(colours(el)).to.deep.equal(light);
  });

  it('the theme attribute wins over a page rule on the tag', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <style>
        .pinned portico-statement { --portico-color-scheme: light; }
      </style>
      <div class="pinned"><portico-statement server="/portal" business="harbor-pine" theme="dark"></portico-statement></div>
    </div>`);
    const el = wrapper.querySelector('portico-statement')!;
    await loaded(el);
    expect(colours(el)).to.deep.equal(dark);
  });

  it('a --portico-* colour the page sets applies in both schemes; the ones it leaves follow the scheme', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="--portico-background: #fffbeb">
      <portico-statement server="/portal" business="harbor-pine"></portico-statement>
    </div>`);
    const el = wrapper.querySelector('portico-statement')!;
    await loaded(el);
    expect(colours(el)).to.deep.equal({ background: 'rgb(255, 251, 235)', text: light.text });
    el.setAttribute('theme', 'dark');
    expect(colours(el)).to.deep.equal({ background: 'rgb(255, 251, 235)', text: dark.text });

    // A page can give a property both values itself, with light-dark().
    wrapper.style.setProperty('--portico-background', 'light-dark(#fffbeb, #1c1917)');
    expect(colours(el).background).to.equal('rgb(28, 25, 23)');
    el.setAttribute('theme', 'light');
    expect(colours(el).background).to.equal('rgb(255, 251, 235)');
  });

  it("the ticket widgets' own colours (internal notes) follow the theme", async () => {
    const support = new FakeSupport();
    support.add(adminTicketFixture(1), [messageFixture(1), messageFixture(2, { authorKind: 'business', authorName: 'Dana Desk', internal: true })]).serveAdmin(server);
    const el = await fixture<PorticoThemedElement>(html`<portico-admin-inbox server="/portal" theme="dark"></portico-admin-inbox>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.ticket[data-id="tkt_1"]'), 'no tickets');
    el.shadowRoot!.querySelector<HTMLElement>('.ticket[data-id="tkt_1"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="note-label"]'), 'no internal note');
    const label = el.shadowRoot!.querySelector('[part~="note-label"]')!;
    expect(getComputedStyle(label).color).to.equal('rgb(253, 230, 138)'); // #fde68a
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(label).color).to.equal('rgb(113, 63, 18)'); // #713f12
    await expect(el).shadowDom.to.be.accessible();
  });
});
