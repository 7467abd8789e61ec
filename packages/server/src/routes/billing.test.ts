import { describeEachDatabase } from '@portico/core/testing';
import { expect, it } from 'vitest';
import type { ErrorBody, InvoiceDetailResponse, InvoiceListItem, InvoiceListResponse, StatementResponse } from '@portico/wire';
import {
  SHOP_ORIGIN,
  createPortalHarness,
  linkPathIn,
  tokenOf,
  type PortalHarness,
} from '../testing/portal-harness.js';
import { issuedInvoice, signInAs } from '../testing/client-sign-in.js';
import { json } from '../testing/http-assertions.js';

describeEachDatabase('billing over HTTP', (database) => {
  it('GET /api/statement: per-currency totals as the wire describes them', async () => {
    const h = await createPortalHarness(database());
    h.clock.set('2026-03-10T22:30:00Z'); // 23:30 in Berlin, the business's time zone.
    const { get, signInInvoice } = await signInAs(h, h.client.id, 'ann@globex.test');
    const partly = await issuedInvoice(h.scope, h.client.id, 100_00, { dueDate: '2026-03-05' });
    await h.scope.payments.record({ invoiceId: partly.id, amount: 40_00, receivedAt: new Date('2026-03-06T12:00:00Z') });
    const voided = await issuedInvoice(h.scope, h.client.id, 999_00);
    await h.scope.invoices.void(voided.id);
    await h.scope.invoices.create({ clientId: h.client.id, currency: 'EUR', sharedWithClient: true, lines: [{ description: 'Draft', quantity: 1, unitPrice: 500_00 }] });
    await issuedInvoice(h.scope, h.client.id, 250, { currency: 'USD', dueDate: '2025-11-01', issueDate: '2025-10-01' });
    const soon = await issuedInvoice(h.scope, h.client.id, 30_00, { dueDate: '2026-03-10' });

    const response = await get('/statement');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await json<StatementResponse>(response)).toEqual({
      asOf: '2026-03-10',
      currencies: [
        {
          currency: 'EUR',
          paidToDate: 40_00,
          outstanding: 60_00 + soon.total + signInInvoice.total,
          overdue: 60_00,
          aging: { current: soon.total + signInInvoice.total, days1to30: 60_00, days31to60: 0, days61to90: 0, over90: 0 },
          lastPayment: { amount: 40_00, receivedAt: '2026-03-06T12:00:00.000Z', invoiceId: partly.id, invoiceNumber: partly.number },
        },
        {
          currency: 'USD',
          paidToDate: 0,
          outstanding: 250,
          overdue: 250,
          aging: { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 250 },
          lastPayment: null,
        },
      ],
    });

    // The invoice due today turns overdue when the business's day ends (midnight in Berlin, 23:00 UTC).
    h.clock.set('2026-03-10T22:59:00Z');
    expect((await json<StatementResponse>(await get('/statement'))).currencies[0]).toMatchObject({ overdue: 60_00 });
    h.clock.set('2026-03-10T23:01:00Z');
    const later = await json<StatementResponse>(await get('/statement'));
    expect(later.asOf).toBe('2026-03-11');
    expect(later.currencies[0]).toMatchObject({ overdue: 90_00, aging: { current: signInInvoice.total, days1to30: 90_00 } });
  });

  it('GET /api/invoices: filters, sorts and pages through the query string, with counts', async () => {
    const h = await createPortalHarness(database());
    const { get } = await signInAs(h, h.client.id, 'ann@globex.test');
    for (let i = 0; i < 12; i++) {
      const invoice = await issuedInvoice(h.scope, h.client.id, (i % 4) * 1000 + 500, {
        issueDate: `2026-02-${String(10 + i).padStart(2, '0')}`,
        dueDate: i % 2 ? '2026-03-01' : '2026-04-01',
        lines: [{ description: i % 3 ? `Retainer month ${i}` : `Brand workshop ${i}`, quantity: 1, unitPrice: (i % 4) * 1000 + 500 }],
      });
      if (i % 5 === 0) await h.scope.payments.record({ invoiceId: invoice.id, amount: invoice.total });
    }

    const first = await json<InvoiceListResponse>(await get('/invoices?status=overdue,paid&sort=amount&order=asc&limit=2'));
    // Due 2026-03-01 (odd i) is overdue, 2026-04-01 (even i, and the sign-in invoice) is not; i = 0, 5, 10 are paid.
    expect(first.counts).toEqual({ draft: 0, sent: 5, partially_paid: 0, overdue: 5, paid: 3, void: 0, unpaid: 10 });
    expect(first.total).toBe(8);
    expect(first.invoices).toHaveLength(2);
    expect(Object.keys(first.invoices[0]!).sort()).toEqual(
      ['amountPaid', 'balance', 'currency', 'displayStatus', 'dueDate', 'id', 'issueDate', 'number', 'status', 'total', 'version'].sort(),
    );
    const seen: InvoiceListItem[] = [...first.invoices];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await json<InvoiceListResponse>(await get(`/invoices?status=overdue&status=paid&sort=amount&order=asc&limit=2&cursor=${cursor}`));
      seen.push(...page.invoices);
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen.map((i) => i.id)).size).toBe(8);
    expect(seen.every((i) => i.displayStatus === 'overdue' || i.displayStatus === 'paid')).toBe(true);
    expect(seen.map((i) => i.total)).toEqual([...seen.map((i) => i.total)].sort((a, b) => a - b));

    const unpaid = await json<InvoiceListResponse>(await get('/invoices?status=unpaid&limit=100'));
    expect(unpaid.total).toBe(10);
    expect(unpaid.invoices.every((i) => i.balance > 0 && i.status === 'sent')).toBe(true);
    expect((await json<{ error: { field: string } }>(await get('/invoices?status=owing'), 400)).error.field).toBe('status');

    const searched = await json<InvoiceListResponse>(await get('/invoices?q=brand+WORKSHOP&from=2026-02-12&to=2026-02-20&sort=issueDate&order=desc'));
    expect(searched.invoices.map((i) => i.issueDate)).toEqual(['2026-02-19', '2026-02-16', '2026-02-13']);
    expect(searched.total).toBe(3);

    const defaults = await json<InvoiceListResponse>(await get('/invoices'));
    expect(defaults.invoices).toHaveLength(13);
    expect(defaults.nextCursor).toBeNull();
    expect(defaults.invoices[0]!.issueDate >= defaults.invoices.at(-1)!.issueDate).toBe(true);

    // Any script, any case, percent-encoded in the query string.
    const russian = await issuedInvoice(h.scope, h.client.id, 900, { lines: [{ description: 'Счёт за консультацию', quantity: 1, unitPrice: 900 }] });
    const cyrillic = await json<InvoiceListResponse>(await get(`/invoices?q=${encodeURIComponent('СЧЁТ ЗА')}`));
    expect(cyrillic.invoices.map((i) => i.id)).toEqual([russian.id]);
  });

  it('answers a bad query with 400 and a stable code naming the field', async () => {
    const h = await createPortalHarness(database());
    const { get } = await signInAs(h, h.client.id, 'ann@globex.test');
    const cases: Array<[string, string, string]> = [
      ['limit=abc', 'invalid_input', 'limit'],
      ['limit=0', 'invalid_input', 'limit'],
      ['limit=101', 'invalid_input', 'limit'],
      ['limit=-1', 'invalid_input', 'limit'],
      ['limit=1&limit=2', 'invalid_input', 'limit'],
      ['sort=total', 'invalid_input', 'sort'],
      ['order=up', 'invalid_input', 'order'],
      ['status=late', 'invalid_input', 'status'],
      ['status=sent,,bogus', 'invalid_input', 'status'],
      ['from=2026-13-01', 'invalid_date', 'from'],
      ['from=2026-03-02&to=2026-03-01', 'invalid_input', 'to'],
      ['cursor=not-a-cursor', 'invalid_input', 'cursor'],
      [`cursor=${Buffer.from('{"v":1,"s":"issueDate","o":"desc","k":"x","i":"inv_a","d":"2026-03-10"}').toString('base64url')}`, 'invalid_input', 'cursor'],
      [`q=${'x'.repeat(201)}`, 'invalid_input', 'q'],
    ];
    for (const [query, code, field] of cases) {
      const body = await json<ErrorBody>(await get(`/invoices?${query}`), 400);
      expect(body.error, query).toMatchObject({ code, field });
      expect(body.error.message.length).toBeGreaterThan(10);
    }
    // A cursor made for one sort is refused for another.
    await issuedInvoice(h.scope, h.client.id, 100);
    const page = await json<InvoiceListResponse>(await get('/invoices?limit=1&sort=amount'));
    expect((await json<ErrorBody>(await get(`/invoices?limit=1&sort=dueDate&cursor=${page.nextCursor}`), 400)).error.field).toBe('cursor');
  });

  it('GET /api/invoices/:id: the client’s own invoice in full, for the preview', async () => {
    const h = await createPortalHarness(database());
    const { get } = await signInAs(h, h.client.id, 'ann@globex.test');
    const draft = await h.scope.invoices.create({
      clientId: h.client.id,
      currency: 'EUR',
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      notes: 'Thank you!',
      lines: [
        { description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19, discount: { percent: 10 } },
        { description: 'Hosting', quantity: 1, unitPrice: 5_000, taxRate: 19 },
      ],
    });
    const invoice = await h.scope.invoices.issue(draft.id);
    await h.scope.payments.record({ invoiceId: invoice.id, amount: 10_000, method: 'bank_transfer', receivedAt: new Date('2026-03-08T10:00:00Z') });
    const body = await json<InvoiceDetailResponse>(await get(`/invoices/${invoice.id}`));
    expect(body).toEqual({
      id: invoice.id,
      number: invoice.number,
      status: 'sent',
      displayStatus: 'partially_paid',
      currency: 'EUR',
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      // Worked out by hand: 10 × 100.00 less 10%, plus 19% tax; 50.00 plus 19% tax.
      total: 113_050,
      amountPaid: 10_000,
      balance: 103_050,
      version: invoice.version + 1,
      subtotal: 105_000,
      discountTotal: 10_000,
      taxTotal: 18_050,
      notes: 'Thank you!',
      lines: [
        { description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19, taxCategory: 'standard', discountAmount: 10_000, gross: 100_000, tax: 17_100, total: 107_100 },
        { description: 'Hosting', quantity: 1, unitPrice: 5_000, taxRate: 19, taxCategory: 'standard', discountAmount: 0, gross: 5_000, tax: 950, total: 5_950 },
      ],
      payments: [{ id: expect.stringMatching(/^pay_/), amount: 10_000, refundedAmount: 0, receivedAt: '2026-03-08T10:00:00.000Z', method: 'bank_transfer' }],
      client: { name: 'Globex Corporation' },
      business: { name: 'Harbor & Pine Studio', brandColor: h.business.brandColor, logoUrl: null, locale: h.business.locale },
      // No invoice details set: names only, nothing invented.
      parties: {
        seller: { name: 'Harbor & Pine Studio', legalName: null, address: null, vatId: null, taxNumber: null, registrationNumber: null, contactEmail: null, contactPhone: null, bankAccount: null, paymentInstructions: null, paymentTermsText: null },
        buyer: { name: 'Globex Corporation', address: null, vatId: null, taxNumber: null },
      },
      taxSummary: [{ category: 'standard', rate: 19, taxableAmount: 95_000, taxAmount: 18_050 }],
      taxNotes: [],
    });
    expect(body.lines[0]!.discountAmount).toBe(10_000);
  });

  it('client A never reaches client B’s invoices, or another business’s: 404 with none of their bytes', async () => {
    const h = await createPortalHarness(database());
    const bee = await h.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill Lumbergh', email: 'bill@initech.test' }] });
    const a = await signInAs(h, h.client.id, 'ann@globex.test');
    const b = await signInAs(h, bee.id, 'bill@initech.test');
    const secret = await issuedInvoice(h.scope, bee.id, 987_654, { notes: 'Initech only: TPS reports' });
    const hiddenDraft = await h.scope.invoices.create({ clientId: h.client.id, currency: 'EUR', notes: 'Not shared yet', lines: [{ description: 'Secret plan', quantity: 1, unitPrice: 123_456 }] });
    const other = await createPortalHarness(database());
    const foreign = await issuedInvoice(other.scope, other.client.id, 555_555, { notes: 'Other business' });

    // B sees its own invoice; A does not, whatever the path.
    expect((await b.get(`/invoices/${secret.id}`)).status).toBe(200);
    for (const id of [secret.id, hiddenDraft.id, foreign.id, b.signInInvoice.id, 'inv_doesnotexist']) {
      const response = await a.get(`/invoices/${id}`);
      const text = await response.text();
      expect(response.status, id).toBe(404);
      expect(JSON.parse(text)).toEqual({ error: { code: 'invoice_not_found', message: 'No such invoice.', field: 'invoiceId' } });
      for (const leak of ['987654', '123456', '555555', 'TPS', 'Initech', 'Secret plan', 'Other business']) expect(text).not.toContain(leak);
    }
    expect((await a.get('/invoices/not-an-invoice-id')).status).toBe(404);

    const listed = await json<InvoiceListResponse>(await a.get('/invoices?limit=100'));
    expect(listed.invoices.map((i) => i.id)).toEqual([a.signInInvoice.id]);
    expect(listed.counts).toEqual({ draft: 0, sent: 1, partially_paid: 0, overdue: 0, paid: 0, void: 0, unpaid: 1 });
    const searched = await a.get('/invoices?q=TPS');
    expect(await searched.text()).not.toContain(secret.id);
    const statement = await json<StatementResponse>(await a.get('/statement'));
    expect(statement.currencies.map((c) => c.outstanding)).toEqual([a.signInInvoice.total]);
  });

  it('needs a session: 401 without one; a bearer token from an allowed origin works too', async () => {
    const h = await createPortalHarness(database());
    for (const path of ['/api/statement', '/api/invoices', '/api/invoices/inv_abc']) {
      const body = await json<ErrorBody>(await h.request(path), 401);
      expect(body.error.code).toBe('unauthenticated');
    }
    const invoice = await issuedInvoice(h.scope, h.client.id, 100);
    await h.scope.invoices.send(invoice.id);
    const [mail] = await h.deliver();
    const signIn = await h.request(`/auth/sessions/${h.business.slug}`, {
      method: 'POST',
      headers: { origin: SHOP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf(linkPathIn(mail!)) }),
    });
    const { sessionToken } = await json<{ sessionToken: string }>(signIn);
    const listed = await h.request('/api/invoices', { headers: { authorization: `Bearer ${sessionToken}`, origin: SHOP_ORIGIN } });
    expect(listed.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect((await json<InvoiceListResponse>(listed)).invoices.map((i) => i.id)).toEqual([invoice.id]);
  });
});
