import { beforeAll, describe, expect, it } from 'vitest';
import type { BusinessApi } from '../api.js';
import { addDays } from '../businesses/business-today.js';
import { expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness, type SeededBusiness } from '../testing/fixtures.js';
import { encodeInvoiceCursor } from './invoice-cursor.js';
import type { InvoiceListEntry, InvoiceListQuery, InvoiceSortField } from './invoice-list.js';
import type { InvoiceSummary } from './invoice-model.js';
import type { InvoiceDisplayStatus } from './invoice-status.js';

type Kind = 'draft' | 'shared-draft' | 'sent' | 'paid' | 'part-paid' | 'void';

interface Spec {
  kind: Kind;
  issueDate: string;
  dueDate: string;
  amount: number;
  description?: string;
  notes?: string;
  currency?: string;
}

/** Makes one invoice of `spec` (issued, paid, voided as asked); its total is `amount`. */
async function make(scope: BusinessApi, clientId: string, spec: Spec): Promise<InvoiceSummary> {
  const draft = await scope.invoices.create({
    clientId,
    currency: spec.currency ?? 'EUR',
    issueDate: spec.issueDate,
    dueDate: spec.dueDate,
    notes: spec.notes ?? null,
    sharedWithClient: spec.kind === 'shared-draft',
    lines: [{ description: spec.description ?? 'Consulting', quantity: 1, unitPrice: spec.amount }],
  });
  if (spec.kind === 'draft' || spec.kind === 'shared-draft') return draft;
  const issued = await scope.invoices.issue(draft.id);
  if (spec.kind === 'void') return scope.invoices.void(issued.id);
  if (spec.kind === 'paid') return (await scope.payments.record({ invoiceId: issued.id, amount: spec.amount })).invoice;
  if (spec.kind === 'part-paid') return (await scope.payments.record({ invoiceId: issued.id, amount: 1 })).invoice;
  return issued;
}

const kinds: Kind[] = ['draft', 'shared-draft', 'sent', 'paid', 'void', 'sent', 'part-paid', 'sent'];

/** A varied book: ties in every sort key, every status, due dates either side of today (2026-03-10). */
function specFor(i: number): Spec {
  const issueDate = addDays('2026-01-01', (i * 7) % 60);
  return {
    kind: kinds[i % kinds.length]!,
    issueDate,
    dueDate: addDays(issueDate, (i % 4) * 15),
    amount: (((i * 37) % 11) + 1) * 1000,
    description: i % 5 === 0 ? `Brand workshop ${i}` : `Consulting ${i}`,
    notes: i % 9 === 0 ? 'Paid by transfer, thanks' : undefined,
  };
}

const visibleToClient = (invoice: InvoiceSummary) => invoice.number !== null || (invoice.status === 'draft' && invoice.sharedWithClient);

function keyOf(sort: InvoiceSortField, entry: InvoiceListEntry): string | number {
  const rank: Record<InvoiceDisplayStatus, number> = { draft: 0, sent: 1, partially_paid: 2, overdue: 3, paid: 4, void: 5 };
  return {
    issueDate: entry.issueDate,
    dueDate: entry.dueDate,
    amount: entry.total,
    number: entry.number ?? '',
    status: rank[entry.displayStatus],
  }[sort];
}

/** Every page of a listing, following nextCursor; `between` runs after each page. */
async function pageThrough(
  list: (query: InvoiceListQuery) => Promise<{ invoices: InvoiceListEntry[]; nextCursor: string | null }>,
  query: InvoiceListQuery,
  between: (page: number, last: InvoiceListEntry | undefined) => Promise<void> = async () => {},
) {
  const seen: InvoiceListEntry[] = [];
  let cursor: string | null = query.cursor ?? null;
  for (let page = 0; page < 1000; page++) {
    const result: { invoices: InvoiceListEntry[]; nextCursor: string | null } = await list({ ...query, cursor });
    seen.push(...result.invoices);
    if (result.nextCursor === null) return seen;
    expect(result.invoices).toHaveLength(query.limit ?? 25);
    await between(page, result.invoices.at(-1));
    cursor = result.nextCursor;
  }
  throw new Error('paging never ended');
}

function expectSorted(entries: InvoiceListEntry[], sort: InvoiceSortField, order: 'asc' | 'desc') {
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [keyOf(sort, entries[i - 1]!), keyOf(sort, entries[i]!)];
    if (order === 'asc') expect(a <= b, `${sort} ${order}: ${a} before ${b}`).toBe(true);
    else expect(a >= b, `${sort} ${order}: ${a} before ${b}`).toBe(true);
  }
}

describeEachDatabase('client invoice list', (database) => {
  describe('a book of 48 invoices', () => {
    let seeded: SeededBusiness;
    let all: InvoiceSummary[];
    let visible: InvoiceSummary[];
    const list = (query: InvoiceListQuery) => seeded.scope.invoices.listForClient(seeded.client.id, query);

    beforeAll(async () => {
      seeded = await seedBusiness(database());
      all = [];
      for (let i = 0; i < 48; i++) all.push(await make(seeded.scope, seeded.client.id, specFor(i)));
      visible = all.filter(visibleToClient);
      // Someone else's invoices, in this business and in another one, must never show.
      const neighbour = await seeded.scope.clients.create({ name: 'Initech' });
      for (let i = 0; i < 5; i++) await make(seeded.scope, neighbour.id, specFor(i + 2));
      const other = await seedBusiness(database());
      for (let i = 0; i < 5; i++) await make(other.scope, other.client.id, specFor(i + 2));
    });

    it('lists what the client may see, newest issue date first: shared drafts and void invoices, no unshared drafts', async () => {
      const page = await list({ limit: 100 });
      expect(page.invoices.map((i) => i.id).sort()).toEqual(visible.map((i) => i.id).sort());
      expect(page.total).toBe(visible.length);
      expect(page.nextCursor).toBeNull();
      expectSorted(page.invoices, 'issueDate', 'desc');
      const statuses = new Set(page.invoices.map((i) => i.displayStatus));
      expect([...statuses].sort()).toEqual(['draft', 'overdue', 'paid', 'partially_paid', 'sent', 'void']);
      for (const entry of page.invoices) {
        const source = all.find((i) => i.id === entry.id)!;
        expect(entry).toEqual({
          id: source.id,
          number: source.number,
          clientId: seeded.client.id,
          status: source.status,
          displayStatus: source.displayStatus,
          currency: 'EUR',
          issueDate: source.issueDate,
          dueDate: source.dueDate,
          total: source.total,
          amountPaid: source.amountPaid,
          balance: source.balance,
          version: source.version,
        });
        if (entry.status === 'draft') expect(source.sharedWithClient).toBe(true);
        if (entry.status === 'void') expect(entry.balance).toBe(0);
      }
    });

    it('counts per display status for the filters other than status, and a total for all of them', async () => {
      const expected = { draft: 0, sent: 0, partially_paid: 0, overdue: 0, paid: 0, void: 0, unpaid: 0 };
      for (const invoice of visible) expected[invoice.displayStatus]++;
      expected.unpaid = visible.filter((i) => i.status === 'sent' && i.balance > 0).length;
      expect(expected.overdue).toBeGreaterThan(0);
      expect(expected.sent).toBeGreaterThan(0);
      expect(expected.partially_paid).toBeGreaterThan(0);
      // A part-paid invoice past its due date reads overdue (overdue comes first).
      expect(visible.some((i) => i.amountPaid > 0 && i.status === 'sent' && i.displayStatus === 'overdue')).toBe(true);
      const page = await list({ status: ['overdue', 'paid'], limit: 5 });
      expect(page.counts).toEqual(expected);
      expect(page.total).toBe(expected.overdue + expected.paid);
      expect(page.invoices.every((i) => i.displayStatus === 'overdue' || i.displayStatus === 'paid')).toBe(true);
    });

    it('filters by unpaid: every issued invoice with a balance (sent, partially paid, overdue), alone or with others', async () => {
      const owed = visible.filter((i) => i.status === 'sent' && i.balance > 0);
      expect(new Set(owed.map((i) => i.displayStatus))).toEqual(new Set(['sent', 'partially_paid', 'overdue']));
      const page = await list({ status: 'unpaid', limit: 100 });
      expect(page.invoices.map((i) => i.id).sort()).toEqual(owed.map((i) => i.id).sort());
      expect(page.total).toBe(owed.length);
      expect(page.counts.unpaid).toBe(owed.length);
      // Overlapping filters are a union, counted once.
      const withOverdue = await list({ status: ['unpaid', 'overdue', 'paid'], limit: 100 });
      const paid = visible.filter((i) => i.displayStatus === 'paid');
      expect(withOverdue.total).toBe(owed.length + paid.length);
      expect(withOverdue.invoices).toHaveLength(owed.length + paid.length);
      const partly = await list({ status: 'partially_paid', limit: 100 });
      expect(partly.invoices.map((i) => i.id).sort()).toEqual(visible.filter((i) => i.displayStatus === 'partially_paid').map((i) => i.id).sort());
    });

    for (const sort of ['issueDate', 'dueDate', 'status', 'amount', 'number'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        it(`pages through every invoice by ${sort} ${order}, 7 at a time, with no duplicates or gaps`, async () => {
          const seen = await pageThrough(list, { sort, order, limit: 7 });
          expect(seen.map((i) => i.id).sort()).toEqual(visible.map((i) => i.id).sort());
          expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
          expectSorted(seen, sort, order);
        });
      }
    }

    it('sorts by status as draft, sent, partially paid, overdue, paid, void', async () => {
      const seen = await pageThrough(list, { sort: 'status', order: 'asc', limit: 100 });
      const order = [...new Set(seen.map((i) => i.displayStatus))];
      expect(order).toEqual(['draft', 'sent', 'partially_paid', 'overdue', 'paid', 'void']);
    });

    it('filters by status, issue-date range and text together, with any sort', async () => {
      const from = '2026-01-15';
      const to = '2026-02-10';
      const expected = visible.filter(
        (i) => (i.displayStatus === 'overdue' || i.displayStatus === 'void') && i.issueDate >= from && i.issueDate <= to,
      );
      expect(expected.length).toBeGreaterThan(1);
      const seen = await pageThrough(list, { status: ['overdue', 'void'], from, to, sort: 'amount', order: 'asc', limit: 2 });
      expect(seen.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());
      expectSorted(seen, 'amount', 'asc');

      const workshops = visible.filter((i) => i.issueDate >= from && all.indexOf(i) % 5 === 0);
      const found = await list({ q: 'WORKSHOP', from, limit: 100, sort: 'dueDate', order: 'asc' });
      expect(found.invoices.map((i) => i.id).sort()).toEqual(workshops.map((i) => i.id).sort());
      expect(found.total).toBe(workshops.length);
      expectSorted(found.invoices, 'dueDate', 'asc');
    });

    it('finds text in the number, a line description or the notes', async () => {
      const numbered = visible.find((i) => i.number !== null)!;
      const byNumber = await list({ q: numbered.number!.toLowerCase() });
      expect(byNumber.invoices.map((i) => i.id)).toContain(numbered.id);
      expect(byNumber.invoices.every((i) => i.number?.includes(numbered.number!))).toBe(true);

      const byNotes = await list({ q: 'by transfer', limit: 100 });
      const noted = visible.filter((i) => i.notes === 'Paid by transfer, thanks');
      expect(byNotes.invoices.map((i) => i.id).sort()).toEqual(noted.map((i) => i.id).sort());

      const byLine = await list({ q: 'Consulting 13' });
      expect(byLine.invoices.map((i) => i.id)).toEqual(visible.filter((i) => all.indexOf(i) === 13).map((i) => i.id));

      expect((await list({ q: 'nothing like this' })).invoices).toEqual([]);
    });

    it('never finds an unshared draft, whatever the search', async () => {
      const hidden = all.filter((i) => !visibleToClient(i));
      expect(hidden.length).toBeGreaterThan(0);
      for (const invoice of hidden) {
        const index = all.indexOf(invoice);
        const found = await list({ q: `${index % 5 === 0 ? 'Brand workshop' : 'Consulting'} ${index}`, status: ['draft'] });
        expect(found.invoices.map((i) => i.id)).not.toContain(invoice.id);
        expect(found.counts.draft).toBe(0);
      }
    });

    it('tells sent from overdue by the day the first page was read, on every page of that listing', async () => {
      const first = await list({ sort: 'status', order: 'asc', limit: 3 });
      seeded.clock.advanceDays(40);
      try {
        const rest = await pageThrough(list, { sort: 'status', order: 'asc', limit: 3, cursor: first.nextCursor });
        const seen = [...first.invoices, ...rest];
        expect(seen.map((i) => i.id).sort()).toEqual(visible.map((i) => i.id).sort());
        expect(rest.filter((i) => i.displayStatus === 'sent').length).toBeGreaterThan(0);
        // A new listing reads as of the new day: nothing sent is still before its due date.
        const fresh = await list({ status: ['sent'] });
        expect(fresh.total).toBe(0);
      } finally {
        seeded.clock.advanceDays(-40);
      }
    });
  });

  // Builds dozens of invoices through the API: seconds alone, far longer on a machine running the whole suite.
  it('pages with no duplicates and no gaps while invoices are added between pages, for every sort', async () => {
    const { scope, client } = await seedBusiness(database());
    const before: InvoiceSummary[] = [];
    for (let i = 0; i < 30; i++) before.push(await make(scope, client.id, specFor(i)));
    const original = new Set(before.filter(visibleToClient).map((i) => i.id));
    let added = 0;
    for (const [sort, order] of [
      ['issueDate', 'desc'],
      ['amount', 'asc'],
      ['status', 'asc'],
      ['number', 'desc'],
    ] as const) {
      const seen = await pageThrough(
        (query) => scope.invoices.listForClient(client.id, query),
        { sort, order, limit: 4 },
        async (page, last) => {
          // One copy of the row the page ended on (the same sort key), and one elsewhere.
          await make(scope, client.id, { kind: 'sent', issueDate: last!.issueDate, dueDate: last!.dueDate, amount: last!.total });
          await make(scope, client.id, specFor(100 + page + added));
          added += 2;
        },
      );
      const ids = seen.map((i) => i.id);
      expect(new Set(ids).size, `${sort} ${order}: duplicates`).toBe(ids.length);
      for (const id of original) expect(ids, `${sort} ${order}: gap`).toContain(id);
      expectSorted(seen, sort, order);
    }
  }, 60_000);

  it('sees a sent invoice turn overdue as the clock passes its due date', async () => {
    const { scope, client, clock } = await seedBusiness(database());
    const invoice = await make(scope, client.id, { kind: 'sent', issueDate: '2026-03-01', dueDate: '2026-03-11', amount: 500 });
    const statusOf = async () => (await scope.invoices.listForClient(client.id)).invoices.find((i) => i.id === invoice.id)!.displayStatus;
    expect(await statusOf()).toBe('sent');
    clock.advanceDays(1);
    expect(await statusOf()).toBe('sent');
    clock.advanceDays(1);
    expect(await statusOf()).toBe('overdue');
    expect((await scope.invoices.listForClient(client.id, { status: 'overdue' })).invoices.map((i) => i.id)).toEqual([invoice.id]);
    expect((await scope.invoices.listForClient(client.id)).counts).toMatchObject({ sent: 0, overdue: 1 });
  });

  it('takes %, _ and \\ in a search literally', async () => {
    const { scope, client } = await seedBusiness(database());
    const percent = await make(scope, client.id, { kind: 'sent', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 100, description: '100% discount' });
    const underscore = await make(scope, client.id, { kind: 'sent', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 100, description: 'snake_case' });
    const backslash = await make(scope, client.id, { kind: 'sent', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 100, notes: 'C:\\work' });
    await make(scope, client.id, { kind: 'sent', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 100, description: '1000 discount snakeXcase' });
    const ids = async (q: string) => (await scope.invoices.listForClient(client.id, { q })).invoices.map((i) => i.id);
    expect(await ids('0%')).toEqual([percent.id]);
    expect(await ids('e_c')).toEqual([underscore.id]);
    expect(await ids(':\\w')).toEqual([backslash.id]);
    expect(await ids('%')).toEqual([percent.id]);
  });

  it('refuses bad queries field by field, and cursors it did not make', async () => {
    const { scope, client } = await seedBusiness(database());
    for (let i = 0; i < 3; i++) await make(scope, client.id, specFor(i + 2));
    const list = (query: InvoiceListQuery) => scope.invoices.listForClient(client.id, query);
    const fieldOf = async (query: InvoiceListQuery, code: 'invalid_input' | 'invalid_date' = 'invalid_input') =>
      (await expectPorticoError(list(query), code)).field;

    expect(await fieldOf({ status: ['late' as InvoiceDisplayStatus] })).toBe('status');
    expect(await fieldOf({ sort: 'total' as InvoiceSortField })).toBe('sort');
    expect(await fieldOf({ order: 'up' as 'asc' })).toBe('order');
    expect(await fieldOf({ limit: 0 })).toBe('limit');
    expect(await fieldOf({ limit: 101 })).toBe('limit');
    expect(await fieldOf({ limit: 2.5 })).toBe('limit');
    expect(await fieldOf({ from: '2026-02-30' }, 'invalid_date')).toBe('from');
    expect(await fieldOf({ from: '2026-03-02', to: '2026-03-01' })).toBe('to');
    expect(await fieldOf({ q: 'x'.repeat(201) })).toBe('q');

    const page = await list({ limit: 1, sort: 'amount', order: 'asc' });
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    // Another sort's cursor, garbage, tampered keys and dates: all refused on `cursor`.
    expect(await fieldOf({ limit: 1, sort: 'issueDate', cursor: page.nextCursor })).toBe('cursor');
    expect(await fieldOf({ cursor: 'not a cursor' })).toBe('cursor');
    expect(await fieldOf({ cursor: Buffer.from('{"v":1').toString('base64url') })).toBe('cursor');
    expect(await fieldOf({ cursor: Buffer.from('[1,2]').toString('base64url') })).toBe('cursor');
    const forged = (fields: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ v: 1, s: 'amount', o: 'asc', k: 5, i: 'inv_abc', d: '2026-03-10', ...fields })).toString('base64url');
    expect(await list({ sort: 'amount', order: 'asc', cursor: forged({}) })).toBeDefined();
    expect(await fieldOf({ sort: 'amount', order: 'asc', cursor: forged({ k: '5' }) })).toBe('cursor');
    expect(await fieldOf({ sort: 'amount', order: 'asc', cursor: forged({ k: 1e300 }) })).toBe('cursor');
    expect(await fieldOf({ sort: 'amount', order: 'asc', cursor: forged({ i: "inv_' or 1=1 --" }) })).toBe('cursor');
    expect(await fieldOf({ sort: 'amount', order: 'asc', cursor: forged({ d: '2026-03-11' }) })).toBe('cursor');
    expect(await fieldOf({ sort: 'amount', order: 'asc', cursor: forged({ v: 2 }) })).toBe('cursor');
    const dateCursor = encodeInvoiceCursor({ sort: 'dueDate', order: 'desc', key: 'yesterday', id: 'inv_abc', asOf: '2026-03-10' });
    expect(await fieldOf({ sort: 'dueDate', cursor: dateCursor })).toBe('cursor');

    await expectPorticoError(scope.invoices.listForClient('cli_nobody'), 'client_not_found');
  });
});

describeEachDatabase('admin invoice search', (database) => {
  it('lists the business’s invoices across clients, drafts included, with client names; filters by client', async () => {
    const { scope, client, api } = await seedBusiness(database());
    const initech = await scope.clients.create({ name: 'Initech' });
    const mine: InvoiceSummary[] = [];
    for (let i = 0; i < 10; i++) mine.push(await make(scope, i % 2 ? client.id : initech.id, specFor(i)));
    const other = await seedBusiness(database());
    await make(other.scope, other.client.id, specFor(3));

    const seen = await pageThrough((query) => scope.invoices.search(query), { limit: 3, sort: 'number', order: 'asc' });
    expect(seen.map((i) => i.id).sort()).toEqual(mine.map((i) => i.id).sort());
    const page = await scope.invoices.search({ limit: 100 });
    for (const entry of page.invoices) {
      expect(entry.clientName).toBe(entry.clientId === client.id ? 'Globex Corporation' : 'Initech');
    }
    expect(page.counts.draft).toBe(mine.filter((i) => i.status === 'draft').length);

    const initechs = await scope.invoices.search({ clientId: initech.id, limit: 100 });
    expect(initechs.invoices.map((i) => i.id).sort()).toEqual(mine.filter((i) => i.clientId === initech.id).map((i) => i.id).sort());
    expect(initechs.total).toBe(5);
    await expectPorticoError(scope.invoices.search({ clientId: other.client.id }), 'client_not_found');
    await expectPorticoError(api.business(other.business.id).invoices.search({ clientId: client.id }), 'client_not_found');
  });
});
