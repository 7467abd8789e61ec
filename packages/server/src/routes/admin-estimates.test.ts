import { countRows, describeEachDatabase, normalizeExtracted, pdfToText } from '@portico/core/testing';
import type { AdminConvertEstimateResponse, AdminEstimateDetailResponse, AdminEstimateListResponse, ErrorBody } from '@portico/wire';
import { expect, it } from 'vitest';
import { signInAs } from '../testing/client-sign-in.js';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { PORTAL_ORIGIN, createPortalHarness, type PortalHarness } from '../testing/portal-harness.js';

const lines = [{ description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19 }];
const counted = ['estimates', 'estimate_lines', 'invoices', 'invoice_lines', 'audit_log', 'outbox_emails'] as const;

describeEachDatabase('the business’s estimates over HTTP: PDF, edit, convert', (database) => {
  async function harness() {
    const h = await createPortalHarness(database(), {}, { authorizeAdmin: byStaffHeader });
    const staff = { 'x-staff': `${h.business.id}/u1`, origin: PORTAL_ORIGIN, 'content-type': 'application/json' };
    const admin = (method: string, path: string, body?: unknown) =>
      h.request(`/admin${path}`, { method, headers: staff, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    const draft = () => h.scope.estimates.create({ clientId: h.client.id, currency: 'EUR', issueDate: '2026-03-10', validUntil: '2026-04-09', lines, notes: 'Spring' });
    const sent = async () => (await h.scope.estimates.send((await draft()).id)).estimate;
    return { h, admin, draft, sent };
  }

  async function otherBusinessEstimate() {
    const other = await createPortalHarness(database());
    const draft = await other.scope.estimates.create({ clientId: other.client.id, currency: 'EUR', lines });
    return { other, theirs: (await other.scope.estimates.send(draft.id)).estimate };
  }

  it('GET /admin/estimates/:id/pdf: a draft’s PDF too, named by number, in the language asked', async () => {
    const { admin, draft } = await harness();
    const estimate = await draft();
    const response = await admin('GET', `/estimates/${estimate.id}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`estimate-${estimate.number}.pdf`);
    const text = normalizeExtracted(await pdfToText(new Uint8Array(await response.arrayBuffer())));
    for (const expected of ['Draft estimate', estimate.number, 'Valid until', 'Spring']) expect(text).toContain(expected);
    const german = normalizeExtracted(await pdfToText(new Uint8Array(await (await admin('GET', `/estimates/${estimate.id}/pdf?locale=de`)).arrayBuffer())));
    expect(german).toContain('Angebotsentwurf');
    expect((await json<ErrorBody>(await admin('GET', `/estimates/${estimate.id}/pdf?locale=xx`), 400)).error.field).toBe('locale');
  });

  it('PATCH /admin/estimates/:id edits a draft’s lines, dates and notes, and refuses bad input with nothing changed', async () => {
    const { h, admin, draft } = await harness();
    const estimate = await draft();
    const edited = await json<AdminEstimateDetailResponse>(
      await admin('PATCH', `/estimates/${estimate.id}`, {
        validUntil: '2026-05-01',
        notes: 'Summer',
        lines: [{ description: 'Photography', quantity: 2, unitPrice: 25_000, taxRate: 7 }],
      }),
    );
    expect(edited).toMatchObject({ id: estimate.id, status: 'draft', validUntil: '2026-05-01', notes: 'Summer', subtotal: 50_000, taxTotal: 3_500, total: 53_500, version: 2 });
    expect(edited.lines.map((line) => line.description)).toEqual(['Photography']);
    expect(edited.versionHash).not.toBe(estimate.versionHash);

    const before = await countRows(database().db, [...counted]);
    const cases: Array<[unknown, number, string]> = [
      [{ validUntil: '2026-02-01' }, 400, 'invalid_input'],
      [{ issueDate: 'tomorrow' }, 400, 'invalid_date'],
      [{ lines: [{ description: 'X', quantity: -1, unitPrice: 100 }] }, 400, 'invalid_quantity'],
      [{ lines: 'none' }, 400, 'invalid_input'],
      [{ currency: 'EURO' }, 400, 'unknown_currency'],
      ['[1]', 400, 'invalid_input'],
      ['', 400, 'invalid_input'],
    ];
    for (const [body, status, code] of cases) {
      expect((await json<ErrorBody>(await admin('PATCH', `/estimates/${estimate.id}`, body), status)).error.code, JSON.stringify(body)).toBe(code);
    }
    expect(await countRows(database().db, [...counted])).toEqual(before);
    expect((await h.scope.estimates.get(estimate.id)).version).toBe(2);
  });

  it('PATCH after send is a 409 estimate_not_editable, nothing changed', async () => {
    const { h, admin, sent } = await harness();
    const estimate = await sent();
    const before = await countRows(database().db, [...counted]);
    const refused = await json<ErrorBody>(await admin('PATCH', `/estimates/${estimate.id}`, { notes: 'Sneaky change' }), 409);
    expect(refused.error.code).toBe('estimate_not_editable');
    expect(refused.error.message).toContain(estimate.number);
    expect(await countRows(database().db, [...counted])).toEqual(before);
    const after = await h.scope.estimates.get(estimate.id);
    expect(after).toMatchObject({ notes: 'Spring', version: estimate.version, versionHash: estimate.versionHash });
  });

  it('POST /admin/estimates/:id/convert turns a sent estimate into a draft invoice, or a sent one, carrying every line and total', async () => {
    const { h, admin, sent } = await harness();
    const estimate = await sent();
    const converted = await json<AdminConvertEstimateResponse>(await admin('POST', `/estimates/${estimate.id}/convert`));
    expect(converted.estimate).toMatchObject({ id: estimate.id, status: 'converted', displayStatus: 'converted', invoiceId: converted.invoice.id, acceptance: null });
    expect(converted.invoice).toMatchObject({ status: 'draft', number: null, total: estimate.total, currency: 'EUR' });
    const invoice = await h.scope.invoices.get(converted.invoice.id);
    expect(invoice.lines.map(({ id: _id, ...line }) => line)).toEqual(estimate.lines.map(({ id: _id, ...line }) => line));

    const again = await json<ErrorBody>(await admin('POST', `/estimates/${estimate.id}/convert`), 409);
    expect(again.error.code).toBe('estimate_not_acceptable');

    const second = await sent();
    const sentAtOnce = await json<AdminConvertEstimateResponse>(await admin('POST', `/estimates/${second.id}/convert`, { send: true }));
    expect(sentAtOnce.invoice.status).toBe('sent');
    expect(sentAtOnce.invoice.number).toMatch(/^INV-/);
    expect(sentAtOnce.estimate.invoiceNumber).toBe(sentAtOnce.invoice.number);
    const listed = await json<AdminEstimateListResponse>(await admin('GET', '/estimates'));
    expect(listed.estimates.find((row) => row.id === second.id)).toMatchObject({ status: 'converted', invoiceNumber: sentAtOnce.invoice.number });
    expect(listed.estimates.find((row) => row.id === estimate.id)).toMatchObject({ invoiceId: converted.invoice.id, invoiceNumber: null });
  });

  it('convert refuses a draft, an accepted estimate and bad input, with nothing changed', async () => {
    const { h, admin, draft, sent } = await harness();
    const unsent = await draft();
    const accepted = await sent();
    const { post } = await signInAs(h, h.client.id, 'ann@globex.test');
    await post(`/estimates/${accepted.id}/accept`, { name: 'Ann Ledger', confirmed: true });
    const open = await sent();
    await h.deliver();
    const before = await countRows(database().db, [...counted]);
    expect((await json<ErrorBody>(await admin('POST', `/estimates/${unsent.id}/convert`), 409)).error.code).toBe('estimate_not_acceptable');
    expect((await json<ErrorBody>(await admin('POST', `/estimates/${accepted.id}/convert`), 409)).error.code).toBe('estimate_not_acceptable');
    expect((await json<ErrorBody>(await admin('POST', `/estimates/${open.id}/convert`, { send: 'yes' }), 400)).error.field).toBe('send');
    expect((await json<ErrorBody>(await admin('POST', `/estimates/${open.id}/convert`, '[true]'), 400)).error.code).toBe('invalid_input');
    expect(await countRows(database().db, [...counted])).toEqual(before);
    expect((await h.scope.estimates.get(open.id)).status).toBe('sent');
  });

  it('another business’s estimate is a 404 for the PDF, the edit and the convert, and stays as it was', async () => {
    const { admin } = await harness();
    const { other, theirs } = await otherBusinessEstimate();
    const otherDraft = await other.scope.estimates.create({ clientId: other.client.id, currency: 'EUR', lines });
    const before = await countRows(database().db, [...counted]);
    for (const response of [
      await admin('GET', `/estimates/${theirs.id}/pdf`),
      await admin('PATCH', `/estimates/${otherDraft.id}`, { notes: 'Mine now' }),
      await admin('POST', `/estimates/${theirs.id}/convert`),
      await admin('GET', '/estimates/est_nothing/pdf'),
    ]) {
      const text = await response.text();
      expect(response.status, text).toBe(404);
      expect(JSON.parse(text).error.code).toBe('estimate_not_found');
      expect(text).not.toContain(theirs.number);
    }
    expect(await countRows(database().db, [...counted])).toEqual(before);
    expect((await other.scope.estimates.get(otherDraft.id)).notes).toBeNull();
    expect((await other.scope.estimates.get(theirs.id)).status).toBe('sent');
  });

  it('without the staff check every new route is refused', async () => {
    const { h, draft } = await harness();
    const estimate = await draft();
    for (const [method, path] of [['GET', `/admin/estimates/${estimate.id}/pdf`], ['PATCH', `/admin/estimates/${estimate.id}`], ['POST', `/admin/estimates/${estimate.id}/convert`]] as const) {
      const response = await h.request(path, { method, headers: { origin: PORTAL_ORIGIN, 'content-type': 'application/json' }, body: method === 'GET' ? null : '{}' });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });
});
