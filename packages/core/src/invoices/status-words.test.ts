import { expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { invoiceStatusWords } from '@portico/wire';
import { describeEachDatabase, draftInput, seedBusiness } from '../testing/index.js';
import { clientInvoiceDocument, clientInvoiceDocuments } from '../documents/client-documents.js';
import { documentStrings } from '../documents/document-strings.js';
import { renderInvoicePdf } from '../documents/invoice-pdf.js';
import { invoiceZipStream } from '../documents/invoice-zip.js';
import { normalizeExtracted, pdfToText } from '../documents/pdf-tools.js';
import { supportedLocales } from '../shared/locales.js';
import { invoiceDisplayStatuses, type InvoiceDisplayStatus } from './invoice-status.js';

const flat = (text: string) => normalizeExtracted(text).replace(/\s+/gu, ' ');

it('the PDF speaks the one status vocabulary, in every language', () => {
  for (const locale of supportedLocales) expect(documentStrings[locale].paymentStatus).toBe(invoiceStatusWords[locale]);
});

describeEachDatabase('one status, the same in the list, the PDF and the CSV', (database) => {
  it('for every display status, in English and German', async () => {
    const h = await seedBusiness(database());
    const { scope, client } = h;
    // Today is 2026-03-10 in the business's zone.
    const issue = async (dueDate: string) => scope.invoices.issue((await scope.invoices.create(draftInput(client.id, { issueDate: '2026-02-01', dueDate }))).id);
    const made: Record<InvoiceDisplayStatus, string> = {
      draft: (await scope.invoices.create(draftInput(client.id, { sharedWithClient: true }))).id,
      sent: (await issue('2026-04-01')).id,
      partially_paid: '',
      overdue: '',
      paid: '',
      void: '',
    };
    const partly = await issue('2026-04-01');
    await scope.payments.record({ invoiceId: partly.id, amount: 100 });
    made.partially_paid = partly.id;
    // Past due with a partial payment: overdue, the payment shown beside it.
    const late = await issue('2026-03-01');
    await scope.payments.record({ invoiceId: late.id, amount: 100 });
    made.overdue = late.id;
    const paid = await issue('2026-03-01');
    await scope.payments.record({ invoiceId: paid.id, amount: paid.total });
    made.paid = paid.id;
    const voided = await issue('2026-04-01');
    await scope.invoices.void(voided.id);
    made.void = voided.id;
    const ctx = { db: database().db, clock: h.clock, businessId: h.business.id, actor: 'test' };

    const list = await scope.invoices.listForClient(client.id, { limit: 100 });
    const preview = new Map<string, InvoiceDisplayStatus>();
    for (const id of Object.values(made)) preview.set(id, (await scope.invoices.getForClient(client.id, id)).displayStatus);
    const files = unzipSync(
      new Uint8Array(await new Response(invoiceZipStream({ invoices: await clientInvoiceDocuments(ctx, client.id, { query: {} }), render: () => new Uint8Array([37]) })).arrayBuffer()),
    );
    const csv = new TextDecoder().decode(files['invoices.csv']).trim().split('\r\n').slice(1).map((row) => row.split(','));

    for (const status of invoiceDisplayStatuses) {
      const id = made[status];
      const entry = list.invoices.find((invoice) => invoice.id === id)!;
      expect(entry.displayStatus, `list: ${status}`).toBe(status);
      expect(preview.get(id), `preview: ${status}`).toBe(status);
      expect(list.counts[status], `count: ${status}`).toBe(1);
      const row = csv.find((fields) => fields[0] === (entry.number ?? ''))!;
      expect(row[1], `csv: ${status}`).toBe(status);
      for (const locale of ['en', 'de'] as const) {
        const text = flat(await pdfToText(renderInvoicePdf(await clientInvoiceDocument(ctx, client.id, id, locale))));
        expect(text, `pdf ${locale}: ${status}`).toContain(invoiceStatusWords[locale][status]);
      }
    }
    expect(list.counts.unpaid).toBe(3);
  });
});
