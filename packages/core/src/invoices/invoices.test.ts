import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { BusinessApi } from '../api.js';
import type { PorticoSchema } from '../db/schema.js';
import { ManualClock } from '../shared/clock.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import type { InvoiceInput } from './invoices.js';

/** A draft of `draftInput`, issued: total 124950, due 2026-04-09. */
async function issuedInvoice(scope: BusinessApi, clientId: string, overrides: Partial<InvoiceInput> = {}) {
  const draft = await scope.invoices.create(draftInput(clientId, overrides));
  return scope.invoices.issue(draft.id);
}

const documentTables = ['invoices', 'invoice_lines', 'audit_log', 'businesses'] as const;

/** Postgres only: waits until some statement is waiting on a lock held by the session `pid`. */
async function untilBlockedBy(db: Kysely<PorticoSchema>, pid: number): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`.execute(db);
    if (Number(rows[0]?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Nothing ever waited on session ${pid}.`);
}

/**
 * Postgres only: edits the invoice in a transaction of its own (as an update
 * from another server process would), lets `issue` start and block on it,
 * then commits, and returns what `issue` gave.
 */
async function issueDuringEdit(
  db: Kysely<PorticoSchema>,
  scope: BusinessApi,
  invoiceId: string,
  edit: (trx: Kysely<PorticoSchema>) => Promise<void>,
) {
  const trx = await db.startTransaction().execute();
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  await edit(trx);
  const issuing = scope.invoices.issue(invoiceId).then(
    (invoice) => ({ invoice, error: undefined }),
    (error: unknown) => ({ invoice: undefined, error }),
  );
  await untilBlockedBy(db, rows[0]!.pid);
  await trx.commit().execute();
  return issuing;
}

describeEachDatabase('invoices', (database, dialect) => {
  describe('drafts', () => {
    it('creates a draft with totals worked out from its lines', async () => {
      const { scope, client, clock } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id, { notes: 'Thanks!' }));

      expect(draft).toMatchObject({
        number: null,
        clientId: client.id,
        status: 'draft',
        displayStatus: 'draft',
        currency: 'EUR',
        issueDate: '2026-03-10',
        dueDate: '2026-04-09',
        subtotal: 105_000,
        discountTotal: 0,
        taxTotal: 19_950,
        total: 124_950,
        amountPaid: 0,
        balance: 124_950,
        notes: 'Thanks!',
        sharedWithClient: false,
        version: 1,
        sentAt: null,
        paidAt: null,
        voidedAt: null,
      });
      expect(draft.id).toMatch(/^inv_/);
      expect(draft.createdAt).toEqual(clock.now());
      expect(draft.lines.map((l) => [l.position, l.description, l.quantity, l.unitPrice, l.taxRate, l.total])).toEqual([
        [0, 'Design work', 10, 10_000, 19, 119_000],
        [1, 'Hosting', 1, 5_000, 19, 5_950],
      ]);
      expect(await scope.invoices.get(draft.id)).toEqual(draft);
    });

    it('keeps fractional quantities, tax rates and discounts as written', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(
        draftInput(client.id, {
          lines: [
            { description: 'Hours', quantity: 1.125, unitPrice: 8_000, taxRate: 7.7, discount: { percent: 12.5 } },
            { description: 'Licence', quantity: 2, unitPrice: 1_000, discount: { amount: 300 } },
          ],
        }),
      );
      expect(draft.lines[0]).toMatchObject({ quantity: 1.125, taxRate: 7.7, discount: { percent: 12.5 }, gross: 9_000, discountAmount: 1_125, tax: 606, total: 8_481 });
      expect(draft.lines[1]).toMatchObject({ quantity: 2, taxRate: 0, discount: { amount: 300 }, gross: 2_000, discountAmount: 300, tax: 0, total: 1_700 });
      expect(draft.total).toBe(10_181);
    });

    it('dates a draft today in the business time zone and adds the payment terms', async () => {
      const { scope, client } = await seedBusiness(database(), { settings: { paymentTermsDays: 14 } });
      const draft = await scope.invoices.create({ clientId: client.id, currency: 'usd' });
      expect(draft).toMatchObject({ issueDate: '2026-03-10', dueDate: '2026-03-24', currency: 'USD', total: 0, lines: [] });
    });

    it('defaults to 30 days of payment terms', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create({ clientId: client.id, currency: 'EUR', issueDate: '2026-01-31' });
      expect(draft.dueDate).toBe('2026-03-02');
    });

    it('updates a draft: new lines replace the old, totals follow, the version moves on', async () => {
      const { scope, client, clock } = await seedBusiness(database());
      const other = await scope.clients.create({ name: 'Initech' });
      const draft = await scope.invoices.create(draftInput(client.id));
      clock.advanceDays(1);

      const updated = await scope.invoices.update(draft.id, {
        clientId: other.id,
        currency: 'JPY',
        dueDate: '2026-05-01',
        notes: 'Revised',
        sharedWithClient: true,
        lines: [{ description: 'Flat fee', quantity: 1, unitPrice: 50_000, taxRate: 10 }],
      });

      expect(updated).toMatchObject({
        clientId: other.id,
        currency: 'JPY',
        issueDate: '2026-03-10',
        dueDate: '2026-05-01',
        notes: 'Revised',
        sharedWithClient: true,
        subtotal: 50_000,
        taxTotal: 5_000,
        total: 55_000,
        status: 'draft',
        version: 2,
      });
      expect(updated.lines.map((l) => l.description)).toEqual(['Flat fee']);
      expect(updated.updatedAt).toEqual(clock.now());
      const lineRows = await database().db.selectFrom('invoice_lines').select('id').where('document_id', '=', draft.id).execute();
      expect(lineRows).toHaveLength(1);
    });

    it('keeps what a partial update does not mention', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));
      const updated = await scope.invoices.update(draft.id, { notes: 'Only the notes' });
      expect(updated).toMatchObject({ notes: 'Only the notes', total: draft.total, dueDate: draft.dueDate, clientId: client.id });
      expect(updated.lines.map((l) => l.id)).toEqual(draft.lines.map((l) => l.id));
    });

    it('moves a draft between currencies with the same decimals, but wants new prices across decimals', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));
      expect((await scope.invoices.update(draft.id, { currency: 'USD' })).total).toBe(draft.total);
      const refused = await expectPorticoError(scope.invoices.update(draft.id, { currency: 'JPY' }), 'invalid_input');
      expect(refused.message).toMatch(/different decimals/);
      expect((await scope.invoices.get(draft.id)).currency).toBe('USD');
      const yen = await scope.invoices.update(draft.id, { currency: 'JPY', lines: [{ description: 'Workshop', quantity: 1, unitPrice: 150_000 }] });
      expect(yen).toMatchObject({ currency: 'JPY', total: 150_000 });
    });

    it('refuses an update that moves the issue date past the due date', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));
      await expectPorticoError(scope.invoices.update(draft.id, { issueDate: '2026-05-01' }), 'due_before_issue');
      expect((await scope.invoices.get(draft.id)).issueDate).toBe('2026-03-10');
    });
  });

  describe('issuing', () => {
    it('gives issued invoices gapless sequential numbers', async () => {
      const { scope, client, clock } = await seedBusiness(database());
      const first = await issuedInvoice(scope, client.id);
      const second = await issuedInvoice(scope, client.id);
      expect([first.number, second.number]).toEqual(['INV-0001', 'INV-0002']);
      expect(first).toMatchObject({ status: 'sent', displayStatus: 'sent', version: 2, balance: 124_950 });
      expect(first.sentAt).toEqual(clock.now());
    });

    it('numbers with the business prefix, each business on its own sequence', async () => {
      const a = await seedBusiness(database(), { invoicePrefix: 'HP-2026-' });
      const b = await seedBusiness(database());
      expect((await issuedInvoice(a.scope, a.client.id)).number).toBe('HP-2026-0001');
      expect((await issuedInvoice(b.scope, b.client.id)).number).toBe('INV-0001');
      expect((await issuedInvoice(a.scope, a.client.id)).number).toBe('HP-2026-0002');
    });

    it('numbers drafts in the order they are issued, not created', async () => {
      const { scope, client } = await seedBusiness(database());
      const older = await scope.invoices.create(draftInput(client.id));
      const newer = await scope.invoices.create(draftInput(client.id));
      expect((await scope.invoices.issue(newer.id)).number).toBe('INV-0001');
      expect((await scope.invoices.issue(older.id)).number).toBe('INV-0002');
    });

    it('issuing the same invoice twice at once succeeds once and leaves no gap', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));

      const results = await Promise.allSettled([scope.invoices.issue(draft.id), scope.invoices.issue(draft.id)]);

      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      await expectPorticoError(Promise.reject(rejected[0]!.reason), 'invalid_status_transition');
      expect((await scope.invoices.get(draft.id)).number).toBe('INV-0001');
      expect((await issuedInvoice(scope, client.id)).number).toBe('INV-0002');
      const issuedEntries = (await scope.audit.list('invoice', draft.id)).filter((e) => e.action === 'invoice.issued');
      expect(issuedEntries).toHaveLength(1);
    });

    it('issuing many drafts at once hands out each number exactly once', async () => {
      const { scope, client } = await seedBusiness(database());
      const drafts = await Promise.all(Array.from({ length: 6 }, () => scope.invoices.create(draftInput(client.id))));
      const issued = await Promise.all(drafts.map((d) => scope.invoices.issue(d.id)));
      expect(issued.map((i) => i.number).sort()).toEqual(['INV-0001', 'INV-0002', 'INV-0003', 'INV-0004', 'INV-0005', 'INV-0006']);
    });

    it('refuses to issue an invoice without lines, and takes no number', async () => {
      const { scope, client } = await seedBusiness(database());
      const empty = await scope.invoices.create(draftInput(client.id, { lines: [] }));
      await expectPorticoError(scope.invoices.issue(empty.id), 'invoice_has_no_lines');
      expect(await scope.invoices.get(empty.id)).toMatchObject({ status: 'draft', number: null, version: 1 });
      expect((await issuedInvoice(scope, client.id)).number).toBe('INV-0001');
    });

    it('marks an invoice with nothing to pay paid when issued', async () => {
      const { scope, client, clock } = await seedBusiness(database());
      const free = await issuedInvoice(scope, client.id, { lines: [{ description: 'Courtesy call', quantity: 1, unitPrice: 0 }] });
      expect(free).toMatchObject({ status: 'paid', displayStatus: 'paid', number: 'INV-0001', total: 0, balance: 0 });
      expect(free.paidAt).toEqual(clock.now());
    });

    it.skipIf(dialect !== 'postgres')('decides sent or paid by the total at the moment of issue, not a stale read', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id, { lines: [{ description: 'To be priced', quantity: 1, unitPrice: 0 }] }));
      const { invoice, error } = await issueDuringEdit(database().db, scope, draft.id, async (trx) => {
        const priced = { subtotal: 50_000, total: 50_000 };
        await trx.updateTable('invoices').set(priced).where('id', '=', draft.id).execute();
        await trx.updateTable('invoice_lines').set({ unit_price: 50_000, gross: 50_000, total: 50_000 }).where('document_id', '=', draft.id).execute();
      });
      expect(error).toBeUndefined();
      expect(invoice).toMatchObject({ status: 'sent', total: 50_000, amountPaid: 0, balance: 50_000, paidAt: null });
    });

    it.skipIf(dialect !== 'postgres')('refuses to issue when the lines were removed while it waited', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));
      const { error } = await issueDuringEdit(database().db, scope, draft.id, async (trx) => {
        await trx.updateTable('invoices').set({ subtotal: 0, tax_total: 0, total: 0 }).where('id', '=', draft.id).execute();
        await trx.deleteFrom('invoice_lines').where('document_id', '=', draft.id).execute();
      });
      await expectPorticoError(Promise.reject(error), 'invoice_has_no_lines');
      expect(await scope.invoices.get(draft.id)).toMatchObject({ status: 'draft', number: null });
      expect((await issuedInvoice(scope, client.id)).number).toBe('INV-0001');
    });

    it('makes an issued invoice immutable', async () => {
      const { scope, client } = await seedBusiness(database());
      const invoice = await issuedInvoice(scope, client.id);
      const error = await expectPorticoError(scope.invoices.update(invoice.id, { notes: 'changed' }), 'invoice_not_editable');
      expect(error.status).toBe(409);
      expect(error.message).toContain('INV-0001');
      await expectPorticoError(scope.invoices.update(invoice.id, { lines: [] }), 'invoice_not_editable');
      await expectPorticoError(scope.invoices.issue(invoice.id), 'invalid_status_transition');
      expect(await scope.invoices.get(invoice.id)).toEqual(invoice);
    });
  });

  describe('voiding', () => {
    it('voids a draft', async () => {
      const { scope, client, clock } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));
      const voided = await scope.invoices.void(draft.id, 'Created by mistake');
      expect(voided).toMatchObject({ status: 'void', displayStatus: 'void', number: null, balance: 0, version: 2 });
      expect(voided.voidedAt).toEqual(clock.now());
      await expectPorticoError(scope.invoices.issue(draft.id), 'invalid_status_transition');
      await expectPorticoError(scope.invoices.update(draft.id, { notes: 'x' }), 'invoice_not_editable');
    });

    it('voids a sent invoice nothing was paid on, keeping its number', async () => {
      const { scope, client } = await seedBusiness(database());
      const invoice = await issuedInvoice(scope, client.id);
      const voided = await scope.invoices.void(invoice.id);
      expect(voided).toMatchObject({ status: 'void', number: 'INV-0001', balance: 0 });
      expect((await issuedInvoice(scope, client.id)).number).toBe('INV-0002');
    });

    it('refuses to void a sent invoice with payments', async () => {
      const { scope, client } = await seedBusiness(database());
      const invoice = await issuedInvoice(scope, client.id);
      const { invoice: partlyPaid } = await scope.payments.record({ invoiceId: invoice.id, amount: 10_000 });
      const error = await expectPorticoError(scope.invoices.void(invoice.id), 'invoice_has_payments');
      expect(error.status).toBe(409);
      expect(await scope.invoices.get(invoice.id)).toEqual(partlyPaid);
    });

    it('treats paid and void as final', async () => {
      const { scope, client } = await seedBusiness(database());
      const paid = await issuedInvoice(scope, client.id);
      await scope.payments.record({ invoiceId: paid.id, amount: paid.total });
      await expectPorticoError(scope.invoices.void(paid.id), 'invalid_status_transition');

      const voided = await scope.invoices.void((await scope.invoices.create(draftInput(client.id))).id);
      await expectPorticoError(scope.invoices.void(voided.id), 'invalid_status_transition');
      expect(await scope.invoices.get(voided.id)).toEqual(voided);
    });

    it('refuses an over-long reason without voiding', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));
      await expectPorticoError(scope.invoices.void(draft.id, 'x'.repeat(1001)), 'invalid_input');
      expect((await scope.invoices.get(draft.id)).status).toBe('draft');
    });
  });

  describe('overdue', () => {
    it('shows a sent invoice as overdue once the clock passes its due date', async () => {
      const { scope, client, clock } = await seedBusiness(database());
      const invoice = await issuedInvoice(scope, client.id); // due 2026-04-09
      const draft = await scope.invoices.create(draftInput(client.id));
      const ids = async (status: 'sent' | 'overdue' | 'draft') => (await scope.invoices.list({ status })).map((i) => i.id);

      clock.set('2026-04-09T21:59:00Z'); // 23:59 in Berlin: the due date itself
      expect((await scope.invoices.get(invoice.id)).displayStatus).toBe('sent');
      expect(await ids('overdue')).toEqual([]);
      expect(await ids('sent')).toEqual([invoice.id]);

      clock.advanceDays(1);
      expect((await scope.invoices.get(invoice.id)).displayStatus).toBe('overdue');
      expect(await ids('overdue')).toEqual([invoice.id]);
      expect(await ids('sent')).toEqual([]);
      expect(await ids('draft')).toEqual([draft.id]);
      expect((await scope.invoices.list()).find((i) => i.id === invoice.id)?.displayStatus).toBe('overdue');

      const { invoice: paid } = await scope.payments.record({ invoiceId: invoice.id, amount: invoice.total });
      expect(paid.displayStatus).toBe('paid');
      expect(await ids('overdue')).toEqual([]);
    });

    it('turns overdue after the due date as the clock advances day by day', async () => {
      const { scope, client, clock } = await seedBusiness(database());
      const invoice = await issuedInvoice(scope, client.id, { dueDate: '2026-03-12' });
      const seen: string[] = [];
      for (let day = 0; day < 4; day++) {
        seen.push((await scope.invoices.get(invoice.id)).displayStatus);
        clock.advanceDays(1);
      }
      expect(seen).toEqual(['sent', 'sent', 'sent', 'overdue']); // 10th, 11th, 12th, 13th of March
    });

    it('lists several statuses at once and refuses an unknown one', async () => {
      const { scope, client, clock } = await seedBusiness(database());
      const late = await issuedInvoice(scope, client.id, { dueDate: '2026-03-11' });
      const onTime = await issuedInvoice(scope, client.id, { dueDate: '2026-06-01' });
      await scope.invoices.create(draftInput(client.id));
      clock.advanceDays(5);
      const listed = await scope.invoices.list({ status: ['sent', 'overdue'] });
      expect(listed.map((i) => [i.id, i.displayStatus]).sort()).toEqual(
        [
          [late.id, 'overdue'],
          [onTime.id, 'sent'],
        ].sort(),
      );
      await expectPorticoError(scope.invoices.list({ status: 'late' as never }), 'invalid_input');
    });
  });

  describe('the business time zone decides "today"', () => {
    // 2026-03-10 20:00 UTC is already the 11th in Auckland (UTC+13) and still the 10th in Los Angeles (UTC−7).
    const instant = '2026-03-10T20:00:00Z';

    it('dates new drafts by the business calendar', async () => {
      const clock = new ManualClock(instant);
      const auckland = await seedBusiness(database(), { timeZone: 'Pacific/Auckland' }, clock);
      const losAngeles = await seedBusiness(database(), { timeZone: 'America/Los_Angeles' }, clock);
      const nz = await auckland.scope.invoices.create({ clientId: auckland.client.id, currency: 'NZD' });
      const us = await losAngeles.scope.invoices.create({ clientId: losAngeles.client.id, currency: 'USD' });
      expect([nz.issueDate, nz.dueDate]).toEqual(['2026-03-11', '2026-04-10']);
      expect([us.issueDate, us.dueDate]).toEqual(['2026-03-10', '2026-04-09']);
    });

    it('decides overdue by the business calendar', async () => {
      const clock = new ManualClock(instant);
      const auckland = await seedBusiness(database(), { timeZone: 'Pacific/Auckland' }, clock);
      const losAngeles = await seedBusiness(database(), { timeZone: 'America/Los_Angeles' }, clock);
      const dated = { issueDate: '2026-03-01', dueDate: '2026-03-10' };
      const nz = await issuedInvoice(auckland.scope, auckland.client.id, dated);
      const us = await issuedInvoice(losAngeles.scope, losAngeles.client.id, dated);
      expect(nz.displayStatus).toBe('overdue');
      expect(us.displayStatus).toBe('sent');
      expect((await auckland.scope.invoices.list({ status: 'overdue' })).map((i) => i.id)).toEqual([nz.id]);
      expect(await losAngeles.scope.invoices.list({ status: 'overdue' })).toEqual([]);

      await auckland.api.businesses.update(auckland.business.id, { timeZone: 'America/Los_Angeles' });
      expect((await auckland.scope.invoices.get(nz.id)).displayStatus).toBe('sent');
    });
  });

  describe('listing', () => {
    it('lists newest issue date first and filters by client', async () => {
      const { scope, client } = await seedBusiness(database());
      const other = await scope.clients.create({ name: 'Initech' });
      const march = await scope.invoices.create(draftInput(client.id, { issueDate: '2026-03-01' }));
      const april = await scope.invoices.create(draftInput(client.id, { issueDate: '2026-04-01', dueDate: '2026-04-30' }));
      const others = await scope.invoices.create(draftInput(other.id, { issueDate: '2026-02-01' }));
      expect((await scope.invoices.list()).map((i) => i.id)).toEqual([april.id, march.id, others.id]);
      expect((await scope.invoices.list({ clientId: other.id })).map((i) => i.id)).toEqual([others.id]);
      expect((await scope.invoices.list())[0]).not.toHaveProperty('lines');
    });
  });

  describe('bad input writes nothing', () => {
    const cases: Array<{ title: string; code: string; field?: string; message: RegExp; input: (clientId: string) => unknown }> = [
      { title: 'an unknown currency', code: 'unknown_currency', field: 'currency', message: /ISO 4217 currency code.*"EURO"/, input: (c) => draftInput(c, { currency: 'EURO' }) },
      { title: 'the XXX currency', code: 'unknown_currency', field: 'currency', message: /ISO 4217 currency code.*"XXX"/, input: (c) => draftInput(c, { currency: 'XXX' }) },
      {
        title: 'a negative quantity',
        code: 'invalid_quantity',
        field: 'lines.1.quantity',
        message: /^lines\.1\.quantity must be more than zero/,
        input: (c) => draftInput(c, { lines: [{ description: 'a', quantity: 1, unitPrice: 100 }, { description: 'b', quantity: -1, unitPrice: 100 }] }),
      },
      { title: 'a due date before the issue date', code: 'due_before_issue', field: 'dueDate', message: /dueDate \(2026-03-09\) cannot be before issueDate \(2026-03-10\)/, input: (c) => draftInput(c, { issueDate: '2026-03-10', dueDate: '2026-03-09' }) },
      { title: 'an impossible date', code: 'invalid_date', field: 'issueDate', message: /issueDate must be a calendar date/, input: (c) => draftInput(c, { issueDate: '2026-02-30' }) },
      {
        title: 'an amount past Number.MAX_SAFE_INTEGER',
        code: 'amount_overflow',
        message: /lines\.0 amount comes to more than the largest amount/,
        input: (c) => draftInput(c, { lines: [{ description: 'Everything', quantity: 1001, unitPrice: 9_007_199_254_740 }] }),
      },
      {
        title: 'lines that overflow only together',
        code: 'amount_overflow',
        message: /Invoice subtotal comes to more than the largest amount/,
        input: (c) =>
          draftInput(c, {
            lines: [
              { description: 'Half', quantity: 1, unitPrice: 2 ** 52 },
              { description: 'Other half', quantity: 1, unitPrice: 2 ** 52 },
            ],
          }),
      },
      { title: 'a tax rate over 100', code: 'invalid_tax_rate', message: /taxRate must be a percentage from 0 to 100/, input: (c) => draftInput(c, { lines: [{ description: 'a', quantity: 1, unitPrice: 100, taxRate: 120 }] }) },
      { title: 'a discount over the line', code: 'invalid_discount', message: /amount is more than the line's amount/, input: (c) => draftInput(c, { lines: [{ description: 'a', quantity: 1, unitPrice: 100, discount: { amount: 101 } }] }) },
      { title: 'a client that does not exist', code: 'client_not_found', field: 'clientId', message: /No client with id "cli_missing" in this business/, input: () => draftInput('cli_missing') },
      { title: 'no input at all', code: 'invalid_input', message: /needs a clientId and a currency/, input: () => null },
    ];

    it.each(cases)('refuses $title with $code on create', async ({ code, field, message, input }) => {
      const { scope, client } = await seedBusiness(database());
      const before = await countRows(database().db, documentTables);
      const error = await expectPorticoError(scope.invoices.create(input(client.id) as InvoiceInput), code as never);
      if (field !== undefined) expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(error.toJSON()).toMatchObject({ code, message: error.message });
      expect(await countRows(database().db, documentTables)).toEqual(before);
    });

    it('refuses a client of another business and writes nothing', async () => {
      const a = await seedBusiness(database());
      const b = await seedBusiness(database());
      const before = await countRows(database().db, documentTables);
      const error = await expectPorticoError(a.scope.invoices.create(draftInput(b.client.id)), 'client_not_found');
      expect(error.status).toBe(404);
      expect(error.message).toContain(b.client.id);
      expect(await countRows(database().db, documentTables)).toEqual(before);
    });

    it('refuses a bad update and leaves the draft as it was', async () => {
      const { scope, client } = await seedBusiness(database());
      const draft = await scope.invoices.create(draftInput(client.id));
      const before = await countRows(database().db, documentTables);
      await expectPorticoError(scope.invoices.update(draft.id, { lines: [{ description: 'x', quantity: -3, unitPrice: 100 }] }), 'invalid_quantity');
      await expectPorticoError(scope.invoices.update(draft.id, { currency: 'EURO' }), 'unknown_currency');
      await expectPorticoError(scope.invoices.update(draft.id, { dueDate: '2026-03-01' }), 'due_before_issue');
      await expectPorticoError(scope.invoices.update(draft.id, { clientId: 'cli_missing', notes: 'lost' }), 'client_not_found');
      await expectPorticoError(scope.invoices.update(draft.id, { lines: [{ description: 'x', quantity: 2, unitPrice: Number.MAX_SAFE_INTEGER }] }), 'amount_overflow');
      expect(await scope.invoices.get(draft.id)).toEqual(draft);
      expect(await countRows(database().db, documentTables)).toEqual(before);
    });
  });
});
