import { Hono, type Context } from 'hono';
import { PorticoError, businessProfileFields, type Business, type BusinessProfileInput, type Client, type ClientUpdate } from '@portico/core';
import type { AdminAuditResponse, AdminBusinessProfile, AdminBusinessProfileUpdate, AdminClientBilling, AdminClientBillingUpdate } from '@portico/wire';
import type { AdminVariables } from '../http/admin-auth.js';
import { readJsonObject } from '../http/json-body.js';
import type { ServerContext } from '../server-context.js';

const profileFields = ['name', ...businessProfileFields] as const satisfies ReadonlyArray<keyof AdminBusinessProfile>;

const billingFields = ['name', 'billingAddress', 'vatId', 'taxNumber'] as const satisfies ReadonlyArray<keyof AdminClientBillingUpdate>;

/**
 * `/admin/business` and `/admin/clients/:id/billing`: what the business's
 * invoices say about it and about each client (addresses, VAT IDs, bank
 * account, terms); `/admin/clients/:id/audit`: who changed a client, and how. The core validates every field; a bad one changes nothing.
 */
export function adminProfileRoutes(server: ServerContext): Hono<{ Variables: AdminVariables }> {
  const app = new Hono<{ Variables: AdminVariables }>();

  app.get('/business', async (c) => c.json<AdminBusinessProfile>(toProfile(await server.api.businesses.get(admin(c).businessId))));

  app.patch('/business', async (c) => {
    const body = only(await readJsonObject<AdminBusinessProfileUpdate>(c), profileFields);
    const business = await server.api.businesses.update(admin(c).businessId, body as BusinessProfileInput & { name?: string });
    return c.json<AdminBusinessProfile>(toProfile(business));
  });

  app.get('/clients/:id/billing', async (c) => c.json<AdminClientBilling>(toBilling(await scope(c).clients.get(c.req.param('id')))));

  app.patch('/clients/:id/billing', async (c) => {
    const body = only(await readJsonObject<AdminClientBillingUpdate>(c), billingFields);
    const client = await scope(c).clients.update(c.req.param('id'), body as ClientUpdate);
    return c.json<AdminClientBilling>(toBilling(client));
  });

  /** The client's history, oldest first: changes by the business and those the client made in the portal (`client:<contactId>`). */
  app.get('/clients/:id/audit', async (c) => {
    const client = await scope(c).clients.get(c.req.param('id'));
    const entries = await scope(c).audit.list('client', client.id);
    return c.json<AdminAuditResponse>({
      entries: entries.map((entry) => ({ id: entry.id, actor: entry.actor, action: entry.action, details: entry.details, at: entry.at.toISOString() })),
    });
  });

  function admin(c: Context<{ Variables: AdminVariables }>) {
    return c.get('admin');
  }
  function scope(c: Context<{ Variables: AdminVariables }>) {
    const { businessId, userId } = admin(c);
    return server.api.business(businessId, { actor: `admin:${userId}` });
  }
  return app;
}

/** The body's fields, refusing any this route does not change (a typo would otherwise be a silent no-op). */
function only(body: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw new PorticoError('invalid_input', `"${key}" is not a field this route changes; it takes ${allowed.join(', ')}.`, { field: key });
    }
  }
  return body;
}

function toProfile(business: Business): AdminBusinessProfile {
  return {
    name: business.name,
    legalName: business.legalName,
    address: business.address,
    vatId: business.vatId,
    taxNumber: business.taxNumber,
    registrationNumber: business.registrationNumber,
    contactEmail: business.contactEmail,
    contactPhone: business.contactPhone,
    bankAccount: business.bankAccount,
    paymentInstructions: business.paymentInstructions,
    paymentTermsDays: business.paymentTermsDays,
    paymentTermsText: business.paymentTermsText,
    reverseChargeNote: business.reverseChargeNote,
    taxExemptNote: business.taxExemptNote,
  };
}

function toBilling(client: Client): AdminClientBilling {
  return { id: client.id, name: client.name, billingAddress: client.billingAddress, vatId: client.vatId, taxNumber: client.taxNumber };
}
