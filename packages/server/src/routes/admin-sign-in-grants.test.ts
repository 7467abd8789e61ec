import { countRows, describeEachDatabase } from '@portico/core/testing';
import { expect, it } from 'vitest';
import type { AdminSignInGrantResponse, ErrorBody, SessionResponse, SignInResponse } from '@portico/wire';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { PORTAL_ORIGIN, SHOP_ORIGIN, createPortalHarness } from '../testing/portal-harness.js';

describeEachDatabase('sign-in grants over HTTP (POST /admin/contacts/:id/sign-in-grant)', (database) => {
  async function setup() {
    const h = await createPortalHarness(database(), {}, { authorizeAdmin: byStaffHeader });
    const staff = (businessId = h.business.id) => ({ 'x-staff': `${businessId}/u1`, origin: PORTAL_ORIGIN, 'content-type': 'application/json' });
    const grant = (contactId: string, body: unknown = {}, businessId?: string) =>
      h.request(`/admin/contacts/${contactId}/sign-in-grant`, { method: 'POST', headers: staff(businessId), body: JSON.stringify(body) });
    const exchange = (token: string, origin = SHOP_ORIGIN) =>
      h.request(`/auth/sessions/${h.business.slug}`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    return { h, grant, exchange };
  }

  it('the host’s user becomes the contact’s session on another origin, once, with no email sent', async () => {
    const { h, grant, exchange } = await setup();
    const ann = h.client.contacts[0]!;
    const response = await grant(ann.id, { ttlSeconds: 60 });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const issued = await json<AdminSignInGrantResponse>(response, 201);
    expect(issued).toMatchObject({ clientId: h.client.id, contactId: ann.id });
    expect(new Date(issued.expiresAt).getTime() - h.clock.now().getTime()).toBe(60_000);

    const signedIn = await json<SignInResponse>(await exchange(issued.grant));
    const session = await json<SessionResponse>(await h.request('/api/session', { headers: { authorization: `Bearer ${signedIn.sessionToken}`, origin: SHOP_ORIGIN } }));
    expect(session.contact?.email).toBe('ann@globex.test');
    expect(await h.deliver()).toEqual([]);
    expect(h.logLines.join('\n'), 'the grant never reaches a log').not.toContain(issued.grant);

    const again = await exchange(issued.grant);
    expect(again.status).toBe(400);
    expect((await json<ErrorBody>(again, 400)).error.code).toBe('link_invalid');
  });

  it('an expired grant, another business’s contact and a bad ttl are refused; none issues anything', async () => {
    const { h, grant, exchange } = await setup();
    const other = await h.api.businesses.create({ name: 'Elsewhere Ltd', portalUrl: 'https://elsewhere.test/portal' });
    const stranger = await h.api.business(other.id).clients.create({ name: 'Initech', contacts: [{ name: 'Peter', email: 'peter@initech.test' }] });

    const issued = await json<AdminSignInGrantResponse>(await grant(h.client.contacts[0]!.id), 201);
    h.clock.advance(120_001);
    expect((await json<ErrorBody>(await exchange(issued.grant), 410)).error.code).toBe('link_expired');

    const before = await countRows(database().db, ['magic_link_tokens', 'audit_log']);
    const foreign = await grant(stranger.contacts[0]!.id);
    expect((await json<ErrorBody>(foreign, 404)).error.code).toBe('contact_not_found');
    const badTtl = await grant(h.client.contacts[0]!.id, { ttlSeconds: 3600 });
    expect((await json<ErrorBody>(badTtl, 400)).error.field).toBe('ttlSeconds');
    const unauthorised = await h.request(`/admin/contacts/${h.client.contacts[0]!.id}/sign-in-grant`, { method: 'POST', headers: { origin: PORTAL_ORIGIN } });
    expect(unauthorised.status).toBe(401);
    expect(await countRows(database().db, ['magic_link_tokens', 'audit_log'])).toEqual(before);
  });
});
