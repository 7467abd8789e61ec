import type { Business, PorticoApi } from '@portico/core';

/** The one client contact of the sample business: the person who signs in. */
export const EXAMPLE_CONTACT_EMAIL = 'ann@globex.example';

export interface ExampleBusinessOptions {
  /** Where Portico is mounted, as the world sees it (`http://localhost:3000/portal`): links in emails start here. */
  portalUrl: string;
  /** The host's own page holding `<portico-portal>`, where a sign-in lands. */
  portalPageUrl?: string;
  /** Other origins whose pages may use the widgets (the cross-origin mode). */
  allowedOrigins?: string[];
}

export interface ExampleBusiness {
  business: Business;
  clientId: string;
  /** Numbers of the invoices the client can see (issued), oldest first. */
  issuedInvoiceNumbers: string[];
  /** A draft; sending it emails the client a sign-in link. */
  draftInvoiceId: string;
}

/**
 * Northwind Design, its client Globex (contact Ann Ledger), two issued
 * invoices in two currencies and one draft to send.
 */
export async function seedExampleBusiness(api: PorticoApi, options: ExampleBusinessOptions): Promise<ExampleBusiness> {
  const business = await api.businesses.create({
    name: 'Northwind Design',
    slug: 'northwind',
    invoicePrefix: 'NW-',
    brandColor: '#7a3e9d',
    portalUrl: options.portalUrl,
    allowedOrigins: options.allowedOrigins ?? [],
    settings: options.portalPageUrl ? { portalPageUrl: options.portalPageUrl } : {},
  });
  const northwind = api.business(business.id, { actor: 'example' });
  const client = await northwind.clients.create({
    name: 'Globex',
    contacts: [{ name: 'Ann Ledger', email: EXAMPLE_CONTACT_EMAIL }],
  });
  const issued = [];
  for (const draft of [
    { currency: 'EUR', lines: [{ description: 'Brand workshop', quantity: 2, unitPrice: 45_000, taxRate: 19 }] },
    { currency: 'USD', lines: [{ description: 'Landing page design', quantity: 1, unitPrice: 80_000 }] },
  ]) {
    const invoice = await northwind.invoices.create({ clientId: client.id, ...draft });
    issued.push(await northwind.invoices.issue(invoice.id));
  }
  const draft = await northwind.invoices.create({
    clientId: client.id,
    currency: 'EUR',
    lines: [{ description: 'Icon set', quantity: 12, unitPrice: 3_500, taxRate: 19 }],
  });
  return { business, clientId: client.id, issuedInvoiceNumbers: issued.map((invoice) => invoice.number!), draftInvoiceId: draft.id };
}
