import { randomBytes } from 'node:crypto';
import { FakeStripe, describeEachDatabase, draftInput } from '@portico/core/testing';
import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CheckoutResponse, CheckoutStatusResponse, SessionResponse } from '@portico/wire';
import { PORTAL_ORIGIN, createPortalHarness, linkPathIn, sessionCookieFrom, type PortalHarness } from '../testing/portal-harness.js';

const encryptionKey = randomBytes(32).toString('base64');
const webhookSecret = 'whsec_servertest0123';
const signer = new Stripe('sk_test_signer');
let fake: FakeStripe;

beforeAll(async () => {
  fake = await new FakeStripe().start();
});
afterAll(async () => {
  await fake.stop();
});

describeEachDatabase('paying an invoice over HTTP', (database) => {
  async function signedInWithInvoice(configureStripe = true) {
    const h = await createPortalHarness(database(), {}, { encryptionKey, stripeConnection: fake.connection });
    const stripe = h.portico.api.business(h.business.id).stripe;
    if (configureStripe) await stripe.configure({ secretKey: 'sk_test_server', publishableKey: 'pk_test_server', webhookSecret });
    const invoice = await h.scope.invoices.issue((await h.scope.invoices.create(draftInput(h.client.id))).id);
    await h.scope.invoices.send(invoice.id);
    const [email] = await h.deliver();
    const cookie = sessionCookieFrom(await h.request(linkPathIn(email!), { method: 'POST', headers: { origin: PORTAL_ORIGIN } }));
    const asClient = (path: string, init: RequestInit = {}) =>
      h.request(`/api${path}`, { ...init, headers: { cookie, origin: PORTAL_ORIGIN, 'content-type': 'application/json', ...(init.headers ?? {}) } });
    return { h, invoice, asClient };
  }

  function webhook(h: PortalHarness, type: string, object: Record<string, unknown>, secret = webhookSecret, slug = h.business.slug) {
    const rawBody = JSON.stringify({ id: `evt_${randomBytes(6).toString('hex')}`, object: 'event', type, created: Math.floor(h.clock.now().getTime() / 1000), data: { object } });
    const signature = signer.webhooks.generateTestHeaderString({ payload: rawBody, secret, timestamp: Math.floor(h.clock.now().getTime() / 1000) });
    return h.request(`/webhooks/stripe/${slug}`, { method: 'POST', headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, body: rawBody });
  }

  it('tells the widget whether the business takes card payments', async () => {
    const off = await signedInWithInvoice(false);
    expect(((await (await off.asClient('/session')).json()) as SessionResponse).business.onlinePayments).toBeNull();
    const on = await signedInWithInvoice();
    expect(((await (await on.asClient('/session')).json()) as SessionResponse).business.onlinePayments).toEqual({ publishableKey: 'pk_test_server', connectedAccountId: null });
  });

  it('opens a checkout for the balance, and comes back to the portal page by default', async () => {
    const { asClient, invoice } = await signedInWithInvoice();
    const response = await asClient(`/invoices/${invoice.id}/checkout`, { method: 'POST' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as CheckoutResponse;
    expect(body).toMatchObject({ publishableKey: 'pk_test_server', amount: invoice.total, currency: 'EUR' });
    expect(JSON.stringify(body)).not.toContain('sk_test');
    const session = fake.sessions.get(body.sessionId)!;
    expect(session.return_url).toBe(`${PORTAL_ORIGIN}/portal/?invoice=${invoice.id}&portico_checkout={CHECKOUT_SESSION_ID}`);
  });

  it('refuses a return URL off the business’s origins, a cross-site POST, and another client’s invoice', async () => {
    const { asClient, invoice, h } = await signedInWithInvoice();
    const foreign = await asClient(`/invoices/${invoice.id}/checkout`, { method: 'POST', body: JSON.stringify({ returnUrl: 'https://evil.test/' }) });
    expect(foreign.status).toBe(400);
    expect((await asClient(`/invoices/${invoice.id}/checkout`, { method: 'POST', headers: { origin: 'https://evil.test' } })).status).toBe(403);
    const other = await h.scope.clients.create({ name: 'Other', contacts: [{ name: 'O', email: 'o@other.test' }] });
    const theirs = await h.scope.invoices.issue((await h.scope.invoices.create(draftInput(other.id))).id);
    const response = await asClient(`/invoices/${theirs.id}/checkout`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(String(theirs.total));
  });

  it('says clearly when nothing can be paid: no Stripe, or a paid invoice', async () => {
    const none = await signedInWithInvoice(false);
    const refused = await none.asClient(`/invoices/${none.invoice.id}/checkout`, { method: 'POST' });
    expect(refused.status).toBe(409);
    const refusal = (await refused.json()) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe('stripe_not_configured');
    // Words for the client, not for whoever set the server up.
    expect(refusal.error.message).not.toMatch(/key|encryption|configur|stripe/i);
    const paid = await signedInWithInvoice();
    await paid.h.scope.payments.record({ invoiceId: paid.invoice.id, amount: paid.invoice.total });
    const again = await paid.asClient(`/invoices/${paid.invoice.id}/checkout`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'invoice_not_payable' } });
  });

  it('back from Stripe: asks it, books the payment, and the portal shows paid at once', async () => {
    const { asClient, invoice, h } = await signedInWithInvoice();
    const { sessionId } = (await (await asClient(`/invoices/${invoice.id}/checkout`, { method: 'POST' })).json()) as CheckoutResponse;
    expect(((await (await asClient(`/checkout/${sessionId}`)).json()) as CheckoutStatusResponse).invoice.status).toBe('sent');
    fake.completeSession(sessionId);
    const back = await (await asClient(`/checkout/${sessionId}`)).json();
    expect(back).toMatchObject({ status: 'complete', paymentStatus: 'paid', invoice: { status: 'paid', balance: 0 } });
    const late = await webhook(h, 'checkout.session.completed', fake.sessions.get(sessionId)! as unknown as Record<string, unknown>);
    expect(await late.json()).toMatchObject({ received: true, outcome: 'duplicate' });
    expect(await h.scope.payments.list({ invoiceId: invoice.id })).toHaveLength(1);
  });

  it('the webhook: 400 on a bad signature, 200 once applied and on repeats, 503 for a refund before its payment', async () => {
    const { invoice, h } = await signedInWithInvoice();
    const metadata = { portico_business_id: h.business.id, portico_client_id: h.client.id, portico_invoice_id: invoice.id };
    const session = { id: 'cs_test_web', object: 'checkout.session', payment_status: 'paid', amount_total: invoice.total, currency: 'eur', payment_intent: 'pi_web', metadata };
    const bad = await webhook(h, 'checkout.session.completed', session, 'whsec_wrong');
    expect(bad.status).toBe(400);
    const refusal = await bad.json();
    expect(refusal).toMatchObject({ error: { code: 'invalid_signature' } });
    // An unknown business and one without Stripe answer exactly as a bad signature: nothing to learn without the secret.
    const other = await h.portico.api.businesses.create({ name: 'Cash Only Ltd', portalUrl: 'https://billing.cashonly.test/portal' });
    for (const slug of ['no-such-business', other.slug]) {
      const refused = await webhook(h, 'checkout.session.completed', session, webhookSecret, slug);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual(refusal);
    }
    fake.paymentIntents.set('pi_web', { id: 'pi_web', object: 'payment_intent', metadata });
    const early = await webhook(h, 'charge.refunded', { id: 'ch_web', object: 'charge', payment_intent: 'pi_web', amount: invoice.total, amount_refunded: 100 });
    expect(early.status).toBe(503);
    const paid = await webhook(h, 'checkout.session.completed', session);
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ outcome: 'applied' });
    expect((await h.scope.invoices.get(invoice.id)).status).toBe('paid');
  });
});
