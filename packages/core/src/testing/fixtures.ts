import { createPorticoApi, type BusinessApi, type PorticoApi } from '../api.js';
import type { Business, BusinessInput } from '../businesses/businesses.js';
import type { Client } from '../clients/clients.js';
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
