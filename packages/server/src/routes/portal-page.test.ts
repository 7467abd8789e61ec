import { describeEachDatabase } from '@portico/core/testing';
import { expect, it } from 'vitest';
import { createPortalHarness, linkPathIn, sessionCookieFrom, PORTAL_ORIGIN } from '../testing/portal-harness.js';

describeEachDatabase('the hosted portal page', (database) => {
  it('holds <portico-portal> for the business named in the query, loading the bundle from the mount path', async () => {
    const h = await createPortalHarness(database());
    const response = await h.request(`/?business=${h.business.slug}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(`<portico-portal server="/portal" business="${h.business.slug}" business-name="Harbor &amp; Pine Studio">`);
    expect(page).toContain('<script type="module" src="/portal/widgets.js">');
    expect(page).toContain('<title>Harbor &amp; Pine Studio</title>');
  });

  it("uses the signed-in session's business when the query names none", async () => {
    await createPortalHarness(database());
    const h = await createPortalHarness(database());
    const draft = await h.scope.invoices.create({ clientId: h.client.id, currency: 'EUR', lines: [{ description: 'x', quantity: 1, unitPrice: 100 }] });
    await h.scope.invoices.send(draft.id);
    const [email] = await h.deliver();
    const signedIn = await h.request(linkPathIn(email!), { method: 'POST', headers: { origin: PORTAL_ORIGIN } });
    const page = await (await h.request('/', { headers: { cookie: sessionCookieFrom(signedIn) } })).text();
    expect(page).toContain(`business="${h.business.slug}"`);
  });

  it('is a 404 for an unknown business', async () => {
    const h = await createPortalHarness(database());
    expect((await h.request('/?business=no-such-business')).status).toBe(404);
  });
});
