import { describeEachDatabase, normalizeExtracted, pdfToText } from '@portico/core/testing';
import type { ErrorBody, InvoiceDetailResponse } from '@portico/wire';
import { expect, it } from 'vitest';
import { issuedInvoice, signInAs } from '../testing/client-sign-in.js';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { PORTAL_ORIGIN, createPortalHarness } from '../testing/portal-harness.js';

const textOf = async (response: Response) => normalizeExtracted(await pdfToText(new Uint8Array(await response.arrayBuffer())));

describeEachDatabase('receipts and statements over HTTP', (database) => {
  async function harness() {
    const h = await createPortalHarness(database(), { invoicePrefix: 'HP-' }, { authorizeAdmin: byStaffHeader });
    const other = await h.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill', email: 'bill@initech.test' }] });
    const ann = await signInAs(h, h.client.id, 'ann@globex.test');
    const bill = await signInAs(h, other.id, 'bill@initech.test');
    const invoice = await issuedInvoice(h.scope, h.client.id, 1_000_00);
    const { payment } = await h.scope.payments.record({ invoiceId: invoice.id, amount: 400_00, method: 'bank_transfer', sendReceipt: false });
    const staff = { 'x-staff': `${h.business.id}/u1`, origin: PORTAL_ORIGIN };
    const admin = (path: string) => h.request(`/admin${path}`, { headers: staff });
    return { h, other, ann, bill, invoice, payment, admin };
  }

  it('GET /api/invoices/:id/payments/:paymentId/receipt.pdf: the receipt, named by its number, linked from the invoice by the payment id', async () => {
    const { ann, invoice, payment } = await harness();
    const detail = await json<InvoiceDetailResponse>(await ann.get(`/invoices/${invoice.id}`), 200);
    expect(detail.payments.map((entry) => entry.id)).toEqual([payment.id]);
    const response = await ann.get(`/invoices/${invoice.id}/payments/${payment.id}/receipt.pdf?locale=de`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`receipt-${invoice.number}-1.pdf`);
    const etag = response.headers.get('etag')!;
    const text = await textOf(response);
    for (const expected of ['Quittung', `${invoice.number}-1`, 'Globex Corporation', 'Überweisung', normalizeExtracted('400,00 €'), normalizeExtracted('600,00 €')]) {
      expect(text).toContain(expected);
    }
    expect((await ann.get(`/invoices/${invoice.id}/payments/${payment.id}/receipt.pdf?locale=de`, { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers 404 with nothing of it for another client’s receipt, another invoice’s payment or an unknown one, and 400 for a bad locale', async () => {
    const { h, ann, bill, invoice, payment, other } = await harness();
    const theirs = await issuedInvoice(h.scope, other.id, 50_00);
    const theirPayment = (await h.scope.payments.record({ invoiceId: theirs.id, amount: 50_00, sendReceipt: false })).payment;
    for (const [session, path, code] of [
      [bill, `/invoices/${invoice.id}/payments/${payment.id}/receipt.pdf`, 'invoice_not_found'],
      [ann, `/invoices/${invoice.id}/payments/${theirPayment.id}/receipt.pdf`, 'payment_not_found'],
      [ann, `/invoices/${invoice.id}/payments/pay_nothing/receipt.pdf`, 'payment_not_found'],
    ] as const) {
      const response = await session.get(path);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect((await json<ErrorBody>(response, 404)).error.code).toBe(code);
    }
    expect((await json<ErrorBody>(await ann.get(`/invoices/${invoice.id}/payments/${payment.id}/receipt.pdf?locale=xx`), 400)).error.field).toBe('locale');
    // Without a session: 401.
    expect((await h.request(`/api/invoices/${invoice.id}/payments/${payment.id}/receipt.pdf`)).status).toBe(401);
  });

  it('GET /api/statement.pdf: the client’s own statement for the period asked, only its own invoices', async () => {
    const { h, ann, bill, invoice } = await harness();
    const response = await ann.get('/statement.pdf?from=2026-01-01&to=2026-03-31&locale=en');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`statement-${h.business.slug}-2026-01-01-2026-03-10.pdf`);
    const text = await textOf(response);
    for (const expected of ['Statement of account', 'Globex Corporation', invoice.number!, 'Opening balance', 'Closing balance', '€400.00']) expect(text).toContain(expected);
    expect(text).not.toContain('Initech');
    const theirs = await textOf(await bill.get('/statement.pdf?locale=en'));
    expect(theirs).toContain('Initech');
    expect(theirs).not.toContain(invoice.number!);
    for (const [query, field] of [
      ['from=2026-03-05&to=2026-03-01', 'from'],
      ['from=03/01/2026', 'from'],
      ['to=never', 'to'],
      ['locale=xx', 'locale'],
    ] as const) {
      expect((await json<ErrorBody>(await ann.get(`/statement.pdf?${query}`), 400)).error.field).toBe(field);
    }
  });

  it('gives the business the same receipt and any of its clients’ statements under /admin, and nothing of another business', async () => {
    const { h, ann, admin, invoice, payment, other } = await harness();
    const business = await admin(`/invoices/${invoice.id}/payments/${payment.id}/receipt.pdf?locale=en`);
    expect(business.status).toBe(200);
    const client = await ann.get(`/invoices/${invoice.id}/payments/${payment.id}/receipt.pdf?locale=en`);
    expect(Buffer.from(await business.arrayBuffer()).equals(Buffer.from(await client.arrayBuffer()))).toBe(true);
    const statement = await textOf(await admin(`/clients/${other.id}/statement.pdf?locale=en`));
    expect(statement).toContain('Initech');
    const elsewhere = await createPortalHarness(database());
    const theirs = await issuedInvoice(elsewhere.scope, elsewhere.client.id, 10_00);
    const theirPayment = (await elsewhere.scope.payments.record({ invoiceId: theirs.id, amount: 10_00, sendReceipt: false })).payment;
    expect((await json<ErrorBody>(await admin(`/invoices/${theirs.id}/payments/${theirPayment.id}/receipt.pdf`), 404)).error.code).toBe('invoice_not_found');
    expect((await json<ErrorBody>(await admin(`/clients/${elsewhere.client.id}/statement.pdf`), 404)).error.code).toBe('client_not_found');
    expect((await h.request(`/admin/clients/${other.id}/statement.pdf`)).status).toBe(401);
  });
});
