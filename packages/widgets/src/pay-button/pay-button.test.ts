import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../testing/wait-until.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { CheckoutResponse, CheckoutStatusResponse, InvoiceDetailResponse, SessionResponse } from '@portico/wire';
import { loadStrings, locales } from '../i18n/index.js';
import { FakeServer, invoiceDetailFixture, sessionFixture, unauthenticated } from '../testing/fake-server.js';
import { FakeStripeJs } from '../testing/fake-stripe.js';
import { forgetCheckoutReturn } from './checkout-return.js';
import type { PorticoCheckoutCloseDetail, PorticoInvoicePaidDetail } from './pay-button.component.js';
import { definePorticoPayButton, PorticoPayButton } from './pay-button.js';
import { $, text } from '../testing/shadow-dom.js';

const originalUrl = location.href;
const payments = { publishableKey: 'pk_test_portico', connectedAccountId: null };
const checkout: CheckoutResponse = { sessionId: 'cs_test_1', clientSecret: 'cs_test_1_secret_abc', publishableKey: 'pk_test_portico', connectedAccountId: null, amount: 99_940, currency: 'EUR' };
const paidStatus: CheckoutStatusResponse = {
  invoiceId: 'inv_42',
  status: 'complete',
  paymentStatus: 'paid',
  invoice: { status: 'paid', displayStatus: 'paid', amountPaid: 149_940, balance: 0, version: 2 },
};

let server: FakeServer;
let stripe: FakeStripeJs;
let invoice: InvoiceDetailResponse;

function sessionWith(onlinePayments: SessionResponse['business']['onlinePayments']): SessionResponse {
  return sessionFixture({ business: { ...sessionFixture().business, onlinePayments } });
}

function paidInvoice(): InvoiceDetailResponse {
  return { ...invoice, status: 'paid', displayStatus: 'paid', amountPaid: invoice.total, balance: 0, version: invoice.version + 1 };
}

beforeEach(() => {
  server = new FakeServer('/portal').install();
  stripe = new FakeStripeJs().install();
  invoice = invoiceDetailFixture(); // INV-0042, sent, €999.40 still owed
  server.on('GET', '/api/session', { status: 200, body: sessionWith(payments) });
  server.on('GET', '/api/invoices/inv_42', () => ({ status: 200, body: invoice }));
  server.on('POST', '/api/invoices/inv_42/checkout', { status: 200, body: checkout });
  server.on('GET', '/api/checkout/cs_test_1', () => {
    invoice = paidInvoice();
    return { status: 200, body: paidStatus };
  });
});

afterEach(() => {
  server.restore();
  stripe.restore();
  forgetCheckoutReturn();
  history.replaceState(history.state, '', originalUrl);
  document.querySelectorAll('[data-portico-checkout-dialog]').forEach((dialog) => dialog.remove());
});

async function mount(attributes: { lang?: string } = {}): Promise<PorticoPayButton> {
  const el = await fixture<PorticoPayButton>(
    html`<portico-pay-button server="/portal" business="harbor-pine" invoice-id="inv_42" lang=${attributes.lang ?? 'en'} poll-interval="0"></portico-pay-button>`,
  );
  await waitUntil(() => server.to('GET', '/api/invoices/inv_42').length > 0 && server.to('GET', '/api/session').length > 0, 'never loaded');
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
  return el;
}

async function pressPay(el: PorticoPayButton): Promise<void> {
  $(el, '[part~="pay-button"]').click();
  await waitUntil(() => el.state === 'open' || el.state === 'message', 'the form never opened');
  await el.updateComplete;
}

describe('<portico-pay-button> registration', () => {
  it('registers the tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-pay-button')).to.equal(PorticoPayButton);
    definePorticoPayButton();
    definePorticoPayButton();
    await import('./pay-button.js');
    expect(customElements.get('portico-pay-button')).to.equal(PorticoPayButton);
  });
});

describe('<portico-pay-button>', () => {
  it('on an open invoice of a business with Stripe: a prominent "Pay now" with the amount', async () => {
    const el = await mount();
    expect(el.state).to.equal('ready');
    expect(el.getAttribute('state')).to.equal('ready');
    const button = $(el, '[part~="pay-button"]');
    expect(text(button)).to.equal('Pay now €999.40');
    expect(button.getAttribute('aria-label')).to.equal('Pay now €999.40, INV-0042');
    expect(getComputedStyle(el).display).to.equal('block');
    expect(server.to('GET', '/api/invoices/inv_42')[0]!.credentials).to.equal('include');
    expect(server.to('GET', '/api/session')).to.have.length(1);
    await expect(el).shadowDom.to.be.accessible();
  });

  for (const [label, change] of [
    ['paid', { status: 'paid', displayStatus: 'paid', amountPaid: 149_940, balance: 0 }],
    ['void', { status: 'void', displayStatus: 'void', balance: 0 }],
    ['draft', { status: 'draft', displayStatus: 'draft', number: null }],
  ] as const) {
    it(`is hidden for a ${label} invoice`, async () => {
      invoice = { ...invoice, ...change };
      const el = await mount();
      expect(el.state).to.equal('hidden');
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      expect(getComputedStyle(el).display).to.equal('none');
    });
  }

  it('is hidden when the business takes no card payments (onlinePayments null), and asks nothing of Stripe', async () => {
    server.on('GET', '/api/session', { status: 200, body: sessionWith(null) });
    const el = await mount();
    expect(el.state).to.equal('hidden');
    expect(getComputedStyle(el).display).to.equal('none');
    expect(stripe.loads).to.deep.equal([]);
  });

  it('shows for an overdue invoice too, and takes invoice and onlinePayments from the page without asking the server', async () => {
    const overdue = { ...invoice, displayStatus: 'overdue' as const };
    const el = await fixture<PorticoPayButton>(
      html`<portico-pay-button server="/portal" business="harbor-pine" .invoice=${overdue} .onlinePayments=${payments}></portico-pay-button>`,
    );
    expect(el.state).to.equal('ready');
    expect(server.requests).to.deep.equal([]);
    el.onlinePayments = null;
    await el.updateComplete;
    expect(el.state).to.equal('hidden');
  });

  it('takes the business’s brand colour from the session, unless the page sets --portico-accent; compact leaves the amount to the accessible name', async () => {
    const el = await mount();
    const button = $(el, '[part~="pay-button"]');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(15, 118, 110)'); // #0f766e
    el.style.setProperty('--portico-accent', '#7c3aed');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(124, 58, 237)');
    el.compact = true;
    await el.updateComplete;
    expect(text(button)).to.equal('Pay now');
    expect(button.getAttribute('aria-label')).to.equal('Pay now €999.40, INV-0042');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('pressing Pay now POSTs the checkout and mounts Stripe’s form in place with the key and client secret from the server', async () => {
    const el = await mount();
    const opened = oneEvent(el, 'portico-checkout-open');
    await pressPay(el);
    expect((await opened).detail).to.deep.equal({ invoiceId: 'inv_42', sessionId: 'cs_test_1' });

    const posts = server.to('POST', '/api/invoices/inv_42/checkout');
    expect(posts).to.have.length(1);
    expect(posts[0]!.credentials).to.equal('include');
    expect(posts[0]!.headers['content-type']).to.equal('application/json');
    const returnUrl = new URL(location.href);
    returnUrl.hash = '';
    expect(posts[0]!.body).to.deep.equal({ returnUrl: returnUrl.href });

    expect(stripe.loads).to.deep.equal(['pk_test_portico']);
    expect(stripe.checkouts).to.have.length(1);
    const mounted = stripe.mounted!;
    expect(mounted.publishableKey).to.equal('pk_test_portico');
    expect(mounted.clientSecret).to.equal('cs_test_1_secret_abc');
    // In place: a light-DOM child of the button, shown through its `checkout` slot.
    expect(mounted.container!.parentElement).to.equal(el);
    expect(mounted.container!.slot).to.equal('checkout');
    expect(mounted.container!.getRootNode()).to.equal(document);
    const slot = $(el, 'slot[name="checkout"]') as HTMLSlotElement;
    expect(slot.assignedElements()).to.deep.equal([mounted.container]);
    expect(mounted.form!.getBoundingClientRect().height, 'the form is on screen').to.be.greaterThan(100);
    expect(text($(el, '[part~="checkout-title"]'))).to.equal('Pay INV-0042: €999.40');
    expect(el.state).to.equal('open');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('when Stripe completes: asks the server how it went, shows Paid at once and emits portico-invoice-paid', async () => {
    const el = await mount();
    await pressPay(el);
    const paid = oneEvent(el, 'portico-invoice-paid') as Promise<CustomEvent<PorticoInvoicePaidDetail>>;
    const closed = oneEvent(el, 'portico-checkout-close') as Promise<CustomEvent<PorticoCheckoutCloseDetail>>;
    stripe.mounted!.complete();
    const event = await paid;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ invoiceId: 'inv_42', invoice: paidStatus.invoice });
    expect((await closed).detail).to.deep.equal({ invoiceId: 'inv_42', reason: 'completed' });
    expect(server.to('GET', '/api/checkout/cs_test_1')).to.have.length(1);
    await el.updateComplete;
    expect(el.state).to.equal('paid');
    expect(text($(el, '[part~="paid"]'))).to.equal('Paid Thank you, your payment was received.');
    expect(text($(el, '[role="status"]'))).to.equal('Thank you, your payment was received.');
    expect(stripe.checkouts[0]!.destroyed).to.equal(true);
    expect(el.querySelector('[data-portico-checkout]'), 'the form is gone').to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a bank debit that is still processing says so, and polling shows Paid once the webhook has booked it', async () => {
    server.on('GET', '/api/checkout/cs_test_1', {
      status: 200,
      body: { ...paidStatus, paymentStatus: 'unpaid', invoice: { status: 'sent', displayStatus: 'sent', amountPaid: 50_000, balance: 99_940, version: 1 } },
    });
    const el = await mount();
    el.pollInterval = 40;
    await pressPay(el);
    stripe.mounted!.complete();
    await waitUntil(() => el.state === 'processing', 'not processing');
    await el.updateComplete;
    expect(text($(el, '[part~="message"]'))).to.equal('Your payment is being processed. The invoice will show as paid once the money arrives.');
    const paid = oneEvent(el, 'portico-invoice-paid');
    invoice = paidInvoice(); // the webhook arrives
    expect((await paid).detail.invoice.status).to.equal('paid');
    expect(el.state).to.equal('paid');
  });

  it('while the form is open, a payment booked meanwhile (webhook, another tab) closes it and shows Paid', async () => {
    const el = await mount();
    el.pollInterval = 40;
    await pressPay(el);
    const closed = oneEvent(el, 'portico-checkout-close') as Promise<CustomEvent<PorticoCheckoutCloseDetail>>;
    invoice = paidInvoice();
    expect((await closed).detail.reason).to.equal('paid-elsewhere');
    await el.updateComplete;
    expect(el.state).to.equal('paid');
    expect(stripe.checkouts[0]!.destroyed).to.equal(true);
  });

  it('Cancel closes the form and returns to the button, focused; Pay now again opens a new form', async () => {
    const el = await mount();
    await pressPay(el);
    const closed = oneEvent(el, 'portico-checkout-close') as Promise<CustomEvent<PorticoCheckoutCloseDetail>>;
    $(el, '[part~="cancel-button"]').click();
    expect((await closed).detail.reason).to.equal('cancelled');
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(stripe.checkouts[0]!.destroyed).to.equal(true);
    expect(el.querySelector('[data-portico-checkout]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="pay-button"]'));
    await pressPay(el);
    expect(stripe.checkouts).to.have.length(2);
    expect(server.to('POST', '/api/invoices/inv_42/checkout')).to.have.length(2);
  });

  /** A pay button inside another element's shadow root, as in the invoice list, the preview or the portal. */
  async function mountInShadowRoot(wrapper: HTMLElement): Promise<PorticoPayButton> {
    const el = document.createElement('portico-pay-button');
    el.server = '/portal';
    el.business = 'harbor-pine';
    el.invoice = invoice;
    el.onlinePayments = payments;
    wrapper.attachShadow({ mode: 'open' }).append(el);
    await el.updateComplete;
    return el;
  }

  it('inside another widget (a shadow root) the form opens in a modal dialog on the page; Escape returns to the button', async () => {
    const el = await mountInShadowRoot(await fixture<HTMLDivElement>(html`<div></div>`));
    await pressPay(el);
    const mounted = stripe.mounted!;
    const dialogHost = document.querySelector('[data-portico-checkout-dialog]')!;
    expect(mounted.container!.parentElement).to.equal(dialogHost);
    expect(mounted.container!.getRootNode()).to.equal(document);
    const dialog = dialogHost.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(text(dialog.querySelector('h2'))).to.equal('Pay INV-0042: €999.40');
    expect(dialog.querySelector('.close')!.getAttribute('aria-label')).to.equal('Cancel payment');
    await expect(dialogHost).shadowDom.to.be.accessible();

    const closed = oneEvent(el, 'portico-checkout-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(document.querySelector('[data-portico-checkout-dialog]')).to.equal(null);
    expect(mounted.destroyed).to.equal(true);

    // The dialog's own close button works the same.
    await pressPay(el);
    const host = document.querySelector('[data-portico-checkout-dialog]')!;
    (host.shadowRoot!.querySelector('.close') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(document.querySelector('[data-portico-checkout-dialog]')).to.equal(null);
  });

  it("the dialog takes the pay button's scheme: dark inside a portal pinned to dark, on a light page", async () => {
    await pressPay(await mountInShadowRoot(await fixture<HTMLDivElement>(html`<div style="--portico-color-scheme: dark"></div>`)));
    const dialogHost = document.querySelector<HTMLElement>('[data-portico-checkout-dialog]')!;
    const dialog = dialogHost.shadowRoot!.querySelector('dialog')!;
    expect(getComputedStyle(dialogHost).colorScheme).to.equal('dark');
    expect(getComputedStyle(dialog).backgroundColor).to.equal('rgb(26, 31, 38)'); // #1a1f26, the dark surface
    expect(getComputedStyle(dialog).color).to.equal('rgb(232, 235, 239)'); // #e8ebef
    await expect(dialogHost).shadowDom.to.be.accessible();
  });

  const errors: Array<[string, () => void, string]> = [
    [
      'stripe_not_configured',
      () => server.on('POST', '/api/invoices/inv_42/checkout', { status: 409, body: { error: { code: 'stripe_not_configured', message: 'No Stripe.' } } }),
      'This business does not take card payments online.',
    ],
    [
      'invoice_not_payable',
      () => server.on('POST', '/api/invoices/inv_42/checkout', { status: 409, body: { error: { code: 'invoice_not_payable', message: 'Paid.' } } }),
      'There is nothing left to pay on this invoice.',
    ],
    [
      'payment_provider_error',
      () => server.on('POST', '/api/invoices/inv_42/checkout', { status: 502, body: { error: { code: 'payment_provider_error', message: 'Stripe is down.' } } }),
      'The payment service did not respond. Please try again in a moment.',
    ],
    ['a network error', () => server.offline('POST', '/api/invoices/inv_42/checkout'), 'We could not reach the portal. Check your connection and try again.'],
    ['Stripe.js not loading', () => (stripe.failLoad = 'reject'), 'The secure payment form could not be loaded. Check your connection and try again.'],
    ['Stripe.js missing (null)', () => (stripe.failLoad = 'null'), 'The secure payment form could not be loaded. Check your connection and try again.'],
  ];
  for (const [label, arrange, message] of errors) {
    it(`says clearly what went wrong: ${label}`, async () => {
      const el = await mount();
      arrange();
      $(el, '[part~="pay-button"]').click();
      await waitUntil(() => el.state === 'message', 'no message');
      await el.updateComplete;
      expect(text($(el, '[role="alert"]'))).to.equal(message);
      expect(stripe.mounted).to.equal(undefined);
      // The button is still there to try again.
      expect(el.shadowRoot!.querySelector('[part~="pay-button"]')).not.to.equal(null);
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('a 401 while starting tells the page the session ended', async () => {
    const el = await mount();
    server.on('POST', '/api/invoices/inv_42/checkout', unauthenticated);
    const ended = oneEvent(el, 'portico-auth-required');
    $(el, '[part~="pay-button"]').click();
    await ended;
  });

  it('a page the server will not send clients back to falls back to the server’s default return page', async () => {
    server.on('POST', '/api/invoices/inv_42/checkout', (request) =>
      (request.body as { returnUrl?: string }).returnUrl
        ? { status: 400, body: { error: { code: 'invalid_input', message: 'returnUrl must be a page on one of the business’s own origins.', field: 'returnUrl' } } }
        : { status: 200, body: checkout },
    );
    const el = await mount();
    el.returnUrl = 'https://elsewhere.test/pay';
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args[0]);
    try {
      await pressPay(el);
    } finally {
      console.warn = warn;
    }
    expect(server.to('POST', '/api/invoices/inv_42/checkout').map((r) => r.body)).to.deep.equal([{ returnUrl: 'https://elsewhere.test/pay' }, {}]);
    expect(el.state).to.equal('open');
    expect(String(warnings[0])).to.contain('https://elsewhere.test/pay');
  });

  it('back from Stripe with ?portico_checkout=: asks the server once, cleans the address bar, shows Paid and tells the page once', async () => {
    history.replaceState(null, '', `${location.pathname}?x=1&portico_checkout=cs_test_1#keep`);
    const events: Array<CustomEvent<PorticoInvoicePaidDetail>> = [];
    const listener = (event: Event) => events.push(event as CustomEvent<PorticoInvoicePaidDetail>);
    document.addEventListener('portico-invoice-paid', listener);
    try {
      server.on('GET', '/api/invoices/inv_7', { status: 200, body: { ...invoice, id: 'inv_7', number: 'INV-0007' } });
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-pay-button server="/portal" business="harbor-pine" invoice-id="inv_7"></portico-pay-button>
        <portico-pay-button server="/portal" business="harbor-pine" invoice-id="inv_42"></portico-pay-button>
      </div>`);
      const [other, mine] = [...wrapper.querySelectorAll('portico-pay-button')];
      expect(location.search).to.equal('?x=1');
      expect(location.hash).to.equal('#keep');
      await waitUntil(() => mine!.state === 'paid', 'the outcome never showed');
      expect(server.to('GET', '/api/checkout/cs_test_1')).to.have.length(1);
      expect(other!.state).to.equal('ready');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events.map((event) => event.detail.invoiceId)).to.deep.equal(['inv_42']);
    } finally {
      document.removeEventListener('portico-invoice-paid', listener);
    }
  });

  it('back from Stripe without paying: says so and offers Pay now again', async () => {
    server.on('GET', '/api/checkout/cs_test_2', {
      status: 200,
      body: { ...paidStatus, status: 'open', paymentStatus: 'unpaid', invoice: { status: 'sent', displayStatus: 'sent', amountPaid: 50_000, balance: 99_940, version: 1 } },
    });
    history.replaceState(null, '', `${location.pathname}?portico_checkout=cs_test_2`);
    const el = await mount();
    await waitUntil(() => el.state === 'message', 'no message');
    await el.updateComplete;
    expect(location.search).to.equal('');
    expect(text($(el, '[part~="message"]'))).to.equal('The payment was not completed. You can try again.');
    expect(el.shadowRoot!.querySelector('[part~="pay-button"]')).not.to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('back from Stripe when the server cannot be asked: says so', async () => {
    server.offline('GET', '/api/checkout/cs_test_3');
    history.replaceState(null, '', `${location.pathname}?portico_checkout=cs_test_3`);
    const el = await mount();
    await waitUntil(() => el.state === 'message', 'no message');
    await el.updateComplete;
    expect(text($(el, '[role="alert"]'))).to.equal('We could not check your payment. We could not reach the portal. Check your connection and try again.');
  });

  it('dark mode: Pay now, an error and Paid are axe-clean', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mount();
      await expect(el).shadowDom.to.be.accessible();
      server.on('POST', '/api/invoices/inv_42/checkout', { status: 502, body: { error: { code: 'payment_provider_error', message: 'Down.' } } });
      $(el, '[part~="pay-button"]').click();
      await waitUntil(() => el.state === 'message', 'no message');
      await expect(el).shadowDom.to.be.accessible();
      server.on('POST', '/api/invoices/inv_42/checkout', { status: 200, body: checkout });
      $(el, '[part~="pay-button"]').click();
      await waitUntil(() => stripe.mounted, 'the form never mounted');
      stripe.mounted!.complete();
      await waitUntil(() => el.state === 'paid', 'not paid');
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  for (const lang of locales) {
    it(`${lang}: its words come from the language's table, right to left in Arabic, axe-clean`, async () => {
      const el = await mount({ lang });
      const strings = await loadStrings(lang);
      expect(text($(el, '.label'))).to.equal(strings.payNow);
      expect($(el, '.root').getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).shadowDom.to.be.accessible();
    });
  }
});
