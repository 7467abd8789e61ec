import { countRows, describeEachDatabase } from '@portico/core/testing';
import { expect, it } from 'vitest';
import type {
  AdminEstimateDetailResponse,
  AdminEstimateListResponse,
  AdminSendEstimateResponse,
  ErrorBody,
  EstimateDetailResponse,
  EstimateListResponse,
  SignInResponse,
} from '@portico/wire';
import { signInAs } from '../testing/client-sign-in.js';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { PORTAL_ORIGIN, SHOP_ORIGIN, createPortalHarness, linkPathIn, sessionCookieFrom, tokenOf, type PortalHarness } from '../testing/portal-harness.js';

const lines = [
  { description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19, discount: { percent: 10 } },
  { description: 'Copy', quantity: 3, unitPrice: 3_333, taxRate: 7.7 },
];

describeEachDatabase('estimates over HTTP', (database) => {
  async function harness(settings: Record<string, unknown> = {}) {
    const h = await createPortalHarness(database(), { settings: { notifyEmail: 'owner@harborpine.test', ...settings } }, { authorizeAdmin: byStaffHeader });
    const staff = { 'x-staff': `${h.business.id}/u1`, origin: PORTAL_ORIGIN, 'content-type': 'application/json' };
    const admin = (method: string, path: string, body?: unknown) =>
      h.request(`/admin${path}`, { method, headers: staff, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { h, admin };
  }

  async function sentEstimate(h: PortalHarness, clientId = h.client.id, validUntil = '2026-03-20') {
    const draft = await h.scope.estimates.create({ clientId, currency: 'EUR', issueDate: '2026-03-10', validUntil, lines });
    return (await h.scope.estimates.send(draft.id)).estimate;
  }

  it('the business creates and sends; the emailed link opens the estimate; the client accepts; the business sees the record and the invoice', async () => {
    const { h, admin } = await harness();
    const created = await json<AdminEstimateDetailResponse>(
      await admin('POST', '/estimates', { clientId: h.client.id, currency: 'EUR', issueDate: '2026-03-10', validUntil: '2026-03-20', notes: 'Spring', lines }),
      201,
    );
    expect(created).toMatchObject({ number: 'EST-0001', status: 'draft', clientName: 'Globex Corporation', sentAt: null, acceptance: null });
    const sent = await json<AdminSendEstimateResponse>(await admin('POST', `/estimates/${created.id}/send`));
    expect(sent).toMatchObject({ emailsQueued: 1, estimate: { status: 'sent', displayStatus: 'sent' } });

    const [mail] = await h.deliver();
    expect(mail).toMatchObject({ kind: 'estimate_sent', to: 'ann@globex.test', subject: 'Estimate EST-0001 from Harbor & Pine Studio' });
    const signedIn = await h.request(linkPathIn(mail!), { method: 'POST', headers: { origin: PORTAL_ORIGIN } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${PORTAL_ORIGIN}/portal/?estimate=${created.id}`);
    const cookie = sessionCookieFrom(signedIn);
    const get = (path: string) => h.request(`/api${path}`, { headers: { cookie } });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      h.request(`/api${path}`, { method: 'POST', headers: { cookie, origin: PORTAL_ORIGIN, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    const list = await get('/estimates');
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect((await json<EstimateListResponse>(list)).estimates).toEqual([
      { id: created.id, number: 'EST-0001', status: 'sent', displayStatus: 'sent', currency: 'EUR', issueDate: '2026-03-10', validUntil: '2026-03-20', total: created.total, invoiceId: null, version: 2 },
    ]);
    const detail = await json<EstimateDetailResponse>(await get(`/estimates/${created.id}`));
    expect(detail).toMatchObject({ canRespond: true, versionHash: created.versionHash, notes: 'Spring', client: { name: 'Globex Corporation' }, business: { name: 'Harbor & Pine Studio' } });
    expect(detail.lines).toEqual(created.lines);
    // Seller and buyer as they are now, and the tax breakdown, as an invoice's detail carries them (the portal's preview shows both).
    expect(detail.parties).toMatchObject({ seller: { name: 'Harbor & Pine Studio' }, buyer: { name: 'Globex Corporation' } });
    expect(detail.taxSummary.map((row) => [row.category, row.rate]).sort()).toEqual([['standard', 19], ['standard', 7.7]]);
    expect(detail.taxSummary.reduce((sum, row) => sum + row.taxAmount, 0)).toBe(detail.taxTotal);
    expect(detail.taxNotes).toEqual([]);

    const accepted = await json<EstimateDetailResponse>(
      await post(`/estimates/${created.id}/accept`, { name: 'Ann Ledger', confirmed: true }, { 'user-agent': 'PortalTest/1.0', 'x-forwarded-for': '203.0.113.9' }),
    );
    expect(accepted).toMatchObject({ status: 'accepted', canRespond: false, acceptance: { name: 'Ann Ledger', versionHash: created.versionHash } });
    expect(accepted.invoiceId).toMatch(/^inv_/);
    expect(Object.keys(accepted.acceptance!).sort()).toEqual(['acceptedAt', 'name', 'versionHash']);

    const seen = await json<AdminEstimateDetailResponse>(await admin('GET', `/estimates/${created.id}`));
    expect(seen.acceptance).toEqual({ name: 'Ann Ledger', acceptedAt: '2026-03-10T09:00:00.000Z', versionHash: created.versionHash, ip: '203.0.113.9', userAgent: 'PortalTest/1.0' });
    const invoice = await h.scope.invoices.get(accepted.invoiceId!);
    expect(invoice).toMatchObject({ status: 'draft', total: created.total, subtotal: created.subtotal, taxTotal: created.taxTotal });
    expect((await h.deliver()).map((email) => [email.kind, email.to])).toEqual([['estimate_accepted', 'owner@harborpine.test']]);

    const again = await json<ErrorBody>(await post(`/estimates/${created.id}/accept`, { name: 'Ann Ledger', confirmed: true }), 409);
    expect(again.error.code).toBe('estimate_not_acceptable');
    const listed = await json<AdminEstimateListResponse>(await admin('GET', '/estimates?status=accepted'));
    expect(listed.estimates.map((estimate) => estimate.id)).toEqual([created.id]);
    expect((await json<ErrorBody>(await admin('GET', '/estimates?status=nope'), 400)).error.code).toBe('invalid_input');
  });

  it('another client’s estimate, or a draft, is a 404 with nothing of it, and cannot be answered', async () => {
    const { h } = await harness();
    const initech = await h.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Peter', email: 'peter@initech.test' }] });
    const theirs = await sentEstimate(h, initech.id);
    const draft = await h.scope.estimates.create({ clientId: h.client.id, currency: 'EUR', lines });
    const { get, post } = await signInAs(h, h.client.id, 'ann@globex.test');
    const before = await countRows(database().db, ['estimates', 'invoices', 'audit_log', 'outbox_emails']);
    for (const id of [theirs.id, draft.id, 'est_nothing']) {
      for (const response of [
        await get(`/estimates/${id}`),
        await post(`/estimates/${id}/accept`, { name: 'Ann', confirmed: true }),
        await post(`/estimates/${id}/decline`, { reason: 'No' }),
      ]) {
        const text = await response.text();
        expect(response.status, text).toBe(404);
        expect(JSON.parse(text)).toEqual({ error: { code: 'estimate_not_found', message: 'No such estimate.', field: 'estimateId' } });
        expect(text).not.toContain(theirs.number);
      }
    }
    expect((await json<EstimateListResponse>(await get('/estimates'))).estimates).toEqual([]);
    const after = await countRows(database().db, ['estimates', 'invoices', 'audit_log', 'outbox_emails']);
    expect(after).toEqual(before);
    expect((await h.scope.estimates.get(theirs.id)).status).toBe('sent');
  });

  it('refuses bad answers with a clear 4xx and nothing changed; declines once with a reason', async () => {
    const { h } = await harness();
    const estimate = await sentEstimate(h);
    const expiring = await sentEstimate(h, h.client.id, '2026-03-10');
    h.clock.set('2026-03-10T23:30:00Z'); // The 11th in Berlin: `expiring` is past its valid-until date.
    const { post } = await signInAs(h, h.client.id, 'ann@globex.test');
    const before = await countRows(database().db, ['invoices', 'audit_log', 'outbox_emails']);
    const cases: Array<[unknown, number, string]> = [
      [{ name: 'Ann' }, 400, 'invalid_input'],
      [{ name: 'Ann', confirmed: 'true' }, 400, 'invalid_input'],
      [{ name: '', confirmed: true }, 400, 'invalid_input'],
      [{ confirmed: true }, 400, 'invalid_input'],
      ['[1,2]', 400, 'invalid_input'],
    ];
    for (const [body, status, code] of cases) {
      const response = await post(`/estimates/${estimate.id}/accept`, body);
      expect((await json<ErrorBody>(response, status)).error.code, JSON.stringify(body)).toBe(code);
    }
    expect((await json<ErrorBody>(await post(`/estimates/${estimate.id}/decline`, { reason: 'x'.repeat(1001) }), 400)).error.code).toBe('invalid_input');
    // Another site may not answer for the client.
    const foreign = await post(`/estimates/${estimate.id}/accept`, { name: 'Ann', confirmed: true }, { origin: 'https://evil.test' });
    expect(foreign.status).toBe(403);
    expect((await json<ErrorBody>(await post(`/estimates/${expiring.id}/accept`, { name: 'Ann', confirmed: true }), 409)).error.code).toBe('estimate_expired');
    expect(await countRows(database().db, ['invoices', 'audit_log', 'outbox_emails'])).toEqual(before);

    const declined = await json<EstimateDetailResponse>(await post(`/estimates/${estimate.id}/decline`, { reason: 'Over budget' }));
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Over budget', canRespond: false });
    expect((await json<ErrorBody>(await post(`/estimates/${estimate.id}/decline`, {}), 409)).error.code).toBe('estimate_not_acceptable');
    expect((await json<ErrorBody>(await post(`/estimates/${estimate.id}/accept`, { name: 'Ann', confirmed: true }), 409)).error.code).toBe('estimate_not_acceptable');
  });

  it('a widget on another origin redeems an estimate link for a bearer token that names the estimate', async () => {
    const { h } = await harness();
    const estimate = await sentEstimate(h);
    const [mail] = await h.deliver();
    const response = await h.request(`/auth/sessions/${h.business.slug}`, {
      method: 'POST',
      headers: { origin: SHOP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf(linkPathIn(mail!)) }),
    });
    const signedIn = await json<SignInResponse>(response);
    expect(signedIn).toMatchObject({ estimateId: estimate.id, invoiceId: null, ticketId: null });
    const detail = await h.request(`/api/estimates/${estimate.id}`, { headers: { authorization: `Bearer ${signedIn.sessionToken}`, origin: SHOP_ORIGIN } });
    expect((await json<EstimateDetailResponse>(detail)).id).toBe(estimate.id);
  });
});
