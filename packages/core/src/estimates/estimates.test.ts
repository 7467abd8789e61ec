import { expect, it } from 'vitest';
import { capturedMail } from '../testing/captured-mail.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import type { BusinessInput } from '../businesses/businesses.js';
import type { EstimateInput } from './estimates.js';
import { supportedLocales } from '../shared/locales.js';


/** Two lines with tax and discounts of both kinds: 10 × 100.00 − 10% + 19%, 3 × 33.33 − 5.00 + 7.7%. */
function estimateInput(clientId: string, overrides: Partial<EstimateInput> = {}): EstimateInput {
  return {
    clientId,
    currency: 'EUR',
    issueDate: '2026-03-10',
    validUntil: '2026-03-20',
    notes: 'Spring campaign',
    lines: [
      { description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19, discount: { percent: 10 } },
      { description: 'Copy', quantity: 3, unitPrice: 3_333, taxRate: 7.7, discount: { amount: 500 } },
    ],
    ...overrides,
  };
}

describeEachDatabase('estimates', (database) => {
  async function setup(overrides: Partial<BusinessInput> = {}) {
    const seeded = await seedBusiness(database(), { settings: { notifyEmail: 'owner@harborpine.test' }, ...overrides });
    const { deliver } = capturedMail(database().db, seeded.clock, seeded.business.id);
    const sentEstimate = async (input: Partial<EstimateInput> = {}) => {
      const draft = await seeded.scope.estimates.create(estimateInput(seeded.client.id, input));
      return (await seeded.scope.estimates.send(draft.id)).estimate;
    };
    const contactId = seeded.client.contacts[0]!.id;
    const asClient = seeded.api.business(seeded.business.id, { actor: `client:${contactId}` });
    return { ...seeded, deliver, sentEstimate, asClient, contactId };
  }

  it('numbers estimates from the business’s own sequence, never two alike under concurrent creation', async () => {
    const { scope, client, api } = await setup({ estimatePrefix: 'Q-' });
    const created = await Promise.all(Array.from({ length: 20 }, () => scope.estimates.create(estimateInput(client.id))));
    const numbers = created.map((estimate) => estimate.number).sort();
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `Q-${String(i + 1).padStart(4, '0')}`));
    // Invoices keep their own sequence; another business starts at 0001.
    const invoice = await scope.invoices.issue((await scope.invoices.create({ clientId: client.id, currency: 'EUR', lines: [{ description: 'X', quantity: 1, unitPrice: 1 }] })).id);
    expect(invoice.number).toBe('INV-0001');
    const other = await api.businesses.create({ name: 'Other', portalUrl: 'https://other.test/portal' });
    const otherClient = await api.business(other.id).clients.create({ name: 'C', contacts: [{ name: 'C', email: 'c@c.test' }] });
    expect((await api.business(other.id).estimates.create(estimateInput(otherClient.id))).number).toBe('EST-0001');
  });

  it('computes lines, taxes and discounts exactly as invoices do', async () => {
    const { scope, client } = await setup();
    const estimate = await scope.estimates.create(estimateInput(client.id));
    const invoice = await scope.invoices.create({ ...estimateInput(client.id), validUntil: undefined, dueDate: '2026-04-09' } as never);
    expect(estimate).toMatchObject({ status: 'draft', displayStatus: 'draft', subtotal: invoice.subtotal, discountTotal: invoice.discountTotal, taxTotal: invoice.taxTotal, total: invoice.total });
    expect(estimate.lines.map(({ id: _id, ...line }) => line)).toEqual(invoice.lines.map(({ id: _id, ...line }) => line));
    expect(estimate.total).toBe(90_000 + 17_100 + 9_499 + 731);
  });

  it('edits a draft only: once sent, an edit is refused and changes nothing', async () => {
    const { scope, client, deliver } = await setup();
    const draft = await scope.estimates.create(estimateInput(client.id));
    const edited = await scope.estimates.update(draft.id, { lines: [{ description: 'Only line', quantity: 1, unitPrice: 5_000 }], notes: null });
    expect(edited).toMatchObject({ total: 5_000, notes: null, version: 2 });
    await expectPorticoError(scope.estimates.send((await scope.estimates.create(estimateInput(client.id, { lines: [] }))).id), 'estimate_has_no_lines');
    const { estimate, emailsQueued } = await scope.estimates.send(draft.id);
    expect(emailsQueued).toBe(1);
    expect(estimate.status).toBe('sent');
    await deliver();
    const before = await countRows(database().db, ['estimate_lines', 'audit_log', 'outbox_emails']);
    await expectPorticoError(scope.estimates.update(draft.id, { notes: 'Changed' }), 'estimate_not_editable');
    expect(await scope.estimates.get(draft.id)).toEqual(estimate);
    expect(await countRows(database().db, ['estimate_lines', 'audit_log', 'outbox_emails'])).toEqual(before);
  });

  it('expires as the clock passes valid-until, where the business is, and can then no longer be accepted', async () => {
    const { scope, clock, sentEstimate, asClient, client } = await setup();
    const estimate = await sentEstimate({ validUntil: '2026-03-20' });
    clock.set('2026-03-20T22:59:00Z'); // 23:59 in Berlin: still the 20th.
    expect((await scope.estimates.get(estimate.id)).displayStatus).toBe('sent');
    expect((await asClient.estimates.getForClient(client.id, estimate.id)).canRespond).toBe(true);
    clock.set('2026-03-20T23:01:00Z'); // The 21st in Berlin.
    expect((await scope.estimates.get(estimate.id)).displayStatus).toBe('expired');
    expect((await scope.estimates.list({ status: 'expired' })).map((e) => e.id)).toEqual([estimate.id]);
    expect(await scope.estimates.list({ status: 'sent' })).toEqual([]);
    expect((await asClient.estimates.getForClient(client.id, estimate.id)).canRespond).toBe(false);
    const before = await countRows(database().db, ['invoices', 'audit_log', 'outbox_emails']);
    await expectPorticoError(asClient.estimates.acceptAsClient(client.id, estimate.id, { name: 'Ann Ledger', confirmed: true }), 'estimate_expired');
    await expectPorticoError(asClient.estimates.declineAsClient(client.id, estimate.id, {}), 'estimate_expired');
    await expectPorticoError(scope.estimates.send(estimate.id), 'estimate_expired');
    expect(await countRows(database().db, ['invoices', 'audit_log', 'outbox_emails'])).toEqual(before);
    expect((await scope.estimates.get(estimate.id)).status).toBe('sent');
  });

  it('hashes the content accepted: the same content gives the same hash, any change another', async () => {
    const { scope, client, sentEstimate, asClient } = await setup();
    const a = await scope.estimates.create(estimateInput(client.id));
    const b = await scope.estimates.create(estimateInput(client.id));
    expect(a.versionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.versionHash).toBe(a.versionHash);
    for (const patch of [
      { notes: 'Spring campaign!' },
      { validUntil: '2026-03-21' },
      { currency: 'USD' },
      { lines: [{ description: 'Design work', quantity: 10, unitPrice: 10_001, taxRate: 19, discount: { percent: 10 } }] },
    ] satisfies Partial<EstimateInput>[]) {
      const changed = await scope.estimates.update(b.id, { ...estimateInput(client.id), ...patch });
      expect(changed.versionHash, JSON.stringify(patch)).not.toBe(a.versionHash);
    }
    expect((await scope.estimates.update(b.id, estimateInput(client.id))).versionHash).toBe(a.versionHash);

    const sent = await sentEstimate();
    expect(sent.versionHash).toBe(a.versionHash);
    const { estimate } = await asClient.estimates.acceptAsClient(client.id, sent.id, { name: '  Ann Ledger ', confirmed: true, ip: '203.0.113.9', userAgent: 'Test/1.0' });
    expect(estimate.acceptance).toEqual({ name: 'Ann Ledger', at: new Date('2026-03-10T09:00:00Z'), ip: '203.0.113.9', userAgent: 'Test/1.0', versionHash: a.versionHash });
  });

  it('accepted 20 times at once: exactly one acceptance and one invoice', async () => {
    const { sentEstimate, asClient, client, scope } = await setup();
    const estimate = await sentEstimate();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => asClient.estimates.acceptAsClient(client.id, estimate.id, { name: `Ann ${i}`, confirmed: true })),
    );
    const won = results.filter((result) => result.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect((result.reason as { code: string }).code).toBe('estimate_not_acceptable');
    }
    const invoices = await database().db.selectFrom('invoices').select(['id', 'estimate_id']).where('estimate_id', '=', estimate.id).execute();
    expect(invoices).toHaveLength(1);
    const audit = await scope.audit.list('estimate', estimate.id);
    expect(audit.filter((entry) => entry.action === 'estimate.accepted')).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === 'estimate.converted')).toHaveLength(1);
  });

  it('becomes a draft invoice carrying every line and total exactly, linked both ways, and tells the business', async () => {
    const { sentEstimate, asClient, client, scope, deliver } = await setup();
    const estimate = await sentEstimate();
    await deliver();
    const { invoiceId, estimate: accepted } = await asClient.estimates.acceptAsClient(client.id, estimate.id, { name: 'Ann Ledger', confirmed: true });
    expect(accepted).toMatchObject({ status: 'accepted', displayStatus: 'accepted', invoiceId, canRespond: false });
    const invoice = await scope.invoices.get(invoiceId!);
    expect(invoice).toMatchObject({
      status: 'draft',
      clientId: client.id,
      currency: 'EUR',
      issueDate: '2026-03-10',
      dueDate: '2026-04-09',
      notes: 'Spring campaign',
      subtotal: estimate.subtotal,
      discountTotal: estimate.discountTotal,
      taxTotal: estimate.taxTotal,
      total: estimate.total,
    });
    const strip = ({ id: _id, ...line }: { id: string }) => line;
    expect(invoice.lines.map(strip)).toEqual(estimate.lines.map(strip));
    const link = await database().db.selectFrom('invoices').select('estimate_id').where('id', '=', invoiceId!).executeTakeFirstOrThrow();
    expect(link.estimate_id).toBe(estimate.id);
    expect((await scope.estimates.get(estimate.id)).invoiceId).toBe(invoiceId);

    const [notice, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ kind: 'estimate_accepted', to: 'owner@harborpine.test', subject: `Estimate ${estimate.number} accepted by Globex Corporation` });
    expect(notice!.text).toContain('Ann Ledger accepted estimate');
    const actions = (await scope.audit.list('estimate', estimate.id)).map((entry) => entry.action);
    expect(actions).toEqual(['estimate.created', 'estimate.sent', 'estimate.accepted', 'estimate.converted']);
  });

  it('with estimateAcceptance: send_invoice, the invoice is sent at once', async () => {
    const { sentEstimate, asClient, client, scope, deliver } = await setup({ settings: { estimateAcceptance: 'send_invoice' } });
    const estimate = await sentEstimate();
    await deliver();
    const { invoiceId } = await asClient.estimates.acceptAsClient(client.id, estimate.id, { name: 'Ann Ledger', confirmed: true });
    const invoice = await scope.invoices.get(invoiceId!);
    expect(invoice).toMatchObject({ status: 'sent', number: 'INV-0001', total: estimate.total });
    expect((await deliver()).map((email) => email.kind)).toEqual(['invoice_sent']);
    await expectPorticoError(
      seedBusiness(database(), { slug: 'bad-setting', settings: { estimateAcceptance: 'sometimes' } }),
      'invalid_input',
    );
  });

  it('declines with an optional reason, final; the business is told', async () => {
    const { sentEstimate, asClient, client, scope, deliver } = await setup();
    const estimate = await sentEstimate();
    await deliver();
    await expectPorticoError(asClient.estimates.declineAsClient(client.id, estimate.id, { reason: 'x'.repeat(1001) }), 'invalid_input');
    const { estimate: declined } = await asClient.estimates.declineAsClient(client.id, estimate.id, { reason: 'Over budget.\nMaybe in autumn.' });
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Over budget.\nMaybe in autumn.', invoiceId: null });
    const [notice] = await deliver();
    expect(notice).toMatchObject({ kind: 'estimate_declined', subject: `Estimate ${estimate.number} declined by Globex Corporation` });
    expect(notice!.text).toContain('Maybe in autumn.');
    await expectPorticoError(asClient.estimates.acceptAsClient(client.id, estimate.id, { name: 'Ann', confirmed: true }), 'estimate_not_acceptable');
    await expectPorticoError(asClient.estimates.declineAsClient(client.id, estimate.id, {}), 'estimate_not_acceptable');
    expect((await scope.audit.list('estimate', estimate.id)).map((entry) => entry.action)).toContain('estimate.declined');
  });

  it('refuses every bad answer with nothing changed', async () => {
    const { sentEstimate, asClient, client, scope, api, business } = await setup();
    const estimate = await sentEstimate();
    const other = await scope.clients.create({ name: 'Initech', contacts: [{ name: 'Peter', email: 'peter@initech.test' }] });
    const draft = await scope.estimates.create(estimateInput(client.id));
    const voided = await sentEstimate();
    await scope.estimates.void(voided.id);
    const accepted = await sentEstimate();
    await asClient.estimates.acceptAsClient(client.id, accepted.id, { name: 'Ann', confirmed: true });
    const converted = await sentEstimate();
    await scope.estimates.convert(converted.id);

    const tables = ['estimates', 'invoices', 'invoice_lines', 'audit_log', 'outbox_emails'] as const;
    const before = await countRows(database().db, tables);
    const snapshot = await scope.estimates.list();
    const accept = (clientId: string, id: string, input: unknown) => asClient.estimates.acceptAsClient(clientId, id, input as never);
    await expectPorticoError(accept(client.id, estimate.id, { name: '', confirmed: true }), 'invalid_input');
    await expectPorticoError(accept(client.id, estimate.id, { name: '   ', confirmed: true }), 'invalid_input');
    await expectPorticoError(accept(client.id, estimate.id, { name: 'Ann' }), 'invalid_input');
    await expectPorticoError(accept(client.id, estimate.id, { name: 'Ann', confirmed: 'yes' }), 'invalid_input');
    await expectPorticoError(accept(client.id, estimate.id, { name: 'A'.repeat(201), confirmed: true }), 'invalid_input');
    await expectPorticoError(accept(client.id, estimate.id, null), 'invalid_input');
    await expectPorticoError(accept(other.id, estimate.id, { name: 'Peter', confirmed: true }), 'estimate_not_found');
    await expectPorticoError(accept(client.id, draft.id, { name: 'Ann', confirmed: true }), 'estimate_not_found');
    await expectPorticoError(accept(client.id, 'est_nope', { name: 'Ann', confirmed: true }), 'estimate_not_found');
    await expectPorticoError(accept(client.id, voided.id, { name: 'Ann', confirmed: true }), 'estimate_not_acceptable');
    await expectPorticoError(accept(client.id, accepted.id, { name: 'Ann', confirmed: true }), 'estimate_not_acceptable');
    await expectPorticoError(accept(client.id, converted.id, { name: 'Ann', confirmed: true }), 'estimate_not_acceptable');
    await expectPorticoError(asClient.estimates.getForClient(other.id, estimate.id), 'estimate_not_found');
    await expectPorticoError(asClient.estimates.getForClient(client.id, draft.id), 'estimate_not_found');
    await expectPorticoError(asClient.estimates.declineAsClient(other.id, estimate.id, {}), 'estimate_not_found');
    await expectPorticoError(scope.estimates.void(accepted.id), 'invalid_status_transition');
    await expectPorticoError(scope.estimates.send(voided.id), 'invalid_status_transition');
    await expectPorticoError(scope.estimates.convert(draft.id), 'estimate_not_acceptable');
    await expectPorticoError(scope.estimates.create({ ...estimateInput(client.id), validUntil: '2026-03-01' }), 'invalid_input');
    await expectPorticoError(scope.estimates.create({ ...estimateInput(client.id), currency: 'XXQ' }), 'unknown_currency');
    await expectPorticoError(scope.estimates.create({ ...estimateInput(client.id), clientId: 'cli_nope' }), 'client_not_found');
    // Another business cannot reach this one's estimates at all.
    const stranger = await api.businesses.create({ name: 'Stranger', portalUrl: 'https://stranger.test/portal' });
    await expectPorticoError(api.business(stranger.id).estimates.get(estimate.id), 'estimate_not_found');
    await expectPorticoError(api.business(stranger.id).estimates.acceptAsClient(client.id, estimate.id, { name: 'Ann', confirmed: true }), 'estimate_not_found');
    expect(await countRows(database().db, tables)).toEqual({ ...before, audit_log: before.audit_log });
    expect(await scope.estimates.list()).toEqual(snapshot);
    expect(business.id).toBeTruthy();
  });

  it('lists only what was sent for the client, and never counts in the statement or the invoice lists', async () => {
    const { sentEstimate, asClient, client, scope } = await setup();
    const statement = await scope.statements.get(client.id);
    const invoices = await scope.invoices.search({});
    const sent = await sentEstimate();
    await scope.estimates.create(estimateInput(client.id));
    const voidedUnsent = await scope.estimates.create(estimateInput(client.id));
    await scope.estimates.void(voidedUnsent.id);
    expect((await asClient.estimates.listForClient(client.id)).map((e) => e.id)).toEqual([sent.id]);
    expect(await scope.estimates.list({ clientId: client.id })).toHaveLength(3);
    expect(await scope.statements.get(client.id)).toEqual(statement);
    expect(await scope.invoices.search({})).toEqual(invoices);
  });

  it('emails the estimate in each language, with a link that signs in to it', async () => {
    const { scope, client, deliver, sentEstimate, api, business } = await setup();
    const subjects: Record<string, string> = {};
    for (const locale of supportedLocales) {
      await scope.clients.update(client.id, { locale });
      const estimate = await sentEstimate();
      const [email, ...rest] = await deliver();
      expect(rest).toEqual([]);
      expect(email).toMatchObject({ kind: 'estimate_sent', to: 'ann@globex.test' });
      expect(email!.subject).toContain(estimate.number);
      subjects[locale] = email!.subject;
      const token = /\/auth\/link\/[^/\s]+\/([A-Za-z0-9_-]{43})/.exec(email!.text)?.[1];
      expect(token, locale).toBeDefined();
      expect(email!.html).toContain(token!);
      const signedIn = await api.signIn.redeem(business.id, token!, 'cookie');
      expect(signedIn).toMatchObject({ estimateId: estimate.id, invoiceId: null, ticketId: null });
      if (locale === 'ar') expect(email!.html).toContain('dir="rtl"');
    }
    expect(subjects).toEqual({
      en: 'Estimate EST-0001 from Harbor & Pine Studio',
      de: 'Angebot EST-0002 von Harbor & Pine Studio',
      it: 'Preventivo EST-0003 da Harbor & Pine Studio',
      ru: 'Смета EST-0004 от Harbor & Pine Studio',
      ja: 'Harbor & Pine Studioからのお見積書 EST-0005',
      ar: 'عرض السعر EST-0006 من Harbor & Pine Studio',
    });
  });
});
