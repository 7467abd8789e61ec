import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, draftInput, expectPorticoError, seedBusiness } from '../testing/index.js';
import { clientInvoiceDocument, clientInvoiceDocuments, MAX_ZIP_INVOICES } from './client-documents.js';
import type { InvoiceDocumentInput } from './invoice-pdf.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { normalizeExtracted, pdfToText } from './pdf-tools.js';

async function collect(iterable: AsyncIterable<InvoiceDocumentInput>): Promise<InvoiceDocumentInput[]> {
  const all: InvoiceDocumentInput[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

describeEachDatabase('invoice documents for a client', (database) => {
  async function setup() {
    const seeded = await seedBusiness(database(), { invoicePrefix: 'HP-', locale: 'de' });
    const { scope, client } = seeded;
    const other = await scope.clients.create({ name: 'Initech', locale: 'ar' });
    const sent = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id);
    const paid = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id, { issueDate: '2026-01-05', dueDate: '2026-02-04' }))).id);
    await scope.payments.record({ invoiceId: paid.id, amount: paid.total });
    const hidden = await scope.invoices.create(draftInput(client.id, { notes: 'not yet' }));
    const shared = await scope.invoices.create(draftInput(client.id, { sharedWithClient: true }));
    const theirs = await scope.invoices.issue((await scope.invoices.create(draftInput(other.id))).id);
    return { ...seeded, other, sent, paid, hidden, shared, theirs };
  }

  it('gives the PDF input of the client’s own invoice, in the business’s language, and renders it', async () => {
    const h = await setup();
    const ctx = { db: database().db, clock: h.clock, businessId: h.business.id, actor: 'test' };
    const document = await clientInvoiceDocument(ctx, h.client.id, h.sent.id);
    expect(document.locale).toBe('de');
    expect(document.client.name).toBe('Globex Corporation');
    expect(document.invoice.lines).toHaveLength(2);
    const text = normalizeExtracted(await pdfToText(renderInvoicePdf(document)));
    expect(text).toContain('Globex Corporation');
    expect(text).toContain(h.sent.number!);
    expect(text).toContain('Rechnung');
  });

  it('refuses another client’s invoice and an unshared draft as not found, and allows a shared draft', async () => {
    const h = await setup();
    const ctx = { db: database().db, clock: h.clock, businessId: h.business.id, actor: 'test' };
    await expectPorticoError(clientInvoiceDocument(ctx, h.client.id, h.theirs.id), 'invoice_not_found');
    await expectPorticoError(clientInvoiceDocument(ctx, h.client.id, h.hidden.id), 'invoice_not_found');
    await expectPorticoError(clientInvoiceDocument(ctx, h.client.id, 'inv_nope'), 'invoice_not_found');
    const otherBusiness = await seedBusiness(database());
    const foreignCtx = { db: database().db, clock: h.clock, businessId: otherBusiness.business.id, actor: 'test' };
    await expectPorticoError(clientInvoiceDocument(foreignCtx, h.client.id, h.sent.id), 'invoice_not_found');
    const shared = await clientInvoiceDocument(ctx, h.client.id, h.shared.id);
    expect(shared.invoice.status).toBe('draft');
    // The other client reads in their own language.
    expect((await clientInvoiceDocument(ctx, h.other.id, h.theirs.id)).locale).toBe('ar');
  });

  it('by ids: only the client’s visible invoices, in the order asked, each once', async () => {
    const h = await setup();
    const ctx = { db: database().db, clock: h.clock, businessId: h.business.id, actor: 'test' };
    const ids = [h.paid.id, h.theirs.id, h.hidden.id, h.sent.id, 'inv_unknown', h.paid.id, h.shared.id];
    const documents = await collect(await clientInvoiceDocuments(ctx, h.client.id, { ids }));
    expect(documents.map((d) => d.invoice.id)).toEqual([h.paid.id, h.sent.id, h.shared.id]);
    expect(documents.every((d) => d.invoice.lines.length === 2)).toBe(true);
  });

  // Builds dozens of invoices through the API: seconds alone, far longer on a machine running the whole suite.
  it('by filter: the list’s filters, paged through to the end', async () => {
    const h = await setup();
    const ctx = { db: database().db, clock: h.clock, businessId: h.business.id, actor: 'test' };
    for (let i = 0; i < 120; i++) await h.scope.invoices.issue((await h.scope.invoices.create(draftInput(h.client.id, { issueDate: '2025-06-01', dueDate: '2025-07-01' }))).id);
    const all = await collect(await clientInvoiceDocuments(ctx, h.client.id, { query: {} }));
    // 120 + sent + paid + the shared draft; never the hidden draft or the other client's.
    expect(all).toHaveLength(123);
    expect(new Set(all.map((d) => d.invoice.id)).size).toBe(123);
    expect(all.map((d) => d.invoice.id)).not.toContain(h.hidden.id);
    expect(all.map((d) => d.invoice.id)).not.toContain(h.theirs.id);

    const paid = await collect(await clientInvoiceDocuments(ctx, h.client.id, { query: { status: ['paid'] } }));
    expect(paid.map((d) => d.invoice.id)).toEqual([h.paid.id]);
    const early = await collect(await clientInvoiceDocuments(ctx, h.client.id, { query: { from: '2026-01-01', to: '2026-01-31' } }));
    expect(early.map((d) => d.invoice.id)).toEqual([h.paid.id]);
  }, 60_000);

  it('checks the filter before the download starts', async () => {
    const h = await setup();
    const ctx = { db: database().db, clock: h.clock, businessId: h.business.id, actor: 'test' };
    await expectPorticoError(clientInvoiceDocuments(ctx, h.client.id, { query: { status: ['nonsense' as never] } }), 'invalid_input');
    await expectPorticoError(clientInvoiceDocuments(ctx, h.client.id, { ids: ['x'] }, 'xx' as never), 'invalid_input');
  });

  it('refuses, before the download starts, a filter matching more invoices than one ZIP can hold', async () => {
    const h = await setup();
    const ctx = { db: database().db, clock: h.clock, businessId: h.business.id, actor: 'test' };
    // Copies of the sent invoice, enough to pass the limit with the client's others (paid, shared draft).
    const columns = (await database().db.introspection.getTables()).find((table) => table.name === 'invoices')!.columns.map((column) => column.name);
    const copied = columns.map((column) =>
      column === 'id' ? sql`id || '_' || n.i` : column === 'number' ? sql`number || '_' || n.i` : sql.ref(column),
    );
    await sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${MAX_ZIP_INVOICES - 2})
      insert into invoices (${sql.join(columns.map((column) => sql.ref(column)))})
      select ${sql.join(copied)} from invoices, n where id = ${h.sent.id}`.execute(database().db);

    const error = await expectPorticoError(clientInvoiceDocuments(ctx, h.client.id, { query: {} }), 'invalid_input');
    expect(error.message).toContain(`at most ${MAX_ZIP_INVOICES} invoices and ${MAX_ZIP_INVOICES + 1} match`);
    // Narrowed, it is a ZIP again.
    const paid = await collect(await clientInvoiceDocuments(ctx, h.client.id, { query: { status: ['paid'] } }));
    expect(paid.map((d) => d.invoice.id)).toEqual([h.paid.id]);
  }, 60_000);
});
