import { ManualClock, createPorticoApi, type InvoiceSummary } from '@portico/core';
import { openTestSqlite, type TestDatabase } from '@portico/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUSINESS_SLUG, DEMO_INVOICE_COUNT, seedDemo } from './seed.js';
import { DEMO_ESTIMATE_INVOICES } from './seed-estimates.js';

const clock = new ManualClock('2026-11-20T10:00:00Z');
const today = '2026-11-20';

describe('seedDemo', () => {
  let database: TestDatabase;
  let invoices: InvoiceSummary[];
  let firstRun: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    database = await openTestSqlite();
    firstRun = await seedDemo({ database, clock, portalOrigin: 'http://localhost:4321' });
    invoices = await createPorticoApi({ db: database.db, clock }).business(firstRun.business.id).invoices.list();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('creates the studio with its settings', () => {
    const { business, seeded } = firstRun;
    expect(seeded).toBe(true);
    expect(business).toMatchObject({
      name: 'Harbor & Pine Studio',
      slug: DEMO_BUSINESS_SLUG,
      timeZone: 'Europe/Berlin',
      portalUrl: 'http://localhost:4321/portal',
      invoicePrefix: 'HP-',
    });
    expect(business.brandColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('creates eight clients, some with two contacts, in several scripts', async () => {
    const clients = await createPorticoApi({ db: database.db, clock }).business(firstRun.business.id).clients.list();
    expect(clients).toHaveLength(8);
    expect(clients.filter((c) => c.contacts.length === 2).length).toBeGreaterThanOrEqual(3);
    expect(clients.every((c) => c.contacts.length >= 1 && c.contacts.every((p) => p.email.endsWith('.test')))).toBe(true);
    expect(clients.some((c) => /[\u0400-\u04ff]/.test(c.name))).toBe(true);
    expect(clients.some((c) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(c.name))).toBe(true);
  });

  it('creates about fifty invoices over the last fourteen months, numbered in issue order', () => {
    // Plus the draft invoices two estimates became.
    expect(invoices).toHaveLength(DEMO_INVOICE_COUNT + DEMO_ESTIMATE_INVOICES);
    const dates = invoices.map((i) => i.issueDate).sort();
    expect(dates.at(-1)).toBe(today);
    expect(dates[0]! < '2025-10-01').toBe(true);
    expect(dates[0]! >= '2025-09-10').toBe(true);
    const numbered = invoices.filter((i) => i.number !== null).sort((a, b) => a.number!.localeCompare(b.number!));
    expect(numbered[0]!.number).toBe('HP-0001');
    const issueOrder = numbered.map((i) => i.issueDate);
    expect(issueOrder).toEqual([...issueOrder].sort());
  });

  it('covers every status, including overdue and partially paid', () => {
    const count = (predicate: (i: InvoiceSummary) => boolean) => invoices.filter(predicate).length;
    expect(count((i) => i.displayStatus === 'draft')).toBeGreaterThanOrEqual(2);
    expect(count((i) => i.displayStatus === 'sent')).toBeGreaterThanOrEqual(2);
    expect(count((i) => i.displayStatus === 'overdue')).toBeGreaterThanOrEqual(3);
    expect(count((i) => i.displayStatus === 'paid')).toBeGreaterThanOrEqual(25);
    expect(count((i) => i.displayStatus === 'void')).toBeGreaterThanOrEqual(2);
    const partial = invoices.filter((i) => i.status === 'sent' && i.amountPaid > 0 && i.balance > 0);
    expect(partial.length).toBeGreaterThanOrEqual(2);
    expect(partial.some((i) => i.displayStatus === 'overdue')).toBe(true);
    expect(partial.some((i) => i.displayStatus === 'partially_paid')).toBe(true);
    for (const invoice of invoices.filter((i) => i.displayStatus === 'overdue')) expect(invoice.dueDate < today).toBe(true);
    for (const invoice of invoices.filter((i) => i.displayStatus === 'sent' || i.displayStatus === 'partially_paid')) expect(invoice.dueDate >= today).toBe(true);
    for (const invoice of invoices.filter((i) => i.status === 'paid')) expect(invoice.balance).toBe(0);
  });

  it('bills in EUR and USD with taxed, tax-free and discounted lines', async () => {
    expect(new Set(invoices.map((i) => i.currency))).toEqual(new Set(['EUR', 'USD']));
    const scope = createPorticoApi({ db: database.db, clock }).business(firstRun.business.id);
    const lines = (await Promise.all(invoices.map((i) => scope.invoices.get(i.id)))).flatMap((i) => i.lines);
    expect(new Set(lines.map((l) => l.taxRate))).toEqual(new Set([0, 7, 19]));
    expect(lines.some((l) => !Number.isInteger(l.quantity))).toBe(true);
    expect(lines.some((l) => l.discount !== null && 'percent' in l.discount)).toBe(true);
    expect(lines.some((l) => l.discount !== null && 'amount' in l.discount)).toBe(true);
    expect(Math.min(...invoices.map((i) => i.total))).toBeGreaterThan(0);
  });

  it('records payments, never in the future', async () => {
    const payments = await createPorticoApi({ db: database.db, clock }).business(firstRun.business.id).payments.list();
    const paidInvoices = invoices.filter((i) => i.amountPaid > 0);
    expect(payments.length).toBeGreaterThan(paidInvoices.length); // some invoices were paid in two instalments
    expect(payments.every((p) => p.receivedAt.getTime() <= clock.now().getTime())).toBe(true);
    const byInvoice = new Map<string, number>();
    for (const p of payments) byInvoice.set(p.invoiceId, (byInvoice.get(p.invoiceId) ?? 0) + p.amount);
    for (const invoice of paidInvoices) expect(byInvoice.get(invoice.id)).toBe(invoice.amountPaid);
  });

  it('opens a few support tickets: one closed, one waiting on the client, one unread by the studio', async () => {
    const scope = createPorticoApi({ db: database.db, clock }).business(firstRun.business.id);
    const { tickets, unreadCount } = await scope.tickets.list();
    expect(tickets.map((t) => [t.clientName, t.status, t.unread])).toEqual([
      ['株式会社みなと珈琲', 'open', true],
      ['Northwind Outfitters Inc.', 'pending', false],
      ['Fjordlicht Bäckerei GmbH', 'closed', false],
    ]);
    expect(unreadCount).toBe(1);
    const closed = await scope.tickets.get(tickets[2]!.id);
    expect(closed.messages.map((m) => m.authorKind)).toEqual(['client', 'business', 'client']);
    expect(closed.messages.every((m) => m.createdAt.getTime() <= clock.now().getTime())).toBe(true);
  });

  it('makes an estimate in every state, each accepted or converted one a draft invoice linked both ways', async () => {
    const scope = createPorticoApi({ db: database.db, clock }).business(firstRun.business.id);
    const estimates = await scope.estimates.list();
    expect(new Set(estimates.map((e) => e.displayStatus))).toEqual(new Set(['draft', 'sent', 'expired', 'accepted', 'converted', 'declined']));
    expect(estimates.map((e) => e.number).sort()).toEqual(estimates.map((_, i) => `EST-${String(i + 1).padStart(4, '0')}`));
    for (const estimate of estimates.filter((e) => e.displayStatus === 'expired')) expect(estimate.validUntil < today).toBe(true);
    for (const estimate of estimates.filter((e) => e.displayStatus === 'sent')) expect(estimate.validUntil >= today).toBe(true);
    const accepted = estimates.find((e) => e.status === 'accepted')!;
    expect(accepted.acceptance).toMatchObject({ name: 'Deniz Aydın', versionHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(estimates.find((e) => e.status === 'declined')!.declineReason).toContain('autumn');
    for (const estimate of estimates.filter((e) => e.status === 'accepted' || e.status === 'converted')) {
      const invoice = await scope.invoices.get(estimate.invoiceId!);
      expect(invoice).toMatchObject({ status: 'draft', number: null, clientId: estimate.clientId, total: estimate.total, currency: estimate.currency });
    }
    for (const estimate of estimates.filter((e) => e.status !== 'accepted' && e.status !== 'converted')) expect(estimate.invoiceId).toBeNull();
    expect(estimates.every((e) => e.updatedAt.getTime() <= clock.now().getTime())).toBe(true);
  });

  it('does nothing when a business already exists', async () => {
    const again = await seedDemo({ database, clock, portalOrigin: 'http://localhost:4321' });
    expect(again.seeded).toBe(false);
    expect(again.business.id).toBe(firstRun.business.id);
    const api = createPorticoApi({ db: database.db, clock });
    expect(await api.businesses.list()).toHaveLength(1);
    expect(await api.business(firstRun.business.id).invoices.list()).toHaveLength(DEMO_INVOICE_COUNT + DEMO_ESTIMATE_INVOICES);
    expect(await api.business(firstRun.business.id).clients.list()).toHaveLength(8);
  });

  it('makes the same data on every run', async () => {
    const other = await openTestSqlite();
    try {
      const { business } = await seedDemo({ database: other, clock, portalOrigin: 'http://localhost:4321' });
      const copy = await createPorticoApi({ db: other.db, clock }).business(business.id).invoices.list();
      const shape = (list: InvoiceSummary[]) => list.map((i) => [i.number, i.displayStatus, i.currency, i.issueDate, i.total, i.amountPaid]);
      expect(shape(copy)).toEqual(shape(invoices));
    } finally {
      await other.dispose();
    }
  });
});
