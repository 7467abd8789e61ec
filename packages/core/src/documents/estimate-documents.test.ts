import { expect, it } from 'vitest';
import { describeEachDatabase, expectPorticoError, seedBusiness } from '../testing/index.js';
import { germanSellerProfile, italianBuyerBilling } from '../testing/lawful-parties.js';
import type { EstimateInput } from '../estimates/estimates.js';
import { createEstimatePdfRenderer, estimatePdfCacheKey } from './document-cache.js';
import { clientEstimateDocument, clientEstimateDocuments, estimateDocument } from './estimate-documents.js';
import { renderEstimatePdf, type EstimateDocumentInput } from './estimate-pdf.js';
import { estimateZipStream } from './estimate-zip.js';
import { clientInvoiceDocuments } from './client-documents.js';
import { normalizeExtracted, pdfToText, unzipEntry, unzipNames, unzipTest } from './pdf-tools.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

function estimateInput(clientId: string, overrides: Partial<EstimateInput> = {}): EstimateInput {
  return {
    clientId,
    currency: 'EUR',
    issueDate: '2026-03-10',
    validUntil: '2026-04-09',
    notes: 'Spring campaign',
    lines: [{ description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19 }],
    ...overrides,
  };
}

describeEachDatabase('estimate documents', (database) => {
  async function setup() {
    const seeded = await seedBusiness(database(), { locale: 'de', ...germanSellerProfile });
    const { scope } = seeded;
    const client = await scope.clients.update(seeded.client.id, { name: 'Globex Italia S.r.l.', ...italianBuyerBilling });
    const other = await scope.clients.create({ name: 'Initech', locale: 'ar', contacts: [{ name: 'I', email: 'i@initech.test' }] });
    const sent = async (clientId: string, overrides: Partial<EstimateInput> = {}) =>
      (await scope.estimates.send((await scope.estimates.create(estimateInput(clientId, overrides))).id)).estimate;
    const first = await sent(client.id);
    const second = await sent(client.id, { issueDate: '2026-03-09', lines: [{ description: 'Copy', quantity: 3, unitPrice: 3_333, taxRate: 7 }] });
    const draft = await scope.estimates.create(estimateInput(client.id, { notes: 'not yet' }));
    const theirs = await sent(other.id);
    const ctx = { db: database().db, clock: seeded.clock, businessId: seeded.business.id, actor: 'test' };
    return { ...seeded, client, other, first, second, draft, theirs, ctx };
  }

  it('gives the client’s own sent estimate in their language, seller and buyer as they are now, and renders it', async () => {
    const h = await setup();
    const input = await clientEstimateDocument(h.ctx, h.client.id, h.first.id);
    expect(input.locale).toBe('de');
    expect(input.estimate.lines).toHaveLength(1);
    expect(input.parties?.seller.vatId).toBe('DE123456789');
    const text = normalizeExtracted(await pdfToText(renderEstimatePdf(input)));
    for (const expected of ['Angebot', h.first.number, 'Globex Italia S.r.l.', 'Via Roma 12', 'IT12345678901', 'DE123456789', 'Gültig bis', '9. April 2026']) {
      expect(text).toContain(expected);
    }
    // An estimate is not paid: no bank details, no "pay by".
    expect(text).not.toContain('DE89');
    expect(text).not.toContain('Überweisung');
    expect((await clientEstimateDocument(h.ctx, h.client.id, h.first.id, 'ja')).locale).toBe('ja');
  });

  it('refuses a draft, another client’s and another business’s estimate as not found', async () => {
    const h = await setup();
    await expectPorticoError(clientEstimateDocument(h.ctx, h.client.id, h.draft.id), 'estimate_not_found');
    await expectPorticoError(clientEstimateDocument(h.ctx, h.client.id, h.theirs.id), 'estimate_not_found');
    await expectPorticoError(clientEstimateDocument(h.ctx, h.client.id, 'est_nope'), 'estimate_not_found');
    const otherBusiness = await seedBusiness(database());
    const foreign = { ...h.ctx, businessId: otherBusiness.business.id };
    await expectPorticoError(clientEstimateDocument(foreign, h.client.id, h.first.id), 'estimate_not_found');
    await expectPorticoError(estimateDocument(foreign, h.first.id), 'estimate_not_found');
    await expectPorticoError(clientEstimateDocument(h.ctx, h.client.id, h.first.id, 'xx' as never), 'invalid_input');
  });

  it('gives the business its draft too, in the client’s language', async () => {
    const h = await setup();
    const input = await estimateDocument(h.ctx, h.draft.id);
    expect(input.estimate.status).toBe('draft');
    const text = normalizeExtracted(await pdfToText(renderEstimatePdf(input)));
    expect(text).toContain('Angebotsentwurf');
    expect((await estimateDocument(h.ctx, h.theirs.id)).locale).toBe('ar');
  });

  it('prints the acceptance of an accepted estimate', async () => {
    const h = await setup();
    const asClient = h.api.business(h.business.id, { actor: 'client:x' });
    await asClient.estimates.acceptAsClient(h.client.id, h.first.id, { name: 'Gianni Rossi', confirmed: true, ip: '203.0.113.9' });
    const input = await clientEstimateDocument(h.ctx, h.client.id, h.first.id, 'en');
    const hash = input.estimate.acceptance!.versionHash;
    const text = normalizeExtracted(await pdfToText(renderEstimatePdf(input)));
    expect(text).toContain(`Accepted by Gianni Rossi on March 10, 2026 (version ${hash.slice(0, 12)})`);
  });

  it('for a ZIP by ids: the client’s estimates in the order asked, each once; any id not theirs refuses the whole ZIP', async () => {
    const h = await setup();
    const picked = await collect(await clientEstimateDocuments(h.ctx, h.client.id, { ids: [h.second.id, h.first.id, h.second.id] }));
    expect(picked.map((input) => input.estimate.id)).toEqual([h.second.id, h.first.id]);
    for (const bad of [h.draft.id, h.theirs.id, 'est_unknown']) {
      await expectPorticoError(clientEstimateDocuments(h.ctx, h.client.id, { ids: [h.first.id, bad] }), 'estimate_not_found');
    }
    await expectPorticoError(clientEstimateDocuments(h.ctx, h.client.id, { ids: [] }), 'invalid_input');
    await expectPorticoError(clientEstimateDocuments(h.ctx, h.client.id, { ids: [42 as never] }), 'invalid_input');
    // Without ids: every estimate the client was sent, newest first, never the draft.
    const all = await collect(await clientEstimateDocuments(h.ctx, h.client.id, {}));
    expect(all.map((input) => input.estimate.id)).toEqual([h.first.id, h.second.id]);
  });

  it('streams a ZIP of estimate-<number>.pdf files with estimates.csv', async () => {
    const h = await setup();
    const inputs = await clientEstimateDocuments(h.ctx, h.client.id, { ids: [h.first.id, h.second.id] });
    const zip = await readAll(estimateZipStream({ documents: inputs, render: renderEstimatePdf }));
    expect(await unzipTest(zip)).toContain('No errors detected');
    expect(await unzipNames(zip)).toEqual([`estimate-${h.first.number}.pdf`, `estimate-${h.second.number}.pdf`, 'estimates.csv']);
    const csv = (await unzipEntry(zip, 'estimates.csv')).toString('utf8');
    expect(csv.startsWith('\uFEFFnumber,status,issue_date,valid_until,currency,total,file\r\n')).toBe(true);
    expect(csv).toContain(`${h.first.number},sent,2026-03-10,2026-04-09,EUR,1190.00,estimate-${h.first.number}.pdf\r\n`);
    const pdf = await unzipEntry(zip, `estimate-${h.second.number}.pdf`);
    expect(normalizeExtracted(await pdfToText(new Uint8Array(pdf)))).toContain('Copy');
  });

  it('is never in the invoices’ Download all', async () => {
    const h = await setup();
    const invoices = await collect(await clientInvoiceDocuments(h.ctx, h.client.id, { query: {} }));
    expect(invoices).toEqual([]);
    const asClient = h.api.business(h.business.id, { actor: 'client:x' });
    const { invoiceId } = await asClient.estimates.acceptAsClient(h.client.id, h.first.id, { name: 'G', confirmed: true });
    // The invoice an estimate became is an invoice (a draft, unshared, until the business sends it); the estimate itself never is.
    await h.scope.invoices.send(invoiceId!);
    const after = await collect(await clientInvoiceDocuments(h.ctx, h.client.id, { query: {} }));
    expect(after.map((input) => input.invoice.id)).toEqual([invoiceId]);
  });

  it('caches an estimate PDF by version, status and locale', async () => {
    const h = await setup();
    let renders = 0;
    const renderer = createEstimatePdfRenderer({
      render: (input: EstimateDocumentInput) => {
        renders++;
        return renderEstimatePdf(input);
      },
    });
    const input = await clientEstimateDocument(h.ctx, h.client.id, h.first.id);
    const first = await renderer.render(input);
    expect(await renderer.render(await clientEstimateDocument(h.ctx, h.client.id, h.first.id))).toBe(first);
    await renderer.render(await clientEstimateDocument(h.ctx, h.client.id, h.first.id, 'ja'));
    expect(renders).toBe(2);
    const asClient = h.api.business(h.business.id, { actor: 'client:x' });
    await asClient.estimates.declineAsClient(h.client.id, h.first.id, { reason: 'Too dear' });
    const declined = await clientEstimateDocument(h.ctx, h.client.id, h.first.id);
    expect(estimatePdfCacheKey(declined)).not.toBe(estimatePdfCacheKey(input));
    await renderer.render(declined);
    expect(renders).toBe(3);
    // Expiry changes the printed status without a new version: the key follows.
    const valid = await clientEstimateDocument(h.ctx, h.client.id, h.second.id);
    h.clock.set(new Date('2026-04-10T09:00:00Z'));
    const expired = await clientEstimateDocument(h.ctx, h.client.id, h.second.id);
    expect(expired.estimate.displayStatus).toBe('expired');
    expect(expired.estimate.version).toBe(valid.estimate.version);
    expect(estimatePdfCacheKey(expired)).not.toBe(estimatePdfCacheKey(valid));
  });
});
