import { describe, expect, it } from 'vitest';
import type { PorticoDatabase } from './db/create-database.js';
import { countRows, expectPorticoError } from './testing/assertions.js';
import { describeEachDatabase } from './testing/databases.js';
import { draftInput, seedBusiness } from './testing/fixtures.js';

const everyTable = ['businesses', 'clients', 'contacts', 'invoices', 'invoice_lines', 'payments', 'audit_log'] as const;

/** Two businesses in one database; B has a draft, a sent invoice with a payment, and a contact. */
async function twoBusinesses(database: PorticoDatabase) {
  const a = await seedBusiness(database);
  const b = await seedBusiness(database);
  const aInvoice = await a.scope.invoices.issue((await a.scope.invoices.create(draftInput(a.client.id))).id);
  const bDraft = await b.scope.invoices.create(draftInput(b.client.id));
  const bSent = await b.scope.invoices.issue((await b.scope.invoices.create(draftInput(b.client.id))).id);
  await b.scope.payments.record({ invoiceId: bSent.id, amount: 1_000, reference: 'b-ref' });
  const bContact = b.client.contacts[0]!;

  /** B's rows as B sees them, and every table's row count: what A must never change. */
  const snapshot = async () => ({
    draft: await b.scope.invoices.get(bDraft.id),
    sent: await b.scope.invoices.get(bSent.id),
    client: await b.scope.clients.get(b.client.id),
    payments: await b.scope.payments.list(),
    counts: await countRows(database.db, everyTable),
  });
  return { a, b, aInvoice, bDraft, bSent, bContact, snapshot };
}

describeEachDatabase('business isolation', (database) => {
  it("answers invoice_not_found for every call on another business's invoice, and changes nothing", async () => {
    const { a, bDraft, bSent, snapshot } = await twoBusinesses(database());
    const before = await snapshot();

    for (const id of [bDraft.id, bSent.id]) {
      const attempts = [
        () => a.scope.invoices.get(id),
        () => a.scope.invoices.update(id, { notes: 'from A' }),
        () => a.scope.invoices.issue(id),
        () => a.scope.invoices.void(id),
        () => a.scope.payments.record({ invoiceId: id, amount: 100 }),
      ];
      for (const attempt of attempts) {
        const error = await expectPorticoError(attempt(), 'invoice_not_found');
        expect(error.status).toBe(404);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an invoice for another business's client and writes nothing", async () => {
    const { a, b, snapshot } = await twoBusinesses(database());
    const aDraft = await a.scope.invoices.create(draftInput(a.client.id));
    const before = await snapshot();

    await expectPorticoError(a.scope.invoices.create(draftInput(b.client.id)), 'client_not_found');
    await expectPorticoError(a.scope.invoices.update(aDraft.id, { clientId: b.client.id }), 'client_not_found');

    expect(await snapshot()).toEqual(before);
    expect((await a.scope.invoices.get(aDraft.id)).clientId).toBe(a.client.id);
  });

  it("never lists another business's rows", async () => {
    const { a, b, aInvoice, bSent } = await twoBusinesses(database());
    expect((await a.scope.invoices.list()).map((i) => i.id)).toEqual([aInvoice.id]);
    expect(await a.scope.invoices.list({ clientId: b.client.id })).toEqual([]);
    expect((await a.scope.invoices.list({ status: ['draft', 'sent', 'overdue', 'paid', 'void'] })).map((i) => i.id)).toEqual([aInvoice.id]);
    expect((await a.scope.clients.list({ includeArchived: true })).map((c) => c.id)).toEqual([a.client.id]);
    expect(await a.scope.payments.list()).toEqual([]);
    expect(await a.scope.payments.list({ clientId: b.client.id })).toEqual([]);
    expect(await a.scope.payments.list({ invoiceId: bSent.id })).toEqual([]);
    // Both seeded clients have a contact ann@globex.test: A finds only its own.
    expect((await a.scope.contacts.findByEmail('ann@globex.test')).map((c) => c.clientId)).toEqual([a.client.id]);
    expect((await b.scope.invoices.list()).every((i) => i.clientId === b.client.id)).toBe(true);
  });

  it("cannot read or change another business's clients and contacts", async () => {
    const { a, b, bContact, snapshot } = await twoBusinesses(database());
    const before = await snapshot();

    await expectPorticoError(a.scope.clients.get(b.client.id), 'client_not_found');
    await expectPorticoError(a.scope.clients.update(b.client.id, { name: 'Hijacked' }), 'client_not_found');
    await expectPorticoError(a.scope.contacts.add(b.client.id, { name: 'Mallory', email: 'mallory@evil.test' }), 'client_not_found');
    await expectPorticoError(a.scope.contacts.update(bContact.id, { email: 'mallory@evil.test' }), 'contact_not_found');
    await expectPorticoError(a.scope.contacts.update(bContact.id, { isPrimary: true }), 'contact_not_found');
    await expectPorticoError(a.scope.contacts.remove(bContact.id), 'contact_not_found');

    expect(await snapshot()).toEqual(before);
  });

  it("does not show another business's audit history", async () => {
    const { a, bSent } = await twoBusinesses(database());
    expect(await a.scope.audit.list('invoice', bSent.id)).toEqual([]);
  });

  it('treats a payment reference as belonging to one business', async () => {
    const { a, aInvoice } = await twoBusinesses(database());
    // B already recorded 'b-ref'; the same reference in A is A's own payment.
    const recorded = await a.scope.payments.record({ invoiceId: aInvoice.id, amount: 500, reference: 'b-ref' });
    expect(recorded.duplicate).toBe(false);
    expect(recorded.invoice.amountPaid).toBe(500);
  });

  it('refuses a scope for a business that does not exist', async () => {
    const { api, client } = await seedBusiness(database());
    const ghost = api.business('biz_missing');
    const before = await countRows(database().db, everyTable);
    await expectPorticoError(ghost.invoices.create(draftInput(client.id)), 'business_not_found');
    await expectPorticoError(ghost.invoices.list(), 'business_not_found');
    await expectPorticoError(ghost.clients.create({ name: 'Nobody' }), 'business_not_found');
    expect(await countRows(database().db, everyTable)).toEqual(before);
  });
});
