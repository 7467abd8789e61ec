import { afterAll, beforeAll, expect, it } from 'vitest';
import { countRows, expectPorticoError } from '../../testing/assertions.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { FakeStripe } from '../../testing/fake-stripe.js';
import { createPorticoApi } from '../../api.js';
import { seedBusiness } from '../../testing/fixtures.js';
import { startCheckout, syncCheckout } from './checkout.js';
import { handleStripeWebhook } from './stripe-webhook.js';
import { checkoutSession, portico, signedEvent, stripeBusiness, TEST_ENCRYPTION_KEY, WEBHOOK_SECRET } from '../../testing/stripe-test-support.js';

let fake: FakeStripe;
beforeAll(async () => {
  fake = await new FakeStripe().start();
});
afterAll(async () => {
  await fake.stop();
});

describeEachDatabase('Stripe settings', (database) => {
  it('keeps the secret key and webhook secret sealed, and never hands them back', async () => {
    const { scope, business } = await stripeBusiness(database(), fake);
    expect(await scope.stripe.settings()).toMatchObject({ publishableKey: 'pk_test_abc123', connectedAccountId: null });
    expect(JSON.stringify(await scope.stripe.settings())).not.toMatch(/sk_test|whsec/);
    const row = await database().db.selectFrom('stripe_accounts').selectAll().where('business_id', '=', business.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('sk_test_abc123');
    expect(JSON.stringify(row)).not.toContain(WEBHOOK_SECRET);
  });

  it('refuses keys of the wrong kind, mixed test and live keys, and storing without an encryption key', async () => {
    const { scope } = await stripeBusiness(database(), fake);
    await expectPorticoError(scope.stripe.configure({ secretKey: 'pk_test_x', publishableKey: 'pk_test_x', webhookSecret: WEBHOOK_SECRET }), 'invalid_input');
    await expectPorticoError(scope.stripe.configure({ secretKey: 'sk_live_x', publishableKey: 'pk_test_x', webhookSecret: WEBHOOK_SECRET }), 'invalid_input');
    const seeded = await seedBusiness(database());
    const withoutKey = createPorticoApi({ db: database().db }).business(seeded.business.id);
    await expectPorticoError(withoutKey.stripe.configure({ secretKey: 'sk_test_x', publishableKey: 'pk_test_x', webhookSecret: WEBHOOK_SECRET }), 'invalid_input');
    expect(await withoutKey.stripe.settings()).toBeNull();
  });
});

describeEachDatabase('checkout', (database) => {
  it('asks Stripe for an embedded session for what is owed, with the invoice in metadata and an idempotency key', async () => {
    const { ctx, deps, invoice, client, business } = await stripeBusiness(database(), fake);
    await createPorticoApi({ db: database().db, clock: ctx.clock }).business(business.id).payments.record({ invoiceId: invoice.id, amount: 24_950 });
    const before = fake.requests.length;
    const started = await startCheckout(ctx, deps, { clientId: client.id, invoiceId: invoice.id, returnUrl: 'https://billing.harborpine.test/portal/?invoice=x' });
    expect(started).toMatchObject({ publishableKey: 'pk_test_abc123', amount: 100_000, currency: 'EUR' });
    expect(started.clientSecret).toMatch(/^cs_test_.+_secret_/);
    const asked = fake.requests.slice(before).find((r) => r.path === '/v1/checkout/sessions')!;
    expect(asked.body).toMatchObject({
      ui_mode: 'embedded_page',
      mode: 'payment',
      redirect_on_completion: 'if_required',
      client_reference_id: invoice.id,
      line_items: [{ quantity: '1', price_data: { currency: 'eur', unit_amount: '100000', product_data: { name: `Invoice ${invoice.number}` } } }],
      metadata: portico(business.id, client.id, invoice.id),
      payment_intent_data: { metadata: portico(business.id, client.id, invoice.id) },
      return_url: 'https://billing.harborpine.test/portal/?invoice=x&portico_checkout={CHECKOUT_SESSION_ID}',
    });
    expect(asked.idempotencyKey).toMatch(new RegExp(`^portico-checkout-${invoice.id}-v\\d+-100000-[A-Za-z0-9_-]{12}$`));
    const again = await startCheckout(ctx, deps, { clientId: client.id, invoiceId: invoice.id, returnUrl: 'https://billing.harborpine.test/portal/?invoice=x' });
    const withFragment = await startCheckout(ctx, deps, { clientId: client.id, invoiceId: invoice.id, returnUrl: 'https://billing.harborpine.test/account#invoices' });
    expect(fake.sessions.get(withFragment.sessionId)!.return_url).toBe('https://billing.harborpine.test/account?portico_checkout={CHECKOUT_SESSION_ID}');
    expect(again.sessionId).toBe(started.sessionId);
  });

  it('makes a Connect business’s session on its account, and tells the browser which', async () => {
    const { ctx, deps, invoice, client, scope } = await stripeBusiness(database(), fake);
    await scope.stripe.configure({ secretKey: 'sk_test_abc123', publishableKey: 'pk_test_abc123', webhookSecret: WEBHOOK_SECRET, connectedAccountId: 'acct_studio1' });
    const before = fake.requests.length;
    const started = await startCheckout(ctx, deps, { clientId: client.id, invoiceId: invoice.id, returnUrl: 'https://x.test/' });
    expect(started.connectedAccountId).toBe('acct_studio1');
    expect(fake.requests.slice(before).find((r) => r.path === '/v1/checkout/sessions')?.stripeAccount).toBe('acct_studio1');
  });

  it('refuses a paid, void or draft invoice, another client’s invoice, and a business without Stripe', async () => {
    const { ctx, deps, invoice, client, scope } = await stripeBusiness(database(), fake);
    const request = { clientId: client.id, invoiceId: invoice.id, returnUrl: 'https://x.test/' };
    await expectPorticoError(startCheckout(ctx, deps, { ...request, clientId: 'cli_other' }), 'invoice_not_found');
    const draft = await scope.invoices.create({ clientId: client.id, currency: 'EUR', lines: [{ description: 'x', quantity: 1, unitPrice: 5 }] });
    // A draft the client may not see is not found; one it was shown is there but has nothing to pay yet.
    await expectPorticoError(startCheckout(ctx, deps, { ...request, invoiceId: draft.id }), 'invoice_not_found');
    const shared = await scope.invoices.create({ clientId: client.id, currency: 'EUR', sharedWithClient: true, lines: [{ description: 'x', quantity: 1, unitPrice: 5 }] });
    await expectPorticoError(startCheckout(ctx, deps, { ...request, invoiceId: shared.id }), 'invoice_not_payable');
    await scope.payments.record({ invoiceId: invoice.id, amount: invoice.total });
    await expectPorticoError(startCheckout(ctx, deps, request), 'invoice_not_payable');
    await scope.stripe.remove();
    const open = await scope.invoices.issue((await scope.invoices.create({ clientId: client.id, currency: 'EUR', lines: [{ description: 'y', quantity: 1, unitPrice: 5 }] })).id);
    await expectPorticoError(startCheckout(ctx, deps, { ...request, invoiceId: open.id }), 'stripe_not_configured');
  });

  it('on return, asks Stripe and books a paid session; the late webhook is then a duplicate', async () => {
    const { ctx, core, deps, invoice, client, business, scope, clock } = await stripeBusiness(database(), fake);
    const started = await startCheckout(ctx, deps, { clientId: client.id, invoiceId: invoice.id, returnUrl: 'https://x.test/' });
    expect((await syncCheckout(ctx, deps, { clientId: client.id, sessionId: started.sessionId })).outcome).toBe('pending');
    const session = fake.completeSession(started.sessionId);
    expect(await syncCheckout(ctx, deps, { clientId: client.id, sessionId: started.sessionId })).toMatchObject({ status: 'complete', paymentStatus: 'paid', outcome: 'applied', invoiceId: invoice.id });
    expect((await scope.invoices.get(invoice.id)).status).toBe('paid');
    const late = signedEvent('checkout.session.completed', { ...session }, { at: clock.now() });
    expect((await handleStripeWebhook(core, deps, { businessSlug: business.slug, ...late })).outcome).toBe('duplicate');
    expect(await scope.payments.list({ invoiceId: invoice.id })).toHaveLength(1);
    await expectPorticoError(syncCheckout(ctx, deps, { clientId: 'cli_someone_else', sessionId: started.sessionId }), 'not_found');
  });

  it('turns Stripe being down into a clear, retryable error', async () => {
    const { ctx, deps, invoice, client } = await stripeBusiness(database(), fake);
    fake.failWith = 500;
    try {
      await expectPorticoError(startCheckout(ctx, { ...deps }, { clientId: client.id, invoiceId: invoice.id, returnUrl: 'https://x.test/' }), 'payment_provider_error');
    } finally {
      fake.failWith = undefined;
    }
  });
});

describeEachDatabase('the Stripe webhook', (database) => {
  async function setup() {
    const s = await stripeBusiness(database(), fake);
    const deliver = (event: { rawBody: string; signature: string }) => handleStripeWebhook(s.core, s.deps, { businessSlug: s.business.slug, ...event });
    const ours = portico(s.business.id, s.client.id, s.invoice.id);
    return { ...s, deliver, ours };
  }

  it('a paid checkout marks the invoice paid and records the payment with its PaymentIntent', async () => {
    const { deliver, ours, clock, scope, invoice } = await setup();
    const session = checkoutSession(ours);
    expect((await deliver(signedEvent('checkout.session.completed', session, { at: clock.now() }))).outcome).toBe('applied');
    expect(await scope.invoices.get(invoice.id)).toMatchObject({ status: 'paid', balance: 0 });
    expect(await scope.payments.list({ invoiceId: invoice.id })).toMatchObject([{ amount: 124_950, provider: 'stripe', providerReference: session.payment_intent }]);
  });

  it('refuses a bad signature, an old timestamp and one from the future, changing nothing', async () => {
    const { deliver, ours, clock, scope, invoice } = await setup();
    const event = signedEvent('checkout.session.completed', checkoutSession(ours), { at: clock.now(), secret: 'whsec_wrong' });
    await expectPorticoError(deliver(event), 'invalid_signature');
    const tampered = signedEvent('checkout.session.completed', checkoutSession(ours), { at: clock.now() });
    await expectPorticoError(deliver({ ...tampered, rawBody: tampered.rawBody.replace('124950', '1') }), 'invalid_signature');
    const old = signedEvent('checkout.session.completed', checkoutSession(ours), { at: clock.now(), signedAt: new Date(clock.now().getTime() - 10 * 60_000) });
    await expectPorticoError(deliver(old), 'invalid_signature');
    for (const ahead of [10 * 60_000, 86_400_000, 365 * 86_400_000]) {
      const future = signedEvent('checkout.session.completed', checkoutSession(ours), { at: clock.now(), signedAt: new Date(clock.now().getTime() + ahead) });
      await expectPorticoError(deliver(future), 'invalid_signature');
    }
    expect((await scope.invoices.get(invoice.id)).status).toBe('sent');
    // A few seconds ahead is a clock's drift, not an attack.
    const drifted = signedEvent('checkout.session.completed', checkoutSession(ours), { at: clock.now(), signedAt: new Date(clock.now().getTime() + 30_000) });
    expect((await deliver(drifted)).outcome).toBe('applied');
  });

  it('the same event delivered ten times at once, then replayed, pays once', async () => {
    const { deliver, ours, clock, scope, invoice } = await setup();
    const event = signedEvent('checkout.session.completed', checkoutSession(ours), { at: clock.now() });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(outcomes.filter((o) => o.outcome === 'applied')).toHaveLength(1);
    expect((await deliver(event)).outcome).toBe('duplicate');
    expect(await scope.payments.list({ invoiceId: invoice.id })).toHaveLength(1);
    expect((await scope.invoices.get(invoice.id)).amountPaid).toBe(124_950);
    // The client's one contact gets one receipt, however often Stripe told us.
    const receipts = await database().db.selectFrom('outbox_emails').select('to_address').where('business_id', '=', scope.id).where('kind', '=', 'payment_receipt').execute();
    expect(receipts).toHaveLength(1);
  });

  it('the PaymentIntent’s event and Checkout’s, in either order, are one payment', async () => {
    const { deliver, ours, clock, scope, invoice } = await setup();
    const session = checkoutSession(ours);
    const intent = { id: session.payment_intent, object: 'payment_intent', amount_received: 124_950, currency: 'eur', metadata: ours };
    expect((await deliver(signedEvent('payment_intent.succeeded', intent, { at: clock.now() }))).outcome).toBe('applied');
    expect((await deliver(signedEvent('checkout.session.completed', session, { at: clock.now() }))).outcome).toBe('duplicate');
    expect(await scope.payments.list({ invoiceId: invoice.id })).toHaveLength(1);
  });

  it('a bank debit: nothing on completion, paid when it succeeds; a failed one pays nothing', async () => {
    const { deliver, ours, clock, scope, invoice } = await setup();
    const pending = checkoutSession(ours, { payment_status: 'unpaid' });
    expect((await deliver(signedEvent('checkout.session.completed', pending, { at: clock.now() }))).outcome).toBe('ignored');
    expect((await scope.invoices.get(invoice.id)).status).toBe('sent');
    expect((await deliver(signedEvent('checkout.session.async_payment_failed', pending, { at: clock.now() }))).outcome).toBe('applied');
    expect((await scope.invoices.get(invoice.id)).amountPaid).toBe(0);
    const retried = checkoutSession(ours, { payment_status: 'paid' });
    expect((await deliver(signedEvent('checkout.session.async_payment_succeeded', retried, { at: clock.now() }))).outcome).toBe('applied');
    expect((await scope.invoices.get(invoice.id)).status).toBe('paid');
  });

  it('an event about another business’s invoice changes nothing here or there', async () => {
    const { deliver, clock, client } = await setup();
    const other = await setup();
    const theirs = portico(other.business.id, client.id, other.invoice.id);
    expect((await deliver(signedEvent('checkout.session.completed', checkoutSession(theirs), { at: clock.now() }))).outcome).toBe('ignored');
    expect((await other.scope.invoices.get(other.invoice.id)).status).toBe('sent');
  });

  it('an amount that doesn’t fit the invoice changes nothing and is flagged for a person', async () => {
    const { deliver, ours, clock, scope, invoice } = await setup();
    const tooMuch = checkoutSession(ours, { amount_total: 200_000 });
    const before = await countRows(database().db, ['payments']);
    expect((await deliver(signedEvent('checkout.session.completed', tooMuch, { at: clock.now() }))).outcome).toBe('not_applied');
    expect(await countRows(database().db, ['payments'])).toEqual(before);
    expect((await scope.invoices.get(invoice.id)).amountPaid).toBe(0);
    const audit = await scope.audit.list('invoice', invoice.id);
    expect(audit.at(-1)).toMatchObject({ action: 'stripe.payment_not_applied', details: { reason: 'overpayment' } });
    const partial = checkoutSession(ours, { amount_total: 24_950 });
    expect((await deliver(signedEvent('checkout.session.completed', partial, { at: clock.now() }))).outcome).toBe('applied');
    expect(await scope.invoices.get(invoice.id)).toMatchObject({ status: 'sent', balance: 100_000 });
  });

  it('refunds reopen the invoice by what was refunded, once; a refund before its payment waits for it', async () => {
    const { deliver, ours, clock, scope, invoice } = await setup();
    const session = checkoutSession(ours);
    fake.paymentIntents.set(session.payment_intent, { id: session.payment_intent, object: 'payment_intent', metadata: ours });
    const charge = (refunded: number) => ({ id: 'ch_1', object: 'charge', payment_intent: session.payment_intent, amount: 124_950, amount_refunded: refunded });
    const early = signedEvent('charge.refunded', charge(50_000), { at: clock.now() });
    expect((await deliver(early)).outcome).toBe('retry_later');
    await deliver(signedEvent('checkout.session.completed', session, { at: clock.now() }));
    expect((await deliver(early)).outcome).toBe('applied');
    expect((await deliver(early)).outcome).toBe('duplicate');
    expect(await scope.invoices.get(invoice.id)).toMatchObject({ status: 'sent', amountPaid: 74_950, balance: 50_000 });
    expect((await deliver(signedEvent('charge.refunded', charge(124_950), { at: clock.now() }))).outcome).toBe('applied');
    expect((await scope.invoices.get(invoice.id)).amountPaid).toBe(0);
    expect((await scope.payments.list({ invoiceId: invoice.id }))[0]!.refundedAmount).toBe(124_950);
  });

  it('a refund of a charge that is not Portico’s is ignored, not retried', async () => {
    const { deliver, clock } = await setup();
    fake.paymentIntents.set('pi_elsewhere', { id: 'pi_elsewhere', object: 'payment_intent', metadata: {} });
    const foreign = { id: 'ch_2', object: 'charge', payment_intent: 'pi_elsewhere', amount: 500, amount_refunded: 500 };
    expect((await deliver(signedEvent('charge.refunded', foreign, { at: clock.now() }))).outcome).toBe('ignored');
  });
});

it('the test encryption key is 32 bytes', () => {
  expect(Buffer.from(TEST_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
});
