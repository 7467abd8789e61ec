import { expect } from '@open-wc/testing';
import type { CheckoutResponse } from '@portico/wire';
import { FakeStripeJs } from '../testing/fake-stripe.js';
import { StripeCheckout, StripeUnavailableError, type StripeLoader } from './stripe-checkout.js';

const account = { publishableKey: 'pk_test_portico', connectedAccountId: null };
const checkout: CheckoutResponse = { sessionId: 'cs_test_1', clientSecret: 'cs_test_1_secret', publishableKey: 'pk_test_portico', connectedAccountId: null, amount: 1000, currency: 'EUR' };

function surface(): { container: HTMLElement; remove: () => void; removed: () => boolean } {
  const container = document.createElement('div');
  document.body.append(container);
  return { container, remove: () => container.remove(), removed: () => !container.isConnected };
}

describe('StripeCheckout', () => {
  let stripe: FakeStripeJs;
  beforeEach(() => {
    stripe = new FakeStripeJs();
  });

  it('loads Stripe.js once for a session on the account it preloaded, makes the form with the session’s secret, mounts and closes it', async () => {
    const form = new StripeCheckout();
    form.preload(stripe.loader, account);
    let completed = 0;
    const made = await form.create(checkout, () => completed++, new AbortController().signal);
    expect(stripe.loads).to.deep.equal(['pk_test_portico']);
    expect(stripe.checkouts[0]!.clientSecret).to.equal('cs_test_1_secret');
    expect(form.mounted).to.equal(false);
    const where = surface();
    form.mount(made!, where);
    expect(form.mounted).to.equal(true);
    expect(stripe.mounted!.container).to.equal(where.container);
    stripe.checkouts[0]!.complete();
    expect(completed).to.equal(1);
    expect(form.close()).to.equal(true);
    expect(stripe.checkouts[0]!.destroyed).to.equal(true);
    expect(where.removed()).to.equal(true);
    expect(form.close()).to.equal(false);
  });

  it('loads Stripe.js again, for the connected account, when the session lives elsewhere', async () => {
    const calls: Array<[string, { stripeAccount?: string } | undefined]> = [];
    const loader: StripeLoader = (key, options) => {
      calls.push([key, options]);
      return stripe.loader(key, options);
    };
    const form = new StripeCheckout();
    form.preload(loader, account);
    await form.create({ ...checkout, publishableKey: 'pk_test_platform', connectedAccountId: 'acct_1' }, () => {}, new AbortController().signal);
    expect(calls).to.deep.equal([
      ['pk_test_portico', undefined],
      ['pk_test_platform', { stripeAccount: 'acct_1' }],
    ]);
    expect(stripe.checkouts[0]!.publishableKey).to.equal('pk_test_platform');
  });

  for (const failLoad of ['reject', 'null'] as const) {
    it(`rejects with StripeUnavailableError when Stripe.js ${failLoad === 'reject' ? 'fails to load' : 'is not there'}; a preload never awaited raises nothing`, async () => {
      stripe.failLoad = failLoad;
      const unused = new StripeCheckout();
      unused.preload(stripe.loader, account);
      const form = new StripeCheckout();
      form.preload(stripe.loader, account);
      const error = await form.create(checkout, () => {}, new AbortController().signal).catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(StripeUnavailableError);
    });
  }

  it('rejects with StripeUnavailableError when Stripe will not make the form', async () => {
    const form = new StripeCheckout();
    form.preload(stripe.loader, account);
    const error = await form.create({ ...checkout, clientSecret: '' }, () => {}, new AbortController().signal).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(StripeUnavailableError);
    expect((error as Error).cause).to.be.instanceOf(Error);
  });

  it('answers null, and destroys a form made meanwhile, when the payment was abandoned', async () => {
    const abort = new AbortController();
    stripe.loadDelay = 20;
    const form = new StripeCheckout();
    form.preload(stripe.loader, account);
    const made = form.create(checkout, () => {}, abort.signal);
    abort.abort();
    expect(await made).to.equal(null);
    expect(stripe.checkouts).to.have.length(0);

    // Aborted while Stripe makes the form: the form is destroyed, never mounted.
    const late = new AbortController();
    let destroyed = false;
    const slow: StripeLoader = () =>
      Promise.resolve({
        createEmbeddedCheckoutPage: () => {
          late.abort();
          return Promise.resolve({ mount() {}, unmount() {}, destroy: () => void (destroyed = true) });
        },
      });
    const form2 = new StripeCheckout();
    form2.preload(slow, account);
    expect(await form2.create(checkout, () => {}, late.signal)).to.equal(null);
    expect(destroyed).to.equal(true);
    expect(form2.mounted).to.equal(false);
  });
});
