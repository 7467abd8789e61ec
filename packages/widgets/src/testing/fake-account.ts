import type { AccountContactWire, AccountResponse } from '@portico/wire';
import type { FakeServer, RecordedRequest } from './fake-server.js';

/** Globex's account as Ann (the signed-in contact, primary, receiving invoices) sees it; Bob receives none. */
export function accountFixture(overrides: Partial<AccountResponse> = {}): AccountResponse {
  return {
    name: 'Globex Corporation',
    billingAddress: { lines: ['Via Roma 12'], postalCode: '20121', city: 'Milano', region: null, countryCode: 'IT' },
    vatId: 'IT12345678901',
    taxNumber: null,
    language: null,
    timeZone: null,
    businessTimeZone: 'Europe/Rome',
    contacts: [
      { id: 'con_1', name: 'Ann Archer', email: 'ann@globex.test', isPrimary: true, receivesInvoices: true, isYou: true },
      { id: 'con_2', name: 'Bob Books', email: 'bob@globex.test', isPrimary: false, receivesInvoices: false, isYou: false },
    ],
    lockedFields: [],
    ...overrides,
  };
}

/**
 * `/api/account*` on a fake server, keeping one account in memory as the
 * real one would (the last invoice recipient kept, another id a 404).
 * Returns the account as it now is.
 */
export function serveAccount(server: FakeServer, start: AccountResponse = accountFixture()): () => AccountResponse {
  let account = structuredClone(start);
  const ok = () => ({ status: 200, body: account });
  const refuse = (status: number, code: string, message: string, field?: string) => ({ status, body: { error: { code, message, ...(field ? { field } : {}) } } });
  const contactOf = (request: RecordedRequest) => account.contacts.find((c) => request.path.endsWith(`/${c.id}`));
  const recipientsBesides = (contact: AccountContactWire) => account.contacts.some((c) => c !== contact && c.receivesInvoices);
  server.on('GET', '/api/account', ok);
  server.on('PATCH', '/api/account', (request) => {
    const body = request.body as Record<string, unknown>;
    const locked = account.lockedFields.find((field) => field in body);
    if (locked) return refuse(403, 'field_locked', `${locked} is kept by the business.`, locked);
    const { contactName, ...fields } = body;
    account = { ...account, ...(fields as Partial<AccountResponse>) };
    if (typeof contactName === 'string') account.contacts = account.contacts.map((c) => (c.isYou ? { ...c, name: contactName } : c));
    return ok();
  });
  server.on('POST', '/api/account/contacts', (request) => {
    const body = request.body as { name: string; email: string; receivesInvoices?: boolean };
    if (account.contacts.some((c) => c.email === body.email)) return refuse(409, 'duplicate', 'Already a contact.', 'email');
    const contact = { id: `con_${account.contacts.length + 1}`, name: body.name, email: body.email, isPrimary: false, receivesInvoices: body.receivesInvoices ?? true, isYou: false };
    account = { ...account, contacts: [...account.contacts, contact] };
    return { status: 201, body: account };
  });
  for (const method of ['PATCH', 'DELETE']) {
    for (const id of ['con_1', 'con_2', 'con_3', 'con_4', 'con_other']) {
      server.on(method, `/api/account/contacts/${id}`, (request) => {
        const contact = contactOf(request);
        if (!contact) return refuse(404, 'contact_not_found', 'No such contact.', 'contactId');
        const untick = method === 'DELETE' ? contact.receivesInvoices : (request.body as { receivesInvoices?: boolean }).receivesInvoices === false;
        if (untick && !recipientsBesides(contact)) return refuse(409, 'last_invoice_recipient', 'Someone must receive invoices.', 'receivesInvoices');
        account = {
          ...account,
          contacts:
            method === 'DELETE' ? account.contacts.filter((c) => c !== contact) : account.contacts.map((c) => (c === contact ? { ...c, ...(request.body as object) } : c)),
        };
        return ok();
      });
    }
  }
  return () => account;
}
