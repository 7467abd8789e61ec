import { Hono } from 'hono';
import type { ClientAccount, ClientAccountUpdate } from '@portico/core';
import type { AccountContactRequest, AccountContactUpdateRequest, AccountResponse, AccountUpdateRequest } from '@portico/wire';
import { clientIp } from '../http/client-ip.js';
import { clientScope, type ClientSessionVariables } from '../http/client-session.js';
import { readJsonObject } from '../http/json-body.js';
import { limits, rateLimit } from '../http/rate-limit.js';
import type { ServerContext } from '../server-context.js';

type ClientEnv = { Variables: ClientSessionVariables };

/**
 * The signed-in client's own account (inside `/api`, behind the client
 * session): billing details, the contact's own name, the language and time zone, and the
 * company's contacts with who receives invoices. The core checks every field
 * and refuses locked ones; every change is in the audit log as this contact.
 * Each change answers the whole account as it now is.
 */
export function accountRoutes(server: ServerContext): Hono<ClientEnv> {
  const app = new Hono<ClientEnv>();
  app.use('/account/*', noStore);
  app.use('/account', noStore);
  const limitWrites = rateLimit<ClientEnv>(server.api, {
    rules: (c) => [
      { scope: 'account-write', kind: 'contact', subject: c.var.session.contactId, ...limits.accountWritesPerContact },
      { scope: 'account-write', kind: 'ip', subject: clientIp(c, server.trustProxy), ...limits.accountWritesPerIp },
    ],
  });

  app.get('/account', async (c) => {
    const { who, scope } = holder(c);
    return c.json<AccountResponse>(toAccountResponse(await scope.account.get(who)));
  });

  app.patch('/account', limitWrites, async (c) => {
    const { who, scope } = holder(c);
    // The core checks every field's type and value; the wire's `language` is any text until then.
    const body = (await readJsonObject<AccountUpdateRequest>(c)) as ClientAccountUpdate;
    return c.json<AccountResponse>(toAccountResponse(await scope.account.update(who, body)));
  });

  app.post('/account/contacts', limitWrites, async (c) => {
    const { who, scope } = holder(c);
    await scope.account.addContact(who, (await readJsonObject<AccountContactRequest>(c)) as AccountContactRequest);
    return c.json<AccountResponse>(toAccountResponse(await scope.account.get(who)), 201);
  });

  app.patch('/account/contacts/:id', limitWrites, async (c) => {
    const { who, scope } = holder(c);
    await scope.account.updateContact(who, c.req.param('id'), await readJsonObject<AccountContactUpdateRequest>(c));
    return c.json<AccountResponse>(toAccountResponse(await scope.account.get(who)));
  });

  app.delete('/account/contacts/:id', limitWrites, async (c) => {
    const { who, scope } = holder(c);
    await scope.account.removeContact(who, c.req.param('id'));
    return c.json<AccountResponse>(toAccountResponse(await scope.account.get(who)));
  });

  function holder(c: Parameters<typeof clientScope>[1]) {
    const { session, scope } = clientScope(server, c);
    return { who: { clientId: session.clientId, contactId: session.contactId }, scope };
  }
  return app;
}

async function noStore(c: { header: (name: string, value: string) => void }, next: () => Promise<void>) {
  await next();
  c.header('Cache-Control', 'no-store');
}

function toAccountResponse(account: ClientAccount): AccountResponse {
  return {
    name: account.name,
    billingAddress: account.billingAddress,
    vatId: account.vatId,
    taxNumber: account.taxNumber,
    language: account.language,
    timeZone: account.timeZone,
    businessTimeZone: account.businessTimeZone,
    contacts: account.contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      email: contact.email,
      isPrimary: contact.isPrimary,
      receivesInvoices: contact.receivesInvoices,
      isYou: contact.id === account.contactId,
    })),
    lockedFields: account.lockedFields,
  };
}
