import { expect, it } from 'vitest';
import { issueMagicLinkToken } from './auth/magic-links.js';
import { describeEachDatabase } from './testing/databases.js';
import { seedBusiness } from './testing/fixtures.js';

const DAY = 86_400_000;

describeEachDatabase('api.purgeExpired', (database) => {
  it('deletes links, sessions and rate-limit windows a day after they ended, and nothing still in use', async () => {
    const { api, clock, business, client } = await seedBusiness(database());
    const contactId = client.contacts[0]!.id;
    const link = (ttlMs: number) =>
      issueMagicLinkToken(database().db, clock.now(), { businessId: business.id, clientId: client.id, contactId, purpose: 'sign_in', ttlMs });

    const signedOut = await api.signIn.redeem(business.id, (await link(600_000)).token, 'cookie');
    await api.sessions.revoke(signedOut.id, 'cookie');
    const expiredLink = await link(600_000);
    await api.rateLimits.hit('test:ip:old', { limit: 5, windowMs: 60_000 });

    clock.advance(DAY + 3_600_000);
    const liveLink = await link(600_000);
    const live = await api.signIn.redeem(business.id, (await link(600_000)).token, 'cookie');
    await api.rateLimits.hit('test:ip:new', { limit: 5, windowMs: 60_000 });

    expect(await api.purgeExpired()).toEqual({ signInLinks: 1, sessions: 1, rateLimitWindows: 1, events: 0 });
    expect(await api.signIn.inspect(business.id, expiredLink.token)).toBe('invalid');
    expect(await api.signIn.inspect(business.id, liveLink.token)).toBe('valid');
    expect(await api.sessions.resume(live.id, 'cookie')).toMatchObject({ contactId });
    const windows = await database().db.selectFrom('rate_limit_buckets').select('key').execute();
    expect(windows.map((w) => w.key)).toEqual(['test:ip:new']);
    // A second run finds nothing left to do.
    expect(await api.purgeExpired()).toEqual({ signInLinks: 0, sessions: 0, rateLimitWindows: 0, events: 0 });
  });
});
