import { expect, it } from 'vitest';
import { expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';

describeEachDatabase('one invoice as its client sees it', (database) => {
  it('gives lines, payments and the client’s name for the client’s own invoice', async () => {
    const { scope, client } = await seedBusiness(database());
    const draft = await scope.invoices.create(draftInput(client.id, { notes: 'Thank you' }));
    const issued = await scope.invoices.issue(draft.id);
    await scope.payments.record({ invoiceId: issued.id, amount: 24_950, method: 'bank_transfer', receivedAt: new Date('2026-03-09T08:00:00Z') });
    const invoice = await scope.invoices.getForClient(client.id, issued.id);
    expect(invoice).toMatchObject({
      id: issued.id,
      number: issued.number,
      status: 'sent',
      displayStatus: 'partially_paid',
      total: 124_950,
      amountPaid: 24_950,
      balance: 100_000,
      notes: 'Thank you',
      clientName: 'Globex Corporation',
      payments: [{ id: expect.stringMatching(/^pay_/), amount: 24_950, refundedAmount: 0, receivedAt: new Date('2026-03-09T08:00:00Z'), method: 'bank_transfer' }],
    });
    expect(invoice.lines.map((line) => line.description)).toEqual(['Design work', 'Hosting']);
  });

  it('shows void invoices and shared drafts; hides unshared drafts and everyone else’s invoices as not found', async () => {
    const { api, scope, client } = await seedBusiness(database());
    const hidden = await scope.invoices.create(draftInput(client.id));
    const shared = await scope.invoices.create(draftInput(client.id, { sharedWithClient: true }));
    const voided = await scope.invoices.void((await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id)).id);
    const neighbour = await scope.clients.create({ name: 'Initech' });
    const theirs = await scope.invoices.issue((await scope.invoices.create(draftInput(neighbour.id))).id);
    const other = await seedBusiness(database());
    const foreign = await other.scope.invoices.issue((await other.scope.invoices.create(draftInput(other.client.id))).id);

    expect((await scope.invoices.getForClient(client.id, shared.id)).status).toBe('draft');
    expect((await scope.invoices.getForClient(client.id, voided.id)).displayStatus).toBe('void');
    for (const id of [hidden.id, theirs.id, foreign.id, 'inv_nothing']) {
      const error = await expectPorticoError(scope.invoices.getForClient(client.id, id), 'invoice_not_found');
      expect(error.message).not.toContain(id);
    }
    await expectPorticoError(api.business(other.business.id).invoices.getForClient(client.id, voided.id), 'invoice_not_found');
    await expectPorticoError(scope.invoices.getForClient(neighbour.id, voided.id), 'invoice_not_found');
  });
});
