import { countRows, describeEachDatabase, draftInput } from '@portico/core/testing';
import { expect, it } from 'vitest';
import type { AdminInvoiceListResponse, AdminSendInvoiceResponse, ErrorBody } from '@portico/wire';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { PORTAL_ORIGIN, SHOP_ORIGIN, createPortalHarness } from '../testing/portal-harness.js';

describeEachDatabase('the business’s side over HTTP (/admin)', (database) => {
  it('is closed (401) without authorizeAdmin, and when it answers null', async () => {
    const closed = await createPortalHarness(database());
    const draft = await closed.scope.invoices.create(draftInput(closed.client.id));
    for (const [method, path] of [
      ['GET', '/admin/invoices'],
      ['POST', `/admin/invoices/${draft.id}/send`],
      ['GET', '/admin/anything'],
    ] as const) {
      const body = await json<ErrorBody>(await closed.request(path, { method, headers: { origin: PORTAL_ORIGIN, 'x-staff': `${closed.business.id}/u1` } }), 401);
      expect(body.error.code).toBe('unauthenticated');
    }
    const seen: string[] = [];
    const refusing = await createPortalHarness(database(), {}, {
      authorizeAdmin: async (request) => {
        seen.push(new URL(request.url).pathname);
        return null;
      },
    });
    const response = await refusing.request(`/admin/invoices/${draft.id}/send`, { method: 'POST', headers: { origin: PORTAL_ORIGIN } });
    expect((await json<ErrorBody>(response, 401)).error.code).toBe('unauthenticated');
    expect(seen).toEqual([`/admin/invoices/${draft.id}/send`]);
    expect((await closed.scope.invoices.get(draft.id)).status).toBe('draft');
  });

  it('GET /admin/invoices: every invoice of the business, drafts included, with client names, filtered and paged', async () => {
    const h = await createPortalHarness(database(), {}, { authorizeAdmin: byStaffHeader });
    const initech = await h.scope.clients.create({ name: 'Initech' });
    const draft = await h.scope.invoices.create(draftInput(h.client.id));
    const sent = await h.scope.invoices.issue((await h.scope.invoices.create(draftInput(initech.id, { issueDate: '2026-03-01' }))).id);
    const overdue = await h.scope.invoices.issue((await h.scope.invoices.create(draftInput(initech.id, { issueDate: '2026-02-01', dueDate: '2026-02-15' }))).id);
    const other = await createPortalHarness(database());
    await other.scope.invoices.create(draftInput(other.client.id));
    const staff = { 'x-staff': `${h.business.id}/u1` };

    const all = await json<AdminInvoiceListResponse>(await h.request('/admin/invoices', { headers: staff }));
    expect(all.invoices.map((i) => i.id)).toEqual([draft.id, sent.id, overdue.id]);
    expect(all.invoices.map((i) => [i.clientName, i.displayStatus])).toEqual([
      ['Globex Corporation', 'draft'],
      ['Initech', 'sent'],
      ['Initech', 'overdue'],
    ]);
    expect(all.invoices[1]).toMatchObject({ clientId: initech.id, number: sent.number, total: sent.total, balance: sent.total });
    expect(all.counts).toEqual({ draft: 1, sent: 1, partially_paid: 0, overdue: 1, paid: 0, void: 0, unpaid: 2 });

    const first = await json<AdminInvoiceListResponse>(await h.request(`/admin/invoices?clientId=${initech.id}&sort=dueDate&order=asc&limit=1`, { headers: staff }));
    expect(first.invoices.map((i) => i.id)).toEqual([overdue.id]);
    expect(first.total).toBe(2);
    const second = await json<AdminInvoiceListResponse>(
      await h.request(`/admin/invoices?clientId=${initech.id}&sort=dueDate&order=asc&limit=1&cursor=${first.nextCursor}`, { headers: staff }),
    );
    expect(second.invoices.map((i) => i.id)).toEqual([sent.id]);
    expect(second.nextCursor).toBeNull();

    const bad = await json<ErrorBody>(await h.request('/admin/invoices?status=late', { headers: staff }), 400);
    expect(bad.error).toMatchObject({ code: 'invalid_input', field: 'status' });
    const foreignClient = await json<ErrorBody>(await h.request(`/admin/invoices?clientId=${other.client.id}`, { headers: staff }), 404);
    expect(foreignClient.error.code).toBe('client_not_found');
  });

  it('POST /admin/invoices/:id/send: issues and emails the invoice, recorded as the host’s user', async () => {
    const h = await createPortalHarness(database(), {}, { authorizeAdmin: byStaffHeader });
    const draft = await h.scope.invoices.create(draftInput(h.client.id));
    const response = await h.request(`/admin/invoices/${draft.id}/send`, { method: 'POST', headers: { origin: PORTAL_ORIGIN, 'x-staff': `${h.business.id}/user-7` } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await json<AdminSendInvoiceResponse>(response);
    expect(body.emailsQueued).toBe(1);
    expect(body.invoice).toMatchObject({ id: draft.id, status: 'sent', displayStatus: 'sent', clientId: h.client.id, clientName: 'Globex Corporation', number: 'INV-0001' });
    expect((await h.deliver()).map((m) => m.to)).toEqual(['ann@globex.test']);
    const audit = await h.scope.audit.list('invoice', draft.id);
    expect(audit.map((entry) => entry.actor)).toContain('admin:user-7');

    // An allowed embedding origin, and a same-origin POST whose page sends Origin: null, are trusted too.
    const again = await h.request(`/admin/invoices/${draft.id}/send`, { method: 'POST', headers: { origin: SHOP_ORIGIN, 'x-staff': `${h.business.id}/user-7` } });
    expect(again.status).toBe(200);
    const nullOrigin = await h.request(`/admin/invoices/${draft.id}/send`, {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'same-origin', 'x-staff': `${h.business.id}/user-7` },
    });
    expect(nullOrigin.status).toBe(200);
  });

  it('refuses a state-changing request from a foreign Origin (or none), changing nothing', async () => {
    const h = await createPortalHarness(database(), {}, { authorizeAdmin: byStaffHeader });
    const draft = await h.scope.invoices.create(draftInput(h.client.id));
    const before = await countRows(database().db, ['invoices', 'outbox_emails', 'audit_log']);
    for (const headers of [
      { origin: 'https://evil.test' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
      {},
    ] as Array<Record<string, string>>) {
      const response = await h.request(`/admin/invoices/${draft.id}/send`, { method: 'POST', headers: { ...headers, 'x-staff': `${h.business.id}/u1` } });
      expect((await json<ErrorBody>(response, 403)).error.code).toBe('forbidden_origin');
    }
    expect(await countRows(database().db, ['invoices', 'outbox_emails', 'audit_log'])).toEqual(before);
    expect((await h.scope.invoices.get(draft.id)).status).toBe('draft');
    // Reading needs no Origin.
    expect((await h.request('/admin/invoices', { headers: { origin: 'https://evil.test', 'x-staff': `${h.business.id}/u1` } })).status).toBe(200);
  });

  it('reaches only the authorized business’s invoices: another business’s is 404; a void one is 409', async () => {
    const h = await createPortalHarness(database(), {}, { authorizeAdmin: byStaffHeader });
    const other = await createPortalHarness(database());
    const theirs = await other.scope.invoices.create(draftInput(other.client.id));
    const response = await h.request(`/admin/invoices/${theirs.id}/send`, { method: 'POST', headers: { origin: PORTAL_ORIGIN, 'x-staff': `${h.business.id}/u1` } });
    expect((await json<ErrorBody>(response, 404)).error.code).toBe('invoice_not_found');
    expect((await other.scope.invoices.get(theirs.id)).status).toBe('draft');

    const voided = await h.scope.invoices.void((await h.scope.invoices.create(draftInput(h.client.id))).id);
    const refused = await h.request(`/admin/invoices/${voided.id}/send`, { method: 'POST', headers: { origin: PORTAL_ORIGIN, 'x-staff': `${h.business.id}/u1` } });
    expect((await json<ErrorBody>(refused, 409)).error.code).toBe('invalid_status_transition');
  });

  it('treats a malformed answer from authorizeAdmin as the host’s bug: 500, nothing served', async () => {
    const h = await createPortalHarness(database(), {}, { authorizeAdmin: () => ({ businessId: '', userId: 'u1' }) });
    const response = await h.request('/admin/invoices');
    expect((await json<ErrorBody>(response, 500)).error.code).toBe('internal_error');
    expect(h.logLines.join('\n')).toContain('authorizeAdmin must return');
  });
});
