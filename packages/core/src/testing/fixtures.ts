import { createPorticoApi, type BusinessApi, type PorticoApi } from '../api.js';
import type { Business, BusinessInput } from '../businesses/businesses.js';
import type { Client } from '../clients/clients.js';
import type { InvoiceInput } from '../invoices/invoices.js';
import type { PorticoDatabase } from '../db/create-database.js';
import { ManualClock } from '../shared/clock.js';

export interface SeededBusiness {
  api: PorticoApi;
  clock: ManualClock;
  business: Business;
  scope: BusinessApi;
  client: Client;
}

/** A business with one client and one contact, on a manual clock: the usual start of a test. */
export async function seedBusiness(
  database: PorticoDatabase,
  overrides: Partial<BusinessInput> = {},
  clock = new ManualClock('2026-03-10T09:00:00Z'),
): Promise<SeededBusiness> {
  const api = createPorticoApi({ db: database.db, clock });
  const business = await api.businesses.create({
    name: 'Harbor & Pine Studio',
    portalUrl: 'https://billing.harborpine.test/portal',
    timeZone: 'Europe/Berlin',
    ...overrides,
  });
  const scope = api.business(business.id);
  const client = await scope.clients.create({
    name: 'Globex Corporation',
    contacts: [{ name: 'Ann Ledger', email: 'ann@globex.test' }],
  });
  return { api, clock, business, scope, client };
}

/** Input for a plain draft: two lines, 19% tax, total 10 × 100.00 + 1 × 50.00 + tax = 1249.50 (minor units 124950). */
export function draftInput(clientId: string, overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    clientId,
    currency: 'EUR',
    issueDate: '2026-03-10',
    dueDate: '2026-04-09',
    lines: [
      { description: 'Design work', quantity: 10, unitPrice: 10_000, taxRate: 19 },
      { description: 'Hosting', quantity: 1, unitPrice: 5_000, taxRate: 19 },
    ],
    ...overrides,
  };
}
