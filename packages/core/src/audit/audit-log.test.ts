import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';

describeEachDatabase('audit log', (database) => {
  it('records creating, changing, issuing and paying an invoice, oldest first', async () => {
    const { scope, client, clock } = await seedBusiness(database());
    const draft = await scope.invoices.create(draftInput(client.id));
    await scope.invoices.update(draft.id, { notes: 'Net 30' });
    const issued = await scope.invoices.issue(draft.id);
    clock.advanceDays(2);
    const { payment } = await scope.payments.record({ invoiceId: draft.id, amount: 20_000, reference: 'bank-77' });

    const entries = await scope.audit.list('invoice', draft.id);
    expect(entries.map((e) => e.action)).toEqual(['invoice.created', 'invoice.updated', 'invoice.issued', 'payment.recorded']);
    expect(entries.every((e) => e.actor === 'api' && e.entityType === 'invoice' && e.entityId === draft.id)).toBe(true);
    expect(entries[0]!.details).toEqual({ clientId: client.id, currency: 'EUR', total: 124_950 });
    expect(entries[1]!.details).toEqual({ fields: ['notes'] });
    expect(entries[2]!.details).toEqual({ number: issued.number });
    expect(entries[3]!.details).toMatchObject({ paymentId: payment.id, amount: 20_000, currency: 'EUR', reference: 'bank-77' });
    expect(entries[3]!.at).toEqual(clock.now());
  });

  it('keeps the order of entries made in the same instant', async () => {
    // The clock does not move: the log must still read in the order things happened.
    const { scope, client } = await seedBusiness(database());
    for (let round = 0; round < 5; round++) {
      const draft = await scope.invoices.create(draftInput(client.id));
      await scope.invoices.update(draft.id, { notes: 'a' });
      await scope.invoices.update(draft.id, { notes: 'b' });
      await scope.invoices.issue(draft.id);
      await scope.payments.record({ invoiceId: draft.id, amount: 100 });
      await scope.invoices.void((await scope.invoices.create(draftInput(client.id))).id);
      const entries = await scope.audit.list('invoice', draft.id);
      expect(entries.map((e) => [e.action, e.details.fields ?? null])).toEqual([
        ['invoice.created', null],
        ['invoice.updated', ['notes']],
        ['invoice.updated', ['notes']],
        ['invoice.issued', null],
        ['payment.recorded', null],
      ]);
    }
  });

  it('names the actor of a scope', async () => {
    const { api, business, client } = await seedBusiness(database());
    const admin = api.business(business.id, { actor: 'admin:user_9' });
    const draft = await admin.invoices.create(draftInput(client.id));
    await admin.invoices.void(draft.id, 'Duplicate');
    const entries = await admin.audit.list('invoice', draft.id);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['invoice.created', 'admin:user_9'],
      ['invoice.voided', 'admin:user_9'],
    ]);
    expect(entries[1]!.details).toEqual({ reason: 'Duplicate' });
  });

  it('records a payment once however often its reference arrives', async () => {
    const { scope, client } = await seedBusiness(database());
    const invoice = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id);
    await Promise.all(Array.from({ length: 5 }, () => scope.payments.record({ invoiceId: invoice.id, amount: 1_000, provider: 'stripe', reference: 'pi_once' })));
    const recorded = (await scope.audit.list('invoice', invoice.id)).filter((e) => e.action === 'payment.recorded');
    expect(recorded).toHaveLength(1);
  });

  it('records clients and their contacts', async () => {
    const { scope, client } = await seedBusiness(database());
    const contact = await scope.contacts.add(client.id, { name: 'Bob', email: 'bob@globex.test' });
    await scope.clients.update(client.id, { notes: 'VIP' });
    await scope.contacts.remove(contact.id);
    const entries = await scope.audit.list('client', client.id);
    expect(entries.map((e) => e.action)).toEqual(['client.created', 'contact.added', 'client.updated', 'contact.removed']);
  });
});
