import { afterAll, beforeAll, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { describeEachDatabase, draftInput, expectPorticoError } from '../testing/index.js';
import { FakeStripe } from '../testing/fake-stripe.js';
import { stripeBusiness } from '../testing/stripe-test-support.js';
import { clientInvoiceDocument, clientInvoiceDocuments } from '../documents/client-documents.js';
import { invoiceZipStream } from '../documents/invoice-zip.js';
import { startCheckout } from '../payments/stripe/checkout.js';
import { getStatement } from '../statements/statement.js';

let fake: FakeStripe;
beforeAll(async () => {
  fake = await new FakeStripe().start();
});
afterAll(async () => {
  await fake.stop();
});

async function zipOf(stream: ReadableStream<Uint8Array>): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describeEachDatabase('an invoice that was never issued', (database) => {
  async function setup() {
    const seeded = await stripeBusiness(database(), fake);
    const { scope, client } = seeded;
    // Voided as a draft, shared or not: never issued, so never the client's to see.
    const voidedDraft = await scope.invoices.create(draftInput(client.id, { notes: 'scrapped' }));
    await scope.invoices.void(voidedDraft.id);
    const voidedShared = await scope.invoices.create(draftInput(client.id, { sharedWithClient: true, issueDate: '2026-02-01', dueDate: '2026-03-01' }));
    await scope.invoices.void(voidedShared.id);
    // Issued then voided: the client was sent it, so it stays, marked void.
    const issuedThenVoided = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id, { issueDate: '2026-01-10', dueDate: '2026-02-09' }))).id);
    await scope.invoices.void(issuedThenVoided.id);
    const shared = await scope.invoices.create(draftInput(client.id, { sharedWithClient: true }));
    return { ...seeded, voidedDraft, voidedShared, issuedThenVoided, shared };
  }

  it('is not in the client’s list, its counts or its totals, whatever the filter', async () => {
    const h = await setup();
    const page = await h.scope.invoices.listForClient(h.client.id);
    const ids = page.invoices.map((invoice) => invoice.id).sort();
    expect(ids).toEqual([h.invoice.id, h.issuedThenVoided.id, h.shared.id].sort());
    expect(page.counts).toMatchObject({ draft: 1, sent: 1, void: 1, paid: 0, overdue: 0 });
    expect(page.total).toBe(3);
    const voids = await h.scope.invoices.listForClient(h.client.id, { status: 'void' });
    expect(voids.invoices.map((invoice) => invoice.id)).toEqual([h.issuedThenVoided.id]);
    expect(voids.total).toBe(1);
    expect((await h.scope.invoices.listForClient(h.client.id, { q: 'scrapped' })).total).toBe(0);
    // The business still sees all five.
    expect((await h.scope.invoices.search({ clientId: h.client.id })).total).toBe(5);
  });

  it('is not in the statement', async () => {
    const h = await setup();
    const statement = await getStatement(h.ctx, h.client.id);
    expect(statement.currencies).toHaveLength(1);
    expect(statement.currencies[0]).toMatchObject({ currency: 'EUR', outstanding: h.invoice.total, paidToDate: 0 });
  });

  it('is not found for the preview, the PDF, the checkout, and is left out of the ZIP and its CSV', async () => {
    const h = await setup();
    for (const hidden of [h.voidedDraft, h.voidedShared]) {
      await expectPorticoError(h.scope.invoices.getForClient(h.client.id, hidden.id), 'invoice_not_found');
      await expectPorticoError(clientInvoiceDocument(h.ctx, h.client.id, hidden.id), 'invoice_not_found');
      await expectPorticoError(startCheckout(h.ctx, h.deps, { clientId: h.client.id, invoiceId: hidden.id, returnUrl: 'https://x.test/' }), 'invoice_not_found');
    }
    expect((await h.scope.invoices.getForClient(h.client.id, h.issuedThenVoided.id)).displayStatus).toBe('void');

    const byQuery = await clientInvoiceDocuments(h.ctx, h.client.id, { query: {} });
    const byIds = await clientInvoiceDocuments(h.ctx, h.client.id, { ids: [h.voidedDraft.id, h.voidedShared.id, h.invoice.id] });
    for (const [documents, expected] of [
      [byQuery, 3],
      [byIds, 1],
    ] as const) {
      const files = await zipOf(invoiceZipStream({ invoices: documents, render: () => new Uint8Array([37, 80, 68, 70]) }));
      const names = Object.keys(files).filter((name) => name.endsWith('.pdf'));
      expect(names).toHaveLength(expected);
      expect(names.some((name) => name.includes(h.voidedDraft.id) || name.includes(h.voidedShared.id))).toBe(false);
      const csv = new TextDecoder().decode(files['invoices.csv']).trim().split('\r\n').slice(1);
      expect(csv).toHaveLength(expected);
      // Every row but a shared draft's has a number.
      for (const row of csv) if (!row.startsWith(',draft,')) expect(row).toMatch(/^[^,]+,/);
    }
  });
});
