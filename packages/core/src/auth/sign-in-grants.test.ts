import { expect, it } from 'vitest';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { hashSecretToken } from './secret-tokens.js';

describeEachDatabase('sign-in grants for the host’s own signed-in users', (database) => {
  it('a grant signs its contact in once, with no email, and the business’s audit log says who was granted', async () => {
    const { api, scope, business, client, clock } = await seedBusiness(database());
    const ann = client.contacts[0]!;
    const issued = await scope.clients.signInGrant(ann.id);
    expect(issued).toMatchObject({ clientId: client.id, contactId: ann.id });
    expect(issued.expiresAt.getTime() - clock.now().getTime()).toBe(120_000);
    expect(issued.grant).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stored = await database().db.selectFrom('magic_link_tokens').select(['token_hash', 'purpose']).where('business_id', '=', business.id).execute();
    expect(stored).toEqual([{ token_hash: hashSecretToken(issued.grant), purpose: 'host_grant' }]);
    expect((await countRows(database().db, ['outbox_emails'])).outbox_emails).toBe(0);

    const signedIn = await api.signIn.redeem(business.id, issued.grant, 'bearer');
    expect(signedIn.session).toMatchObject({ clientId: client.id, contactId: ann.id, kind: 'bearer' });
    await expectPorticoError(api.signIn.redeem(business.id, issued.grant, 'bearer'), 'link_invalid');

    const actions = (await scope.audit.list('client', client.id)).map((entry) => [entry.action, entry.details['via'] ?? entry.details['contactId']]);
    expect(actions).toEqual([
      ['client.created', undefined],
      ['client.sign_in_granted', ann.id],
      ['client.signed_in', 'host_grant'],
    ]);
  });

  it('of many exchanges of one grant at once, exactly one signs in', async () => {
    const { api, scope, business, client } = await seedBusiness(database());
    const { grant } = await scope.clients.signInGrant(client.contacts[0]!.id);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => api.signIn.redeem(business.id, grant, 'bearer')));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  });

  it('an expired grant is refused as expired; the host may ask for ten seconds to ten minutes', async () => {
    const { api, scope, business, client, clock } = await seedBusiness(database());
    const ann = client.contacts[0]!.id;
    const short = await scope.clients.signInGrant(ann, { ttlSeconds: 10 });
    clock.advance(10_001);
    await expectPorticoError(api.signIn.redeem(business.id, short.grant, 'bearer'), 'link_expired');
    const long = await scope.clients.signInGrant(ann, { ttlSeconds: 600 });
    expect(long.expiresAt.getTime() - clock.now().getTime()).toBe(600_000);

    const before = await countRows(database().db, ['magic_link_tokens', 'audit_log']);
    for (const ttlSeconds of [9, 601, 30.5, '60', Number.NaN]) {
      const error = await expectPorticoError(scope.clients.signInGrant(ann, { ttlSeconds: ttlSeconds as number }), 'invalid_input');
      expect(error.field).toBe('ttlSeconds');
    }
    expect(await countRows(database().db, ['magic_link_tokens', 'audit_log'])).toEqual(before);
  });

  it('is refused for another business’s contact, an unknown one and an archived client’s, issuing nothing', async () => {
    const first = await seedBusiness(database());
    const second = await seedBusiness(database(), { name: 'Another Studio' });
    const before = await countRows(database().db, ['magic_link_tokens', 'audit_log']);
    await expectPorticoError(first.scope.clients.signInGrant(second.client.contacts[0]!.id), 'contact_not_found');
    await expectPorticoError(first.scope.clients.signInGrant('con_nobody'), 'contact_not_found');
    expect(await countRows(database().db, ['magic_link_tokens', 'audit_log'])).toEqual(before);

    await first.scope.clients.update(first.client.id, { archived: true });
    const afterArchive = await countRows(database().db, ['magic_link_tokens']);
    const error = await expectPorticoError(first.scope.clients.signInGrant(first.client.contacts[0]!.id), 'invalid_input');
    expect(error.field).toBe('contactId');
    expect(await countRows(database().db, ['magic_link_tokens'])).toEqual(afterArchive);
  });

  it('a grant of one business signs nobody in at another', async () => {
    const first = await seedBusiness(database());
    const second = await seedBusiness(database(), { name: 'Another Studio' });
    const { grant } = await first.scope.clients.signInGrant(first.client.contacts[0]!.id);
    await expectPorticoError(first.api.signIn.redeem(second.business.id, grant, 'bearer'), 'link_invalid');
    expect((await first.api.signIn.redeem(first.business.id, grant, 'bearer')).session.businessId).toBe(first.business.id);
  });
});
