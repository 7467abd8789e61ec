import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../testing/wait-until.js';
import { sendKeys } from '@web/test-runner-commands';
import type { PorticoInvoiceList } from '../invoice-list/invoice-list.component.js';
import type { PorticoInvoicePreview } from '../invoice-preview/invoice-preview.component.js';
import { serveInvoiceList } from '../testing/fake-billing.js';
import { FakeServer, invoiceDetailFixture, invoiceFixture, sessionFixture, statementFixture, unauthenticated } from '../testing/fake-server.js';
import { forgetCheckoutReturn } from '../pay-button/checkout-return.js';
import { FakeStripeJs } from '../testing/fake-stripe.js';
import type { InvoiceListItem, StatementResponse } from '@portico/wire';
import { PorticoPortal } from './portal.component.js';
import { definePorticoPortal } from './portal.js';
import { portalTabs, type PortalTab } from './portal-tabs.js';
import type { PorticoTicketList } from '../ticket-list/ticket-list.component.js';
import { adminTicketFixture, FakeSupport, messageFixture } from '../testing/fake-tickets.js';
import { restorePageUrlAfterEach, serveBilling } from '../testing/portal-fixture.js';
import { $, text } from '../testing/shadow-dom.js';

const originalUrl = restorePageUrlAfterEach();
let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
});

afterEach(() => {
  server.restore();
  document.documentElement.removeAttribute('lang');
});

async function mount(attributes: { server?: string; lang?: string } = {}): Promise<PorticoPortal> {
  const el = await fixture<PorticoPortal>(
    html`<portico-portal server=${attributes.server ?? '/portal'} business="harbor-pine" business-name="Harbor & Pine Studio" lang=${attributes.lang ?? 'en'}></portico-portal>`,
  );
  return el;
}

/** Waits until the portal shows a view (not loading) and has rendered it. */
async function settled(el: PorticoPortal, selector: string): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector(selector), `no ${selector} in the portal`);
  await el.updateComplete;
}

async function submitEmail(el: PorticoPortal, email: string): Promise<void> {
  const input = $(el, 'input[name="email"]') as HTMLInputElement;
  input.value = email;
  ($(el, 'form') as HTMLFormElement).requestSubmit();
  await el.updateComplete; // the "sending" state is on screen
  await waitUntil(() => !el.shadowRoot!.querySelector('button[type="submit"][disabled]'), 'form stayed busy');
  await el.updateComplete;
}

/** The element focused inside the portal's shadow root. */
function focused(el: PorticoPortal): Element | null {
  return el.shadowRoot!.activeElement;
}

describe('<portico-portal> registration', () => {
  it('registers the tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-portal')).to.equal(PorticoPortal);
    definePorticoPortal();
    definePorticoPortal();
    await import('./portal.js');
    expect(customElements.get('portico-portal')).to.equal(PorticoPortal);
  });

  it('a second copy of the module does not throw either', async () => {
    // A second copy of the bundle has its own class: the guard keeps the first.
    class SecondCopy extends PorticoPortal {}
    expect(() => {
      if (!customElements.get('portico-portal')) customElements.define('portico-portal', SecondCopy);
    }).not.to.throw();
    expect(customElements.get('portico-portal')).to.equal(PorticoPortal);
  });
});

describe('<portico-portal> signed out', () => {
  beforeEach(() => {
    server.on('GET', '/api/session', unauthenticated);
    server.on('POST', '/auth/request-link/harbor-pine', { status: 202, body: { status: 'sent' } });
  });

  it('asks the server who is signed in with the cookie, and shows the sign-in form on 401', async () => {
    const el = await mount();
    await settled(el, 'form');
    const [request] = server.to('GET', '/api/session');
    expect(request!.credentials).to.equal('include');
    expect(request!.headers['authorization']).to.equal(undefined);
    expect(text($(el, '[part~="brand"]'))).to.equal('Harbor & Pine Studio');
    expect(text($(el, 'h2'))).to.equal('Sign in to Harbor & Pine Studio');
    const input = $(el, 'input[name="email"]');
    expect(input.getAttribute('type')).to.equal('email');
    expect(text(el.shadowRoot!.querySelector(`label[for="${input.id}"]`))).to.equal('Email address');
    expect(text($(el, 'button[type="submit"]'))).to.equal('Email me a sign-in link');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('posts the address as JSON and shows the same confirmation for any address', async () => {
    const el = await mount();
    await settled(el, 'form');
    await submitEmail(el, '  ann@globex.test ');
    const [post] = server.to('POST', '/auth/request-link/harbor-pine');
    expect(post!.body).to.deep.equal({ email: 'ann@globex.test' });
    expect(post!.headers['content-type']).to.equal('application/json');
    const first = text($(el, '[part~="message"]'));
    expect(first).to.contain('Check your email');
    expect(first).not.to.contain('ann@globex.test');
    expect(focused(el)?.id).to.equal('sent-heading');

    const other = await mount();
    await settled(other, 'form');
    await submitEmail(other, 'nobody@nowhere.test');
    expect(server.to('POST', '/auth/request-link/harbor-pine')[1]!.body).to.deep.equal({ email: 'nobody@nowhere.test' });
    expect(text($(other, '[part~="message"]'))).to.equal(first);
    await expect(other).shadowDom.to.be.accessible();

    // "Use another address" brings the form back, focused.
    $(other, 'button').click();
    await other.updateComplete;
    expect(focused(other)).to.equal($(other, 'input[name="email"]'));
  });

  it('says clearly when the address is not valid', async () => {
    server.on('POST', '/auth/request-link/harbor-pine', {
      status: 400,
      body: { error: { code: 'invalid_email', message: 'email must be an email address like name@example.com.', field: 'email' } },
    });
    const el = await mount();
    await settled(el, 'form');
    await submitEmail(el, 'not-an-address');
    const message = $(el, '[part~="message"]');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.equal('Please enter an email address like name@example.com.');
    expect($(el, 'input').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, 'input').getAttribute('aria-describedby')).to.equal(message.id);
  });

  it('refuses an empty address without asking the server', async () => {
    const el = await mount();
    await settled(el, 'form');
    await submitEmail(el, '   ');
    expect(server.to('POST', '/auth/request-link/harbor-pine')).to.have.length(0);
    expect(text($(el, '[part~="message"]'))).to.contain('Please enter an email address');
  });

  it('on 429 says how many minutes to wait, from Retry-After', async () => {
    server.on('POST', '/auth/request-link/harbor-pine', {
      status: 429,
      headers: { 'retry-after': '1500' },
      body: { error: { code: 'rate_limited', message: 'Too many attempts. Try again in 25 minutes.' } },
    });
    const el = await mount();
    await settled(el, 'form');
    await submitEmail(el, 'ann@globex.test');
    expect(text($(el, '[part~="message"]'))).to.equal('Too many attempts. Please wait 25 minutes and try again.');
  });

  it("on 429 without a readable Retry-After (another origin's CORS) shows the server's message", async () => {
    server.on('POST', '/auth/request-link/harbor-pine', {
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Too many attempts. Try again in 1 minute.' } },
    });
    const el = await mount();
    await settled(el, 'form');
    await submitEmail(el, 'ann@globex.test');
    expect(text($(el, '[part~="message"]'))).to.equal('Too many attempts. Try again in 1 minute.');
  });

  it('a refused Origin says where the portal is, in the page\'s language', async () => {
    const refusal = { code: 'forbidden_origin', message: 'This request came from http://127.0.0.1:3000, not from a page of the portal (http://localhost:3000).', expectedOrigin: 'http://localhost:3000' };
    server.on('POST', '/auth/request-link/harbor-pine', { status: 403, body: { error: refusal } });
    const el = await mount();
    await settled(el, 'form');
    await submitEmail(el, 'ann@globex.test');
    expect(text($(el, '[part~="message"]'))).to.equal("This page is not one of the portal's. Open the portal at http://localhost:3000 and try again.");

    const german = await mount({ lang: 'de' });
    await settled(german, 'form');
    await submitEmail(german, 'ann@globex.test');
    expect(text($(german, '[part~="message"]'))).to.equal('Diese Seite gehört nicht zum Portal. Öffnen Sie das Portal unter http://localhost:3000 und versuchen Sie es erneut.');
  });

  it('says when the portal cannot be reached', async () => {
    server.offline('POST', '/auth/request-link/harbor-pine');
    const el = await mount();
    await settled(el, 'form');
    await submitEmail(el, 'ann@globex.test');
    expect(text($(el, '[part~="message"]'))).to.equal('We could not reach the portal. Check your connection and try again.');
    expect(($(el, 'input') as HTMLInputElement).value).to.equal('ann@globex.test');
  });

  it("surfaces any other error's message from the server", async () => {
    server.on('POST', '/auth/request-link/harbor-pine', {
      status: 404,
      body: { error: { code: 'business_not_found', message: 'No such business.' } },
    });
    const el = await mount();
    await settled(el, 'form');
    await submitEmail(el, 'ann@globex.test');
    expect(text($(el, '[part~="message"]'))).to.equal('No such business.');
  });

  it('Tab reaches the email field and then the button', async () => {
    const el = await mount();
    await settled(el, 'form');
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, 'input[name="email"]'));
    await sendKeys({ type: 'ann@globex.test' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, 'button[type="submit"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => server.to('POST', '/auth/request-link/harbor-pine').length === 1, 'Enter did not submit');
    expect(server.to('POST', '/auth/request-link/harbor-pine')[0]!.body).to.deep.equal({ email: 'ann@globex.test' });
    before.remove();
  });
});

describe('<portico-portal> sign-in link in the fragment (another origin)', () => {
  const portico = 'https://portico.example/portal';

  beforeEach(() => {
    server = (server.restore(), new FakeServer(portico).install());
    server.on('POST', '/auth/sessions/harbor-pine', {
      status: 200,
      body: { sessionToken: 'bearer-secret-123', expiresAt: '2031-03-04T15:30:00.000Z', invoiceId: 'inv_42' },
    });
    server.on('GET', '/api/session', (request) =>
      request.headers['authorization'] === 'Bearer bearer-secret-123' ? { status: 200, body: sessionFixture() } : unauthenticated,
    );
    server.on('POST', '/auth/sign-out', { status: 204 });
  });

  it('removes the token from the address bar at once, and signs in only when Continue is pressed', async () => {
    history.replaceState(history.state, '', '#portico-link=link-token-abc');
    const el = await mount({ server: portico });
    expect(location.hash).to.equal('');
    expect(location.href).not.to.contain('link-token-abc');
    const button = $(el, 'button[part~="button-primary"]');
    expect(text(button)).to.equal('Continue to your portal');
    expect(server.requests).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();

    const signedIn = oneEvent(el, 'portico-signed-in');
    button.click();
    const event = await signedIn;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    await settled(el, '[role="tablist"]');

    const [redeem, session] = server.requests;
    expect(redeem!.method).to.equal('POST');
    expect(redeem!.url).to.equal(`${portico}/auth/sessions/harbor-pine`);
    expect(redeem!.body).to.deep.equal({ token: 'link-token-abc' });
    expect(redeem!.credentials).not.to.equal('include');
    expect(session!.url).to.equal(`${portico}/api/session`);
    expect(session!.headers['authorization']).to.equal('Bearer bearer-secret-123');
    expect(session!.credentials).not.to.equal('include');

    expect(el.client.mode).to.equal('bearer');
    expect(el.focusInvoice).to.equal('inv_42');
    expect(focused(el)).to.equal($(el, '[role="tab"][aria-selected="true"]'));
    for (const secret of ['bearer-secret-123', 'link-token-abc']) {
      expect(JSON.stringify({ ...localStorage })).not.to.contain(secret);
      expect(JSON.stringify({ ...sessionStorage })).not.to.contain(secret);
      expect(document.cookie).not.to.contain(secret);
      expect(location.href).not.to.contain(secret);
    }
  });

  it('keeps other fragment parameters', async () => {
    history.replaceState(history.state, '', '#portico-link=link-token-abc&section=billing');
    await mount({ server: portico });
    expect(location.hash).to.equal('#section=billing');
  });

  it('sign out sends the bearer token, forgets it, and returns to the sign-in form', async () => {
    history.replaceState(history.state, '', '#portico-link=link-token-abc');
    const el = await mount({ server: portico });
    $(el, 'button[part~="button-primary"]').click();
    await settled(el, '[role="tablist"]');

    const signedOut = oneEvent(el, 'portico-signed-out');
    const signOut = [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Sign out')!;
    signOut.click();
    expect((await signedOut).detail).to.deep.equal({ reason: 'sign-out' });
    await settled(el, 'form');
    const [out] = server.to('POST', '/auth/sign-out');
    expect(out!.headers['authorization']).to.equal('Bearer bearer-secret-123');
    expect(el.client.mode).to.equal('cookie');
    expect(el.session).to.equal(null);
    expect(text($(el, '[part~="message"]'))).to.equal('You have signed out.');
    expect(focused(el)).to.equal($(el, 'input[name="email"]'));
  });

  it('a network error after redeeming keeps the bearer; Continue again only loads the session', async () => {
    let failOnce = true;
    server.on('GET', '/api/session', () => {
      if (failOnce) {
        failOnce = false;
        throw new TypeError('Failed to fetch');
      }
      return { status: 200, body: sessionFixture() };
    });
    history.replaceState(history.state, '', '#portico-link=link-token-abc');
    const el = await mount({ server: portico });
    $(el, 'button[part~="button-primary"]').click();
    await settled(el, '[part~="message"]');
    expect(text($(el, '[part~="message"]'))).to.contain('could not reach the portal');
    $(el, 'button[part~="button-primary"]').click();
    await settled(el, '[role="tablist"]');
    expect(server.to('POST', '/auth/sessions/harbor-pine')).to.have.length(1);
    expect(server.to('GET', '/api/session')[1]!.headers['authorization']).to.equal('Bearer bearer-secret-123');
  });

  it('a link opened while the page is open (only the fragment changes) is picked up too', async () => {
    const el = await mount({ server: portico });
    await settled(el, 'form');
    location.hash = '#portico-link=late-token';
    await settled(el, 'button[part~="button-primary"]:not([type="submit"])');
    expect(location.hash).to.equal('');
    $(el, 'button[part~="button-primary"]').click();
    await settled(el, '[role="tablist"]');
    expect(server.to('POST', '/auth/sessions/harbor-pine')[0]!.body).to.deep.equal({ token: 'late-token' });
  });

  it('a spent link explains itself and offers the form for a new one', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', {
      status: 400,
      body: { error: { code: 'link_invalid', message: 'This sign-in link has already been used or is not valid. Ask for a new one below.' } },
    });
    history.replaceState(history.state, '', '#portico-link=used-token');
    const el = await mount({ server: portico });
    $(el, 'button[part~="button-primary"]').click();
    await settled(el, 'form');
    expect(text($(el, '[part~="message"]'))).to.contain('already been used');
    expect(server.to('GET', '/api/session')).to.have.length(0);
  });

  it('without a link, a portal on another origin shows the form and asks nothing (no cookie can reach it)', async () => {
    const el = await mount({ server: portico });
    await settled(el, 'form');
    expect(server.requests).to.have.length(0);
  });
});

const accountTab = portalTabs.find((tab) => tab.id === 'account')!;

describe('<portico-portal> signed in with the cookie', () => {
  beforeEach(() => {
    serveBilling(server);
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
    server.on('POST', '/auth/sign-out', { status: 204 });
    server.on('POST', '/auth/sign-out-everywhere', { status: 200, body: { sessionsEnded: 3 } });
  });

  it('shows the brand, who is signed in, the Invoices tab first and the Account tab', async () => {
    const el = await mount();
    await settled(el, '[role="tablist"]');
    const [request] = server.to('GET', '/api/session');
    expect(request!.credentials).to.equal('include');
    expect(request!.headers['authorization']).to.equal(undefined);
    expect(el.session?.client.name).to.equal('Globex Corporation');

    expect(text($(el, '[part~="brand"]'))).to.equal('Harbor & Pine Studio');
    const who = text($(el, '[part~="account-summary"]'));
    expect(who).to.contain('Ann Archer');
    expect(who).to.contain('ann@globex.test');
    expect(who).to.contain('Globex Corporation');
    const buttons = [...$(el, '[part~="header"]').querySelectorAll('button')].map(text);
    expect(buttons).to.deep.equal(['Sign out', 'Sign out everywhere']);

    const tabs = [...el.shadowRoot!.querySelectorAll('[role="tab"]')];
    expect(tabs.map(text)).to.deep.equal(['Invoices', 'Estimates', 'Support', 'Account']);
    expect(tabs[0]!.getAttribute('aria-selected')).to.equal('true');
    (tabs[3] as HTMLElement).click();
    await el.updateComplete;
    expect(tabs[3]!.getAttribute('aria-selected')).to.equal('true');
    const panel = $(el, '[role="tabpanel"]');
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs[3]!.id);
    expect(tabs[3]!.getAttribute('aria-controls')).to.equal(panel.id);
    const panelText = text(panel);
    expect(panelText).to.contain('Ann Archer');
    expect(Boolean(panel.querySelector('portico-account')), 'the client’s own details, to edit').to.equal(true);
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2031-03-04T15:30:00.000Z'));
    expect(text(panel.querySelector('time'))).to.equal(expected);
    expect(panel.querySelector('time')!.getAttribute('datetime')).to.equal('2031-03-04T15:30:00.000Z');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the logo when the business has one', async () => {
    const logo = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    server.on('GET', '/api/session', { status: 200, body: sessionFixture({ business: { ...sessionFixture().business, logoUrl: logo } }) });
    const el = await mount();
    await settled(el, '[part~="logo"]');
    expect($(el, '[part~="logo"]').getAttribute('src')).to.equal(logo);
  });

  it("applies the brand colour as the accent, unless the page sets --portico-accent", async () => {
    const el = await mount();
    await settled(el, '[role="tablist"]');
    const tab = $(el, '[role="tab"]');
    expect(getComputedStyle(tab).borderBottomColor).to.equal('rgb(15, 118, 110)'); // #0f766e

    const wrapper = await fixture<HTMLDivElement>(html`<div style="--portico-accent: #c2410c"><portico-portal server="/portal" business="harbor-pine"></portico-portal></div>`);
    const themed = wrapper.querySelector('portico-portal')!;
    await settled(themed, '[role="tablist"]');
    expect(getComputedStyle($(themed, '[role="tab"]')).borderBottomColor).to.equal('rgb(194, 65, 12)');
  });

  it('exposes ?invoice=<id> from the page URL as focusInvoice', async () => {
    const url = new URL(location.href);
    url.searchParams.set('invoice', 'inv_7');
    history.replaceState(history.state, '', url.href);
    const el = await mount();
    expect(el.focusInvoice).to.equal('inv_7');
  });

  it('Tab reaches the sign-out buttons and the tab; arrow keys, Home and End move between tabs', async () => {
    const el = await mount();
    await settled(el, '[role="tablist"]');
    const extra: PortalTab = { id: 'extra', label: () => 'Extra', render: () => html`<p>Extra panel</p>` };
    const third: PortalTab = { id: 'third', label: () => 'Third', render: () => html`<p>Third panel</p>` };
    el.tabs = [accountTab, extra, third];
    await el.updateComplete;

    const before = document.createElement('button');
    el.before(before);
    before.focus();
    const tabStops: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      const now = focused(el);
      tabStops.push(now?.getAttribute('role') === 'tabpanel' ? 'panel' : text(now));
    }
    // Only the selected tab is a tab stop (roving tabindex).
    expect(tabStops).to.deep.equal(['Sign out', 'Sign out everywhere', 'Account', 'panel']);
    before.remove();

    $(el, '#tab-account').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-extra');
    expect($(el, '#tab-extra').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#tab-extra').tabIndex).to.equal(0);
    expect($(el, '#tab-account').tabIndex).to.equal(-1);
    expect(text($(el, '[role="tabpanel"]'))).to.equal('Extra panel');

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-third');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-account');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-third');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-account');
    expect(text($(el, '[role="tabpanel"] h2'))).to.equal('Your account');
  });

  it('in a right-to-left language the arrows follow the reading direction', async () => {
    document.documentElement.lang = 'ar';
    const el = await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine"></portico-portal>`);
    await settled(el, '[role="tablist"]');
    expect($(el, '[part~="portal"]').getAttribute('dir')).to.equal('rtl');
    el.tabs = [accountTab, { id: 'extra', label: () => 'Extra', render: () => 'Extra panel' }];
    await el.updateComplete;
    $(el, '#tab-account').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-extra');
  });

  it('sign out posts to /auth/sign-out with the cookie and returns to the sign-in form', async () => {
    const el = await mount();
    await settled(el, '[role="tablist"]');
    const signedOut = oneEvent(el, 'portico-signed-out');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Sign out')!.click();
    expect((await signedOut).detail).to.deep.equal({ reason: 'sign-out' });
    await settled(el, 'form');
    const [out] = server.to('POST', '/auth/sign-out');
    expect(out!.credentials).to.equal('include');
    expect(text($(el, 'h2'))).to.equal('Sign in to Harbor & Pine Studio');
    expect(text($(el, '[part~="message"]'))).to.equal('You have signed out.');
  });

  it('sign out everywhere posts to /auth/sign-out-everywhere', async () => {
    const el = await mount();
    await settled(el, '[role="tablist"]');
    const signedOut = oneEvent(el, 'portico-signed-out');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Sign out everywhere')!.click();
    expect((await signedOut).detail).to.deep.equal({ reason: 'sign-out-everywhere' });
    await settled(el, 'form');
    expect(server.to('POST', '/auth/sign-out-everywhere')).to.have.length(1);
  });

  it('stays signed in and says why when sign out everywhere fails', async () => {
    server.offline('POST', '/auth/sign-out-everywhere');
    const el = await mount();
    await settled(el, '[role="tablist"]');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Sign out everywhere')!.click();
    await settled(el, '[part~="message"]');
    expect(text($(el, '[part~="message"]'))).to.equal('We could not reach the portal. Check your connection and try again.');
    expect(el.session).not.to.equal(null);
  });

  it('a tab that meets a 401 ends the session: back to sign-in, with portico-signed-out', async () => {
    const el = await mount();
    await settled(el, '[role="tablist"]');
    let end: (() => void) | undefined;
    el.tabs = [{ id: 'probe', label: () => 'Probe', render: (context) => ((end = context.sessionEnded), 'probe') }];
    await el.updateComplete;
    const signedOut = oneEvent(el, 'portico-signed-out');
    end!();
    expect((await signedOut).detail).to.deep.equal({ reason: 'session-ended' });
    await settled(el, 'form');
    expect(text($(el, '[part~="message"]'))).to.equal('Your session has ended. Sign in again to continue.');
  });

  it('emits portico-signed-in when a session is found on load', async () => {
    const el = document.createElement('portico-portal');
    el.setAttribute('server', '/portal');
    el.setAttribute('business', 'harbor-pine');
    const signedIn = oneEvent(el, 'portico-signed-in');
    document.body.append(el);
    const event = await signedIn;
    expect(event.detail.session.contact.email).to.equal('ann@globex.test');
    el.remove();
  });
});

describe('<portico-portal> language', () => {
  beforeEach(() => {
    server.on('GET', '/api/session', unauthenticated);
  });

  it('falls back to English for a language it has no table for, and uses the page language otherwise', async () => {
    document.documentElement.lang = 'xx';
    const el = await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine"></portico-portal>`);
    await settled(el, 'form');
    expect(text($(el, 'button[type="submit"]'))).to.equal('Email me a sign-in link');
    expect($(el, '[part~="portal"]').getAttribute('lang')).to.equal('en');
    expect($(el, '[part~="portal"]').getAttribute('dir')).to.equal('ltr');
  });

  it('the lang attribute wins over the page, and sets dir=rtl for Arabic', async () => {
    document.documentElement.lang = 'en';
    const el = await mount({ lang: 'ar' });
    await settled(el, 'form');
    expect($(el, '[part~="portal"]').getAttribute('dir')).to.equal('rtl');
    el.setAttribute('lang', 'en-GB');
    await el.updateComplete;
    expect($(el, '[part~="portal"]').getAttribute('dir')).to.equal('ltr');
  });

  it('the signed-in portal speaks the client’s language, else the page’s, else the business’s', async () => {
    document.documentElement.removeAttribute('lang');
    serveBilling(server);
    const business = { ...sessionFixture().business, locale: 'it' };
    server.on('GET', '/api/session', { status: 200, body: sessionFixture({ business, client: { id: 'cli_1', name: 'Globex Corporation', locale: 'de' } }) });
    const german = await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine"></portico-portal>`);
    await settled(german, '[part~="tabs"]');
    expect($(german, '[part~="portal"]').getAttribute('lang')).to.equal('de');
    expect(text($(german, '[part~="tab-selected"]'))).to.contain('Rechnungen');

    server.on('GET', '/api/session', { status: 200, body: sessionFixture({ business, client: { id: 'cli_1', name: 'Globex Corporation', locale: null } }) });
    const italian = await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine"></portico-portal>`);
    await settled(italian, '[part~="tabs"]');
    expect($(italian, '[part~="portal"]').getAttribute('lang')).to.equal('it');

    // The page's language wins over the business's, never over the client's choice.
    document.documentElement.lang = 'en';
    italian.requestUpdate();
    await italian.updateComplete;
    expect($(italian, '[part~="portal"]').getAttribute('lang')).to.equal('en');
    german.requestUpdate();
    await german.updateComplete;
    expect($(german, '[part~="portal"]').getAttribute('lang')).to.equal('de');
  });

  it('a server error while loading shows its message above the sign-in form', async () => {
    server.on('GET', '/api/session', { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } } });
    const el = await mount();
    await settled(el, 'form');
    await aTimeout(0);
    expect(text($(el, '[part~="message"]'))).to.equal('Something went wrong on our side.');
    expect($(el, 'input').getAttribute('aria-invalid')).to.equal('false');
  });
});

describe('<portico-portal> Invoices tab', () => {
  beforeEach(() => {
    serveBilling(server);
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
  });

  /** The widget inside the portal's Invoices tab. */
  function inner<T extends Element>(el: PorticoPortal, selector: string): T {
    return $(el, selector) as unknown as T;
  }

  async function listReady(el: PorticoPortal): Promise<PorticoInvoiceList> {
    await settled(el, 'portico-invoice-list');
    const list = inner<PorticoInvoiceList>(el, 'portico-invoice-list');
    await waitUntil(() => list.shadowRoot!.querySelector('tbody tr'), 'the list never loaded');
    await list.updateComplete;
    return list;
  }

  it('is the first tab: statement and invoice list, on the portal session', async () => {
    const el = await mount();
    const list = await listReady(el);
    const statement = inner<HTMLElement>(el, 'portico-statement');
    await waitUntil(() => statement.shadowRoot!.querySelector('[part~="currency"]'), 'no statement');
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-invoices');
    expect(server.to('GET', '/api/statement')[0]!.credentials).to.equal('include');
    expect(server.toPath('GET', '/api/invoices')[0]!.credentials).to.equal('include');
    expect(list.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(25);
    expect(list.getAttribute('lang')).to.equal('en');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('opening a row shows the preview; Back returns to the list as it was, focus on that row', async () => {
    const el = await mount();
    const list = await listReady(el);
    // Some state to keep: sorted by amount, a second page loaded.
    list.shadowRoot!.querySelector<HTMLElement>('th[data-sort="amount"] button')!.click();
    await waitUntil(() => list.shadowRoot!.querySelector('tbody tr')?.getAttribute('data-id') === 'inv_40', 'not sorted by amount');
    await list.updateComplete;
    list.shadowRoot!.querySelector<HTMLElement>('[part~="load-more"]')!.click();
    await waitUntil(() => list.shadowRoot!.querySelectorAll('tbody tr').length === 40, 'second page');
    const requests = server.requests.length;

    list.shadowRoot!.querySelector<HTMLElement>('tr[data-id="inv_7"] .open')!.click();
    await settled(el, 'portico-invoice-preview');
    const preview = inner<PorticoInvoicePreview>(el, 'portico-invoice-preview');
    expect(preview.invoiceId).to.equal('inv_7');
    expect(el.focusInvoice).to.equal('inv_7');
    expect($(el, '.invoices-home').hidden).to.equal(true);
    expect(focused(el)).to.equal($(el, '.back'));
    expect(text($(el, '.back'))).to.equal('Back to invoices');
    await waitUntil(() => preview.shadowRoot!.querySelector('h2'), 'no invoice');
    expect(text(preview.shadowRoot!.querySelector('h2'))).to.equal('Invoice INV-0007');
    expect(server.to('GET', '/api/invoices/inv_7')[0]!.credentials).to.equal('include');
    await expect(el).shadowDom.to.be.accessible();

    $(el, '.back').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('portico-invoice-preview'), 'preview stayed');
    expect(el.focusInvoice).to.equal(null);
    expect($(el, '.invoices-home').hidden).to.equal(false);
    expect(inner(el, 'portico-invoice-list')).to.equal(list); // the same element: its state kept
    expect(list.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(40);
    expect(list.shadowRoot!.querySelector('th[data-sort="amount"]')!.getAttribute('aria-sort')).to.equal('descending');
    expect(server.requests.length - requests, 'the list did not load again').to.equal(1); // only the preview's invoice
    expect(list.shadowRoot!.activeElement).to.equal(list.shadowRoot!.querySelector('tr[data-id="inv_7"] .open'));
  });

  it('focusInvoice (the invoice of the email link) is shown first, and setting it later opens it', async () => {
    const url = new URL(location.href);
    url.searchParams.set('invoice', 'inv_3');
    history.replaceState(history.state, '', url.href);
    const el = await mount();
    await settled(el, 'portico-invoice-preview');
    expect(inner<PorticoInvoicePreview>(el, 'portico-invoice-preview').invoiceId).to.equal('inv_3');

    $(el, '#tab-account').click();
    await el.updateComplete;
    el.focusInvoice = 'inv_5';
    await el.updateComplete;
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-invoices');
    expect(inner<PorticoInvoicePreview>(el, 'portico-invoice-preview').invoiceId).to.equal('inv_5');
  });

  it('a 401 from a billing request ends the session', async () => {
    server.on('GET', '/api/statement', unauthenticated);
    const el = await mount();
    const signedOut = oneEvent(el, 'portico-signed-out');
    expect((await signedOut).detail).to.deep.equal({ reason: 'session-ended' });
    await settled(el, 'form');
    expect(text($(el, '[part~="message"]'))).to.equal('Your session has ended. Sign in again to continue.');
  });

  it('in bearer mode the widgets send the token', async () => {
    const portico = 'https://portico.example/portal';
    server.restore();
    server = new FakeServer(portico).install();
    serveBilling(server);
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'bearer-1', expiresAt: '2031-03-04T15:30:00.000Z', invoiceId: null } });
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
    history.replaceState(history.state, '', '#portico-link=abc');
    const el = await mount({ server: portico });
    $(el, 'button[part~="button-primary"]').click();
    await listReady(el);
    const [list] = server.toPath('GET', `/api/invoices`);
    expect(list!.headers['authorization']).to.equal('Bearer bearer-1');
    expect(list!.credentials).to.equal(undefined);
  });

  it('prints only the panel: no header, tabs or Back button', async () => {
    const el = await mount();
    await listReady(el);
    el.focusInvoice = 'inv_1';
    await settled(el, '.back');
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ media: 'print' });
    try {
      for (const selector of ['[part~="header"]', '[part~="tabs"]', '.back']) expect(getComputedStyle($(el, selector)).display, selector).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('<portico-portal> Pay now', () => {
  let stripe: FakeStripeJs;
  let invoices: InvoiceListItem[];
  let statement: StatementResponse;
  const session = sessionFixture({ business: { ...sessionFixture().business, onlinePayments: { publishableKey: 'pk_test_portico', connectedAccountId: null } } });
  const paidStatus = { invoiceId: 'inv_1', status: 'complete', paymentStatus: 'paid', invoice: { status: 'paid', displayStatus: 'paid', amountPaid: 11_250, balance: 0, version: 2 } };

  /** What the server answers once the payment is booked. */
  function book(): void {
    invoices = invoices.map((invoice) => (invoice.id === 'inv_1' ? { ...invoice, status: 'paid', displayStatus: 'paid', amountPaid: invoice.total, balance: 0, version: 2 } : invoice));
    const [eur, ...rest] = statement.currencies;
    statement = { ...statement, currencies: [{ ...eur!, paidToDate: eur!.paidToDate + 11_250, outstanding: eur!.outstanding - 11_250 }, ...rest] };
  }

  beforeEach(() => {
    stripe = new FakeStripeJs().install();
    invoices = Array.from({ length: 40 }, (_, i) => invoiceFixture(i + 1));
    statement = statementFixture();
    serveInvoiceList(server, '/api/invoices', () => invoices);
    server.on('GET', '/api/statement', () => ({ status: 200, body: statement }));
    server.on('GET', '/api/invoices/inv_1', () => ({ status: 200, body: invoiceDetailFixture({ ...invoices[0]!, total: 11_250, amountPaid: invoices[0]!.amountPaid, balance: invoices[0]!.balance }) }));
    server.on('GET', '/api/session', { status: 200, body: session });
    server.on('POST', '/api/invoices/inv_1/checkout', { status: 200, body: { sessionId: 'cs_1', clientSecret: 'cs_1_secret', publishableKey: 'pk_test_portico', amount: 11_250, currency: 'EUR' } });
    server.on('GET', '/api/checkout/cs_1', () => {
      book();
      return { status: 200, body: paidStatus };
    });
  });

  afterEach(() => {
    stripe.restore();
    forgetCheckoutReturn();
    document.querySelectorAll('[data-portico-checkout-dialog]').forEach((dialog) => dialog.remove());
  });

  function deep(el: Element, selectors: string[]): HTMLElement | null {
    let scope: ParentNode = el.shadowRoot!;
    let found: Element | null = null;
    for (const selector of selectors) {
      found = scope.querySelector(selector);
      if (!found) return null;
      scope = found.shadowRoot ?? found;
    }
    return found as HTMLElement | null;
  }

  it('paying from a row refreshes the statement and the list in place (the server then answers paid)', async () => {
    const el = await mount();
    await waitUntil(() => deep(el, ['portico-invoice-list', 'tr[data-id="inv_1"] portico-pay-button', '[part~="pay-button"]']), 'no Pay now');
    await waitUntil(() => deep(el, ['portico-statement', '[part~="currency"]']), 'no statement');
    const statementBefore = text(deep(el, ['portico-statement', '[part~="currency"]']));
    const listRequests = server.toPath('GET', '/api/invoices').length;
    expect(server.to('GET', '/api/session'), 'one session request for the portal and every pay button').to.have.length(1);

    deep(el, ['portico-invoice-list', 'tr[data-id="inv_1"] portico-pay-button', '[part~="pay-button"]'])!.click();
    await waitUntil(() => stripe.mounted, 'the form never mounted');
    expect(stripe.mounted!.container!.getRootNode()).to.equal(document);
    stripe.mounted!.complete();

    await waitUntil(() => server.to('GET', '/api/statement').length === 2 && server.toPath('GET', '/api/invoices').length === listRequests + 1, 'no refresh');
    await waitUntil(() => text(deep(el, ['portico-statement', '[part~="currency"]'])) !== statementBefore, 'the statement did not change');
    expect(text(deep(el, ['portico-statement', '[part~="currency"]']))).to.contain('€12,457.50'); // paid to date, €12,345.00 + €112.50
    const row = deep(el, ['portico-invoice-list', 'tr[data-id="inv_1"]'])!;
    expect(text(row.querySelector('[part~="status"]'))).to.equal('Paid');
    expect(row.querySelector('portico-pay-button')!.getAttribute('state')).to.equal('paid');
    expect(server.toPath('GET', '/api/invoices').at(-1)!.query.get('limit'), 'the rows on screen, not a reload').to.equal('25');
  });

  it('back from Stripe with ?portico_checkout=: opens that invoice, whose button shows Paid; the address is clean; statement and list refresh', async () => {
    book(); // the client paid on the bank's page; Stripe redirected back
    const url = new URL(location.href);
    url.searchParams.set('portico_checkout', 'cs_1');
    history.replaceState(history.state, '', url.href);
    const el = await mount();
    await waitUntil(() => deep(el, ['portico-invoice-preview', 'portico-pay-button']), 'the invoice did not open');
    expect(new URL(location.href).searchParams.has('portico_checkout')).to.equal(false);
    expect(el.focusInvoice).to.equal('inv_1');
    const pay = deep(el, ['portico-invoice-preview', 'portico-pay-button'])!;
    await waitUntil(() => pay.getAttribute('state') === 'paid', 'no Paid');
    expect(text(pay.shadowRoot!.querySelector('[part~="paid"]'))).to.equal('Paid Thank you, your payment was received.');
    expect(server.to('GET', '/api/checkout/cs_1')).to.have.length(1);
    await waitUntil(() => server.to('GET', '/api/statement').length === 2, 'the statement did not refresh');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('back from Stripe when the server cannot be asked: the portal says so', async () => {
    server.offline('GET', '/api/checkout/cs_9');
    const url = new URL(location.href);
    url.searchParams.set('portico_checkout', 'cs_9');
    history.replaceState(history.state, '', url.href);
    const el = await mount();
    await settled(el, '[part~="message"]');
    expect(text($(el, '[part~="message"]'))).to.equal('We could not check your payment. We could not reach the portal. Check your connection and try again.');
  });
});

describe('<portico-portal> Support tab', () => {
  let support: FakeSupport;

  beforeEach(() => {
    serveBilling(server);
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
    support = new FakeSupport()
      .add(adminTicketFixture(1, { unread: true, subject: 'Where is my receipt?' }), [messageFixture(1), messageFixture(2)])
      .add(adminTicketFixture(2), [messageFixture(3)])
      .serveClient(server);
  });

  function inside<T extends HTMLElement>(host: Element, selector: string): T {
    const found = host.shadowRoot!.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  }

  it('shows the unread count on the tab, then list ↔ thread ↔ new ticket, with focus kept in place', async () => {
    const el = await mount();
    await settled(el, '#tab-support [part~="tab-badge"]');
    expect(text($(el, '#tab-support [part~="tab-badge"] [aria-hidden="true"]'))).to.equal('1');
    expect(text($(el, '#tab-support .visually-hidden'))).to.equal('1 unread'); // the tab's name: "Support 1 unread"
    $(el, '#tab-support').click();
    await settled(el, 'portico-ticket-list');
    const list = $(el, 'portico-ticket-list') as PorticoTicketList;
    await waitUntil(() => list.shadowRoot!.querySelector('.ticket'), 'no tickets');

    inside(list, '.ticket[data-id="tkt_1"]').click();
    await settled(el, 'portico-ticket-thread');
    expect(el.focusTicket).to.equal('tkt_1');
    expect(($(el, '.support-home') as HTMLElement).hidden).to.equal(true);
    expect(focused(el)).to.equal($(el, '.back'));
    expect(text($(el, '.back'))).to.equal('Back to tickets');
    const thread = $(el, 'portico-ticket-thread');
    await waitUntil(() => thread.shadowRoot!.querySelector('[part~="entry"]'), 'no thread');
    // Reading it marked it read: the tab's count goes.
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="tab-badge"]'), 'the count stayed');
    await expect(el).shadowDom.to.be.accessible();

    $(el, '.back').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('portico-ticket-thread'), 'thread stayed');
    expect($(el, 'portico-ticket-list')).to.equal(list); // the same element, refreshed in place
    await waitUntil(() => list.shadowRoot!.activeElement === list.shadowRoot!.querySelector('.ticket[data-id="tkt_1"]'), 'focus did not return to the ticket');
    expect(list.shadowRoot!.querySelector('.ticket[data-id="tkt_1"] [part~="unread"]')).to.equal(null);

    inside(list, '[part~="new-ticket-button"]').click();
    await settled(el, 'portico-new-ticket');
    const form = $(el, 'portico-new-ticket');
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    inside<HTMLInputElement>(form, '#subject').value = 'A new question';
    inside<HTMLTextAreaElement>(form, '#message').value = 'Hello there';
    inside<HTMLFormElement>(form, 'form').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('portico-ticket-thread'), 'the new ticket did not open');
    const created = support.tickets[0]!;
    expect(created.subject).to.equal('A new question');
    expect(el.focusTicket).to.equal(created.id);
    expect(server.to('POST', '/api/tickets')[0]!.credentials).to.equal('include');
  });

  it('focus-ticket opens the Support tab on that ticket', async () => {
    const el = await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine" focus-ticket="tkt_2" lang="en"></portico-portal>`);
    await settled(el, 'portico-ticket-thread');
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-support');
    expect($(el, 'portico-ticket-thread').getAttribute('ticket-id')).to.equal('tkt_2');
  });

  it('counts unread tickets by polling while another tab is open, so a reply from the business shows on the tab', async () => {
    const el = await fixture<PorticoPortal>(html`<portico-portal server="/portal" business="harbor-pine" tickets-poll-interval="50" lang="en"></portico-portal>`);
    await settled(el, '#tab-support [part~="tab-badge"]');
    expect(text($(el, '#tab-support .visually-hidden'))).to.equal('1 unread');
    support.post('tkt_2', { authorKind: 'business', authorName: 'Harbor & Pine Studio', body: 'Done.' });
    await waitUntil(() => text(el.shadowRoot!.querySelector('#tab-support .visually-hidden')) === '2 unread', 'the count never moved');
    // The Invoices tab stays in front: polling shows, it does not navigate.
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-invoices');
  });

  it('?ticket=<id> in the page URL (the link in ticket emails) opens that ticket', async () => {
    history.replaceState(history.state, '', `${location.pathname}?ticket=tkt_1`);
    const el = await mount();
    await settled(el, 'portico-ticket-thread');
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-support');
    expect($(el, 'portico-ticket-thread').getAttribute('ticket-id')).to.equal('tkt_1');
  });

  it('a ticket email’s link on another origin (#portico-link=) opens that ticket once Continue signs in', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', {
      status: 200,
      body: { sessionToken: 'bearer-1', expiresAt: '2031-03-04T15:30:00.000Z', invoiceId: null, ticketId: 'tkt_2' },
    });
    history.replaceState(history.state, '', '#portico-link=link-token-abc');
    const el = await mount();
    await settled(el, 'button[part~="button-primary"]');
    $(el, 'button[part~="button-primary"]').click();
    await settled(el, 'portico-ticket-thread');
    expect($(el, '[role="tab"][aria-selected="true"]').id).to.equal('tab-support');
    expect($(el, 'portico-ticket-thread').getAttribute('ticket-id')).to.equal('tkt_2');
    expect(el.focusInvoice).to.equal(null);
  });

  it('a server without tickets (404) shows no count and stops asking', async () => {
    server.on('GET', '/api/tickets', { status: 404, body: { error: { code: 'not_found', message: 'No such route.' } } });
    const el = await mount();
    await settled(el, '[role="tablist"]');
    await waitUntil(() => server.to('GET', '/api/tickets').length === 1, 'never counted');
    expect(el.shadowRoot!.querySelector('[part~="tab-badge"]')).to.equal(null);
  });
});
