import type { ClientRow, RowChanges } from '../db/schema.js';
import { parseJson } from '../db/row-values.js';
import { recordAudit } from '../audit/audit-log.js';
import { recordClientUpdated } from '../events/event-data.js';
import { lockedClientFieldsOf, type LockableClientField } from '../businesses/client-field-locks.js';
import { requireBusinessRow } from '../businesses/businesses.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { requireLocale, type Locale } from '../shared/locales.js';
import { optionalTimeZone, requireText } from '../shared/validate.js';
import type { PostalAddressInput } from '../parties/party-fields.js';
import { clientBillingChanges, toClientBilling, type ClientBilling } from './client-billing.js';
import { requireClientRow } from './client-row.js';
import { refreshClientSearchText } from './client-search-text.js';
import { requireContactRow, toContact, type Contact } from './contacts.js';

/** Who is editing: the signed-in contact and the client it belongs to. */
export interface AccountHolder {
  clientId: string;
  contactId: string;
}

/** The client's account as the signed-in contact sees and edits it in the portal. */
export interface ClientAccount extends ClientBilling {
  clientId: string;
  /** The name invoices print for the client (the billing name). */
  name: string;
  /** The language the client chose for the portal, PDFs and emails; null: the business's. */
  language: Locale | null;
  /** The IANA zone the client chose for the times it is shown; null: the business's, `businessTimeZone`. */
  timeZone: string | null;
  businessTimeZone: string;
  /** The signed-in contact. */
  contactId: string;
  /** Every contact of the client, the primary first; `receivesInvoices` is the email preference. */
  contacts: Contact[];
  /** Fields the business keeps the client from changing here. */
  lockedFields: LockableClientField[];
}

/** `PATCH /api/account`: a field left out stays; `null` (or empty text) clears an optional one. */
export interface ClientAccountUpdate {
  name?: string;
  billingAddress?: PostalAddressInput | null;
  vatId?: string | null;
  taxNumber?: string | null;
  /** The signed-in contact's own name. */
  contactName?: string;
  language?: Locale | null;
  timeZone?: string | null;
}

const updatableFields = ['name', 'billingAddress', 'vatId', 'taxNumber', 'contactName', 'language', 'timeZone'] as const;

const columnOf = { name: 'name', billingAddress: 'billing_address', vatId: 'vat_id', taxNumber: 'tax_number', language: 'locale', timeZone: 'time_zone' } as const;

export async function getClientAccount(ctx: BusinessContext, who: AccountHolder): Promise<ClientAccount> {
  const { client } = await requireAccountHolder(ctx.db, ctx.businessId, who);
  const business = await requireBusinessRow(ctx.db, ctx.businessId);
  const contacts = await ctx.db
    .selectFrom('contacts')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', who.clientId)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    clientId: client.id,
    name: client.name,
    language: client.locale as Locale | null,
    timeZone: client.time_zone,
    businessTimeZone: business.time_zone,
    ...toClientBilling(client),
    contactId: who.contactId,
    contacts: contacts.map(toContact),
    lockedFields: lockedClientFieldsOf(parseJson<Record<string, unknown>>(business.settings, {})),
  };
}

/**
 * The signed-in contact edits the client's billing details, its own name and
 * the client's language and time zone. Every field is checked (a locked one refused)
 * before anything is written; what changed goes to the audit log, from and to.
 */
export async function updateClientAccount(ctx: BusinessContext, who: AccountHolder, patch: ClientAccountUpdate): Promise<ClientAccount> {
  const input = requireOnly(patch, updatableFields, 'An account update');
  const account = await getClientAccount(ctx, who);
  const { client, contact } = await requireAccountHolder(ctx.db, ctx.businessId, who);
  const locked = account.lockedFields.find((field) => input[field] !== undefined);
  if (locked) throw new PorticoError('field_locked', `${locked} is kept by the business and cannot be changed here; ask the business to change it.`, { field: locked });

  const changes: RowChanges<'clients'> = clientBillingChanges(input as ClientAccountUpdate);
  if (input.name !== undefined) changes.name = requireText(input.name, 'name', { max: 200 });
  if (input.language !== undefined) changes.locale = input.language === null ? null : requireLocale(input.language, 'language');
  if (input.timeZone !== undefined) changes.time_zone = optionalTimeZone(input.timeZone, 'timeZone');
  const contactName = input.contactName === undefined ? undefined : requireText(input.contactName, 'contactName', { max: 200 });

  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, column] of Object.entries(columnOf)) {
    const to = changes[column];
    if (to !== undefined && to !== client[column]) changed[field] = { from: readable(column, client[column]), to: readable(column, to) };
  }
  if (contactName !== undefined && contactName !== contact.name) changed['contactName'] = { from: contact.name, to: contactName };
  if (Object.keys(changed).length === 0) return account;

  const now = ctx.clock.now().getTime();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('clients')
      .set({ ...changes, updated_at: now })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', who.clientId)
      .execute();
    if (changed['name']) await refreshClientSearchText(trx, ctx.businessId, who.clientId);
    if (changed['contactName']) {
      await trx
        .updateTable('contacts')
        .set({ name: contactName!, updated_at: now })
        .where('business_id', '=', ctx.businessId)
        .where('id', '=', who.contactId)
        .execute();
    }
    await recordAccountAudit(trx, ctx, who, 'client.account_updated', { changes: changed });
  });
  return getClientAccount(ctx, who);
}

/** The audit entry and `client.updated` event of a change the client made itself: on the client, naming the contact who made it. */
export async function recordAccountAudit(executor: Executor, ctx: BusinessContext, who: AccountHolder, action: string, details: Record<string, unknown>) {
  await recordAudit(executor, ctx, { action, entityType: 'client', entityId: who.clientId, details: { byContactId: who.contactId, ...details } });
  const changed = action === 'client.account_updated' ? Object.keys(details['changes'] as Record<string, unknown>) : ['contacts'];
  await recordClientUpdated(executor, ctx, who.clientId, changed);
}

/** The client and the signed-in contact, only if that contact is the client's (a session always names one). */
export async function requireAccountHolder(executor: Executor, businessId: string, who: AccountHolder) {
  if (typeof who !== 'object' || who === null) throw new PorticoError('invalid_input', 'Say whose account this is: { clientId, contactId }.');
  const client: ClientRow = await requireClientRow(executor, businessId, who.clientId);
  const contact = await requireContactRow(executor, businessId, who.contactId);
  if (contact.client_id !== client.id) throw new PorticoError('contact_not_found', 'No such contact.', { field: 'contactId' });
  return { client, contact };
}

/** The body as an object of only these fields (a misspelt one would otherwise be silently ignored). */
export function requireOnly<K extends string>(body: unknown, allowed: readonly K[], what: string): Partial<Record<K, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new PorticoError('invalid_input', `${what} must be an object.`);
  for (const key of Object.keys(body)) {
    if (!(allowed as readonly string[]).includes(key)) {
      throw new PorticoError('invalid_input', `"${key}" cannot be changed here; the fields are ${allowed.join(', ')}.`, { field: key });
    }
  }
  return body as Partial<Record<K, unknown>>;
}

function readable(column: string, value: unknown): unknown {
  return column === 'billing_address' && typeof value === 'string' ? parseJson(value, null) : (value ?? null);
}
