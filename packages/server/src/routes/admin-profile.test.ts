import { countRows, describeEachDatabase, draftInput, germanSellerProfile, italianBuyerBilling } from '@portico/core/testing';
import { expect, it } from 'vitest';
import type { AdminBusinessProfile, AdminClientBilling, ErrorBody, InvoiceDetailResponse } from '@portico/wire';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { PORTAL_ORIGIN, createPortalHarness } from '../testing/portal-harness.js';
import { signInAs } from '../testing/client-sign-in.js';

describeEachDatabase('invoice details over HTTP (/admin/business, /admin/clients/:id/billing)', (database) => {
  async function setup() {
    const h = await createPortalHarness(database(), {}, { authorizeAdmin: byStaffHeader });
    const headers = { origin: PORTAL_ORIGIN, 'x-staff': `${h.business.id}/u1`, 'content-type': 'application/json' };
    const patch = (path: string, body: unknown) => h.request(path, { method: 'PATCH', headers, body: JSON.stringify(body) });
    return { ...h, headers, patch };
  }

  it('sets the business profile and a client’s billing details, and the client’s invoice shows them', async () => {
    const h = await setup();
    const profile = await json<AdminBusinessProfile>(await h.patch('/admin/business', germanSellerProfile));
    expect(profile).toMatchObject({ legalName: 'Harbor & Pine Studio GmbH', vatId: 'DE123456789', bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }, paymentTermsDays: 14 });
    expect(await json<AdminBusinessProfile>(await h.request('/admin/business', { headers: h.headers }))).toEqual(profile);
    const billing = await json<AdminClientBilling>(await h.patch(`/admin/clients/${h.client.id}/billing`, { name: 'Globex Italia S.r.l.', ...italianBuyerBilling }));
    expect(billing).toMatchObject({ name: 'Globex Italia S.r.l.', vatId: 'IT12345678901', billingAddress: { city: 'Milano', countryCode: 'IT' } });

    const { get } = await signInAs(h, h.client.id, 'ann@globex.test');
    const invoice = await h.scope.invoices.issue(
      (await h.scope.invoices.create(draftInput(h.client.id, { lines: [{ description: 'Design', quantity: 10, unitPrice: 10_000, taxRate: 19 }, { description: 'Consulting', quantity: 1, unitPrice: 5_000, taxCategory: 'reverse_charge' }] }))).id,
    );
    const detail = await json<InvoiceDetailResponse>(await get(`/invoices/${invoice.id}`));
    expect(detail.parties.seller).toMatchObject({ name: 'Harbor & Pine Studio', legalName: 'Harbor & Pine Studio GmbH', vatId: 'DE123456789', address: { city: 'Berlin' } });
    expect(detail.parties.buyer).toMatchObject({ name: 'Globex Italia S.r.l.', vatId: 'IT12345678901', address: { city: 'Milano' } });
    expect(detail.taxSummary).toEqual([
      { category: 'standard', rate: 19, taxableAmount: 100_000, taxAmount: 19_000 },
      { category: 'reverse_charge', rate: 0, taxableAmount: 5_000, taxAmount: 0 },
    ]);
    expect(detail.taxNotes).toEqual([{ kind: 'reverse_charge', text: null }]);
    expect(detail.lines.map((line) => line.taxCategory)).toEqual(['standard', 'reverse_charge']);
  });

  it('answers a bad IBAN, country or VAT ID, or a field it does not take, with a 400 naming the field, and changes nothing', async () => {
    const h = await setup();
    await json(await h.patch('/admin/business', germanSellerProfile));
    const before = await h.api.businesses.get(h.business.id);
    const clientBefore = await h.scope.clients.get(h.client.id);
    const rows = await countRows(database().db, ['businesses', 'clients']);
    for (const [path, body, code, field] of [
      ['/admin/business', { legalName: 'X GmbH', bankAccount: { accountHolder: 'X', iban: 'DE00 3704 0044 0532 0130 00' } }, 'invalid_iban', 'bankAccount.iban'],
      ['/admin/business', { address: { lines: ['Street 1'], city: 'Atlantis', countryCode: 'AQX' } }, 'invalid_country', 'address.countryCode'],
      ['/admin/business', { vatId: 'DE1234' }, 'invalid_vat_id', 'vatId'],
      ['/admin/business', { slug: 'taken-over' }, 'invalid_input', 'slug'],
      [`/admin/clients/${h.client.id}/billing`, { name: 'Renamed', vatId: 'FR123' }, 'invalid_vat_id', 'vatId'],
      [`/admin/clients/${h.client.id}/billing`, { billingAddress: { lines: ['Via Roma 1'], city: 'Roma', countryCode: 'ZZ' } }, 'invalid_country', 'billingAddress.countryCode'],
    ] as const) {
      const error = await json<ErrorBody>(await h.patch(path, body), 400);
      expect(error.error, path).toMatchObject({ code, field });
      expect(error.error.message.length).toBeGreaterThan(10);
    }
    expect(await h.api.businesses.get(h.business.id)).toEqual(before);
    expect(await h.scope.clients.get(h.client.id)).toEqual(clientBefore);
    expect(await countRows(database().db, ['businesses', 'clients'])).toEqual(rows);
  });

  it('is the business’s own: another business’s client is a 404', async () => {
    const h = await setup();
    const other = await createPortalHarness(database());
    const error = await json<ErrorBody>(await h.patch(`/admin/clients/${other.client.id}/billing`, { vatId: 'IT12345678901' }), 404);
    expect(error.error.code).toBe('client_not_found');
    expect((await other.scope.clients.get(other.client.id)).vatId).toBeNull();
  });
});
