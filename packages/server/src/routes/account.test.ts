import { countRows, describeEachDatabase, italianBuyerBilling } from '@portico/core/testing';
import { expect, it } from 'vitest';
import type { AccountResponse, AdminAuditResponse, ErrorBody, SessionResponse } from '@portico/wire';
import { signInAs } from '../testing/client-sign-in.js';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { PORTAL_ORIGIN, createPortalHarness } from '../testing/portal-harness.js';

const accountTables = ['clients', 'contacts', 'audit_log'] as const;

describeEachDatabase('the client’s account over HTTP (/api/account)', (database) => {
  async function setup(settings: Record<string, unknown> = {}) {
    const h = await createPortalHarness(database(), { settings }, { authorizeAdmin: byStaffHeader });
    const client = await signInAs(h, h.client.id, 'ann@globex.test');
    const staff = { 'x-staff': `${h.business.id}/u1`, origin: PORTAL_ORIGIN };
    const audit = async (clientId = h.client.id) => json<AdminAuditResponse>(await h.request(`/admin/clients/${clientId}/audit`, { headers: staff }));
    return { h, ...client, audit, staff };
  }

  it('shows the account, saves billing details, name and language, and the business reads each change in the audit log', async () => {
    const { h, get, send, audit } = await setup();
    const response = await get('/account');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const account = await json<AccountResponse>(response);
    const ann = h.client.contacts[0]!;
    expect(account).toEqual({
      name: 'Globex Corporation',
      billingAddress: null,
      vatId: null,
      taxNumber: null,
      language: null,
      timeZone: null,
      businessTimeZone: h.business.timeZone,
      contacts: [{ id: ann.id, name: 'Ann Ledger', email: 'ann@globex.test', isPrimary: true, receivesInvoices: true, isYou: true }],
      lockedFields: [],
    });

    expect((await json<SessionResponse>(await get('/session'))).timeZone, 'until the client chooses, the business’s zone').toBe(h.business.timeZone);
    const saved = await json<AccountResponse>(await send('PATCH', '/account', { ...italianBuyerBilling, contactName: 'Ann L. Ledger', language: 'ja', timeZone: 'Asia/Tokyo' }));
    expect(saved).toMatchObject({ vatId: 'IT12345678901', language: 'ja', timeZone: 'Asia/Tokyo', billingAddress: { city: 'Milano' }, contacts: [{ name: 'Ann L. Ledger' }] });
    const session = await json<SessionResponse>(await get('/session'));
    expect(session.client.locale).toBe('ja');
    expect(session.timeZone).toBe('Asia/Tokyo');
    expect(session.contact?.name).toBe('Ann L. Ledger');

    const entry = (await audit()).entries.at(-1)!;
    expect(entry).toMatchObject({
      actor: `client:${ann.id}`,
      action: 'client.account_updated',
      details: { byContactId: ann.id, changes: { vatId: { from: null, to: 'IT12345678901' }, language: { from: null, to: 'ja' } } },
    });
    expect(new Date(entry.at).toISOString()).toBe(entry.at);
  });

  it('answers bad input with a 400 naming the field, and a locked field with a 403, changing nothing', async () => {
    const { send, get } = await setup({ lockedClientFields: ['vatId'] });
    expect((await json<AccountResponse>(await get('/account'))).lockedFields).toEqual(['vatId']);
    const before = await countRows(database().db, accountTables);
    for (const [body, status, code, field] of [
      [{ taxNumber: 'X1', billingAddress: { lines: ['Via Roma 1'], city: 'Milano', countryCode: 'ZZZ' } }, 400, 'invalid_country', 'billingAddress.countryCode'],
      [{ taxNumber: 'X1', name: '' }, 400, 'invalid_input', 'name'],
      [{ taxNumber: 'X1', language: 'xx' }, 400, 'invalid_input', 'language'],
      [{ taxNumber: 'X1', archived: true }, 400, 'invalid_input', 'archived'],
      [{ taxNumber: 'X1', vatId: 'IT12345678901' }, 403, 'field_locked', 'vatId'],
    ] as const) {
      const error = await json<ErrorBody>(await send('PATCH', '/account', body), status);
      expect(error.error).toMatchObject({ code, field });
    }
    expect((await json<ErrorBody>(await send('PATCH', '/account', '[1]'), 400)).error.code).toBe('invalid_input');
    expect(await countRows(database().db, accountTables)).toEqual(before);
    expect((await json<AccountResponse>(await get('/account'))).taxNumber).toBeNull();
  });

  it('adds, changes and removes colleagues; the last one receiving invoices stays; each change is audited', async () => {
    const { h, send, audit } = await setup();
    const ann = h.client.contacts[0]!;
    const added = await json<AccountResponse>(await send('POST', '/account/contacts', { name: 'Bob Books', email: 'bob@globex.test', receivesInvoices: false }), 201);
    const bob = added.contacts.find((c) => c.email === 'bob@globex.test')!;
    expect(bob).toMatchObject({ name: 'Bob Books', isPrimary: false, receivesInvoices: false, isYou: false });

    const refused = await json<ErrorBody>(await send('PATCH', `/account/contacts/${ann.id}`, { receivesInvoices: false }), 409);
    expect(refused.error).toMatchObject({ code: 'last_invoice_recipient', field: 'receivesInvoices' });
    await json(await send('PATCH', `/account/contacts/${bob.id}`, { receivesInvoices: true }));
    const swapped = await json<AccountResponse>(await send('PATCH', `/account/contacts/${ann.id}`, { receivesInvoices: false }));
    expect(swapped.contacts.map((c) => [c.email, c.receivesInvoices])).toEqual([
      ['ann@globex.test', false],
      ['bob@globex.test', true],
    ]);
    expect((await json<ErrorBody>(await send('DELETE', `/account/contacts/${bob.id}`), 409)).error.code).toBe('last_invoice_recipient');
    expect((await json<ErrorBody>(await send('DELETE', `/account/contacts/${ann.id}`), 409)).error.code).toBe('cannot_remove_self');
    await json(await send('PATCH', `/account/contacts/${ann.id}`, { receivesInvoices: true }));
    const removed = await json<AccountResponse>(await send('DELETE', `/account/contacts/${bob.id}`));
    expect(removed.contacts.map((c) => c.email)).toEqual(['ann@globex.test']);

    const mine = (await audit()).entries.filter((e) => e.actor === `client:${ann.id}` && e.action.startsWith('client.account')).map((e) => e.action);
    expect(mine).toEqual([
      'client.account_contact_added',
      'client.account_contact_updated',
      'client.account_contact_updated',
      'client.account_contact_updated',
      'client.account_contact_removed',
    ]);
  });

  it("answers 404 for another client's contact, and leaves it alone", async () => {
    const { h, send, audit, staff } = await setup();
    const other = await h.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill', email: 'bill@initech.test' }] });
    const bill = other.contacts[0]!;
    const before = await countRows(database().db, accountTables);
    for (const [method, body] of [
      ['PATCH', { name: 'Hijacked' }],
      ['DELETE', undefined],
    ] as const) {
      expect((await json<ErrorBody>(await send(method, `/account/contacts/${bill.id}`, body), 404)).error.code).toBe('contact_not_found');
    }
    expect(await countRows(database().db, accountTables)).toEqual(before);
    expect((await h.scope.clients.get(other.id)).contacts[0]!.name).toBe('Bill');
    expect((await audit(other.id)).entries.map((e) => e.action)).toEqual(['client.created']);
    expect((await h.request('/admin/clients/cli_nobody/audit', { headers: staff })).status).toBe(404);
  });

  it('refuses a change from a page of another origin, and a visitor with no session', async () => {
    const { h, send } = await setup();
    const foreign = await send('PATCH', '/account', { name: 'Evil' }, { origin: 'https://evil.test' });
    expect((await json<ErrorBody>(foreign, 403)).error.code).toBe('forbidden_origin');
    const anonymous = await h.request('/api/account', { method: 'PATCH', headers: { origin: PORTAL_ORIGIN, 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
    expect((await h.scope.clients.get(h.client.id)).name).toBe('Globex Corporation');
  });
});
