import { expect, it } from 'vitest';
import { countRows } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { expandSignInRequests, SIGN_IN_MAIL_PER_BUSINESS } from './sign-in-requests.js';

describeEachDatabase('sign-in requests', (database) => {
  async function setup() {
    const seeded = await seedBusiness(database());
    const signInMails = async () =>
      (await database().db.selectFrom('outbox_emails').select('to_address').where('business_id', '=', seeded.business.id).where('kind', '=', 'sign_in_link').execute()).map(
        (row) => row.to_address,
      );
    /** What the outbox worker does at the start of each run, until nothing waits. */
    const expandAll = async () => {
      while ((await countRows(database().db, ['sign_in_requests'])).sign_in_requests > 0) await expandSignInRequests(database().db, seeded.clock);
    };
    return { ...seeded, signInMails, expandAll };
  }

  it('a request stores one row and queues nothing; the worker turns it into one email per contact with that address, once', async () => {
    const { api, business, scope, client, clock, signInMails, expandAll } = await setup();
    const other = await scope.clients.create({ name: 'Initech', contacts: [{ name: 'Ann at Initech', email: 'ANN@globex.test' }] });
    await api.signIn.request(business.id, 'ann@globex.test');
    await api.signIn.request(business.id, 'nobody@elsewhere.test');
    expect(await signInMails()).toEqual([]);
    expect((await countRows(database().db, ['sign_in_requests'])).sign_in_requests).toBe(2);

    await Promise.all([expandSignInRequests(database().db, clock), expandSignInRequests(database().db, clock)]);
    await expandAll();
    expect((await signInMails()).sort()).toEqual(['ANN@globex.test', 'ann@globex.test']);
    expect((await countRows(database().db, ['sign_in_requests'])).sign_in_requests).toBe(0);
    expect(client.id).not.toBe(other.id);
  });

  it('the business-wide ceiling counts mail sent: a thousand requests for unknown addresses leave a real client’s link to come', async () => {
    const { api, business, signInMails, expandAll } = await setup();
    for (let i = 0; i < SIGN_IN_MAIL_PER_BUSINESS.limit; i++) await api.signIn.request(business.id, `stranger${i}@elsewhere.test`);
    await api.signIn.request(business.id, 'ann@globex.test');
    await expandAll();
    expect(await signInMails()).toEqual(['ann@globex.test']);
  }, 120_000);

  it('past the ceiling, requests make no more mail until the hour turns', async () => {
    const { api, business, clock, signInMails, expandAll } = await setup();
    await database()
      .db.insertInto('rate_limit_buckets')
      .values({ key: `sign-in-mail:business:${business.id}`, window_start: Math.floor(clock.now().getTime() / 3_600_000) * 3_600_000, count: SIGN_IN_MAIL_PER_BUSINESS.limit })
      .execute();
    await api.signIn.request(business.id, 'ann@globex.test');
    await expandAll();
    expect(await signInMails()).toEqual([]);
    clock.advance(3_600_000);
    await api.signIn.request(business.id, 'ann@globex.test');
    await expandAll();
    expect(await signInMails()).toEqual(['ann@globex.test']);
  });
});
