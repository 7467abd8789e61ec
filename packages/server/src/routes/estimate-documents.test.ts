import { describeEachDatabase, normalizeExtracted, pdfToText, unzipEntry, unzipNames, unzipTest } from '@portico/core/testing';
import type { ErrorBody } from '@portico/wire';
import { expect, it } from 'vitest';
import { signInAs } from '../testing/client-sign-in.js';
import { json } from '../testing/http-assertions.js';
import { createPortalHarness, type PortalHarness } from '../testing/portal-harness.js';

const lines = [{ description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19 }];

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

async function sentEstimate(h: PortalHarness, clientId: string, overrides: { notes?: string; issueDate?: string } = {}) {
  const draft = await h.scope.estimates.create({ clientId, currency: 'EUR', issueDate: '2026-03-10', validUntil: '2026-04-09', lines, ...overrides });
  return (await h.scope.estimates.send(draft.id)).estimate;
}

describeEachDatabase('estimate documents over HTTP', (database) => {
  async function twoClients() {
    const h = await createPortalHarness(database(), {});
    const other = await h.scope.clients.create({ name: 'ООО «Ромашка»', locale: 'ru', contacts: [{ name: 'Olga', email: 'olga@romashka.test' }] });
    const alice = await signInAs(h, h.client.id, 'ann@globex.test');
    const olga = await signInAs(h, other.id, 'olga@romashka.test');
    const mine = await sentEstimate(h, h.client.id, { notes: 'Spring campaign' });
    const older = await sentEstimate(h, h.client.id, { issueDate: '2026-03-01' });
    const draft = await h.scope.estimates.create({ clientId: h.client.id, currency: 'EUR', lines, notes: 'Secret draft' });
    const theirs = await sentEstimate(h, other.id, { notes: 'Olga only' });
    await h.deliver();
    return { h, other, alice, olga, mine, older, draft, theirs };
  }

  it('GET /api/estimates/:id/pdf: the PDF, named estimate-<number>.pdf, ETag from the version, in the language asked', async () => {
    const { h, alice, olga, mine, theirs } = await twoClients();
    const response = await alice.get(`/estimates/${mine.id}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="estimate-${mine.number}.pdf"; filename*=UTF-8''estimate-${mine.number}.pdf`);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const etag = response.headers.get('etag')!;
    const pdf = await bytesOf(response);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = normalizeExtracted(await pdfToText(pdf));
    for (const expected of ['Estimate', mine.number, 'Valid until', 'April 9, 2026', 'Globex Corporation', 'Spring campaign', '€1,190.00']) expect(text).toContain(expected);

    expect((await alice.get(`/estimates/${mine.id}/pdf`, { 'if-none-match': etag })).status).toBe(304);
    // Declined: a new version, a new ETag and the new status printed.
    await alice.post(`/estimates/${mine.id}/decline`, { reason: 'Too dear' });
    const declined = await alice.get(`/estimates/${mine.id}/pdf`, { 'if-none-match': etag });
    expect(declined.status).toBe(200);
    expect(normalizeExtracted(await pdfToText(await bytesOf(declined)))).toContain('Declined');

    expect(normalizeExtracted(await pdfToText(await bytesOf(await olga.get(`/estimates/${theirs.id}/pdf`))))).toContain('Смета');
    for (const [locale, title] of [['ja', '見積書'], ['ar', 'عرض سعر'], ['de', 'Angebot']] as const) {
      const localized = normalizeExtracted(await pdfToText(await bytesOf(await olga.get(`/estimates/${theirs.id}/pdf?locale=${locale}`))));
      expect(localized, locale).toContain(title);
    }
    expect((await json<ErrorBody>(await olga.get(`/estimates/${theirs.id}/pdf?locale=xx`), 400)).error.field).toBe('locale');
    expect((await h.request(`/api/estimates/${mine.id}/pdf`)).status).toBe(401);
  });

  it('a draft, another client’s and an unknown estimate’s PDF are a 404 with no bytes of it', async () => {
    const { alice, draft, theirs } = await twoClients();
    for (const id of [draft.id, theirs.id, 'est_nothing']) {
      const response = await alice.get(`/estimates/${id}/pdf`);
      const text = await response.text();
      expect(response.status, id).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(text).error.code).toBe('estimate_not_found');
      expect(text).not.toContain(theirs.number);
    }
  });

  it('GET /api/estimates/download.zip?ids=…: the chosen estimates’ PDFs plus estimates.csv; all of them without ids', async () => {
    const { alice, mine, older } = await twoClients();
    const response = await alice.get(`/estimates/download.zip?ids=${older.id},${mine.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('estimates-');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const zip = await bytesOf(response);
    expect(await unzipTest(zip)).toContain('No errors detected');
    expect(await unzipNames(zip)).toEqual([`estimate-${older.number}.pdf`, `estimate-${mine.number}.pdf`, 'estimates.csv']);
    const csv = (await unzipEntry(zip, 'estimates.csv')).toString('utf8');
    expect(csv).toContain(`${mine.number},sent,2026-03-10,2026-04-09,EUR,1190.00,estimate-${mine.number}.pdf`);
    const pdf = await unzipEntry(zip, `estimate-${mine.number}.pdf`);
    expect(normalizeExtracted(await pdfToText(new Uint8Array(pdf)))).toContain('Spring campaign');

    const all = await bytesOf(await alice.get('/estimates/download.zip'));
    expect(await unzipNames(all)).toEqual([`estimate-${mine.number}.pdf`, `estimate-${older.number}.pdf`, 'estimates.csv']);
  });

  it('a ZIP naming a draft, another client’s or an unknown estimate is a 404 before any byte; bad input is a 400', async () => {
    const { alice, mine, draft, theirs } = await twoClients();
    for (const id of [draft.id, theirs.id, 'est_nothing']) {
      const response = await alice.get(`/estimates/download.zip?ids=${mine.id},${id}`);
      const text = await response.text();
      expect(response.status, id).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(text).error.code).toBe('estimate_not_found');
      expect(text).not.toContain('PK');
      expect(text).not.toContain(theirs.number);
    }
    expect((await json<ErrorBody>(await alice.get(`/estimates/download.zip?ids=${mine.id}&locale=xx`), 400)).error.code).toBe('invalid_input');
  });

  it('estimates are never in the invoices’ Download all', async () => {
    const { alice, mine, older } = await twoClients();
    const zip = await bytesOf(await alice.get('/invoices/download.zip'));
    const names = await unzipNames(zip);
    expect(names).toEqual([`${alice.signInInvoice.number}.pdf`, 'invoices.csv']);
    const all = Buffer.from(zip).toString('latin1');
    for (const estimate of [mine, older]) {
      expect(all).not.toContain(estimate.number);
      expect(all).not.toContain(estimate.id);
    }
    // Nor by id: an estimate's id is no invoice.
    expect(await unzipNames(await bytesOf(await alice.get(`/invoices/download.zip?ids=${mine.id}`)))).toEqual(['invoices.csv']);
  });
});
