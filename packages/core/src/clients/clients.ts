import { sql } from 'kysely';
import type { ClientRow, ContactRow, NewRow, RowChanges } from '../db/schema.js';
import { int } from '../db/row-values.js';
import { rethrowDuplicate } from '../db/unique-violation.js';
import { recordAudit } from '../audit/audit-log.js';
import { recordClientUpdated } from '../events/event-data.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { requireLocale, type Locale } from '../shared/locales.js';
import { containsPattern, likeEscaped, parseSearchQuery } from '../shared/search-text.js';
import { optionalText, optionalTimeZone, requireText } from '../shared/validate.js';
import { requireBusinessRow } from '../businesses/businesses.js';
import { requireClientRow } from './client-row.js';
import { clientSearchText, refreshClientSearchText } from './client-search-text.js';
import { clientBillingChanges, toClientBilling, type ClientBilling, type ClientBillingInput } from './client-billing.js';
import { insertContact, toContact, type Contact, type ContactInput } from './contacts.js';

/** A client of the business: the CRM profile invoices, payments and tickets hang off. */
export interface Client extends ClientBilling {
  id: string;
  name: string;
  /** The host app's own id for this client. */
  externalId: string | null;
  /** Overrides the business's language for this client's emails and portal. */
  locale: Locale | null;
  /** The IANA zone the client chose for the times it is shown; null: the business's. */
  timeZone: string | null;
  notes: string | null;
  archived: boolean;
  contacts: Contact[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ClientInput extends ClientBillingInput {
  name: string;
  externalId?: string | null;
  locale?: Locale | null;
  timeZone?: string | null;
  notes?: string | null;
  contacts?: ContactInput[];
}

export interface ClientUpdate extends ClientBillingInput {
  name?: string;
  externalId?: string | null;
  locale?: Locale | null;
  timeZone?: string | null;
  notes?: string | null;
  archived?: boolean;
}

export async function createClient(ctx: BusinessContext, input: ClientInput): Promise<Client> {
  const name = requireText(input?.name, 'name', { max: 200 });
  const externalId = optionalText(input.externalId, 'externalId', { max: 200 });
  const locale = input.locale == null ? null : requireLocale(input.locale, 'locale');
  const timeZone = optionalTimeZone(input.timeZone, 'timeZone');
  const notes = optionalText(input.notes, 'notes');
  const contacts = input.contacts ?? [];
  if (!Array.isArray(contacts)) {
    throw new PorticoError('invalid_input', 'contacts must be a list.', { field: 'contacts' });
  }
  const billing = clientBillingChanges(input);
  const now = ctx.clock.now().getTime();
  const row: NewRow<'clients'> = {
    ...billing,
    id: newId('cli'),
    business_id: ctx.businessId,
    name,
    external_id: externalId,
    locale,
    time_zone: timeZone,
    notes,
    archived: 0,
    search_text: clientSearchText({ name, externalId }),
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await requireBusinessRow(trx, ctx.businessId);
    if (externalId !== null) await assertExternalIdFree(trx, ctx.businessId, externalId, null);
    await trx.insertInto('clients').values(row).execute();
    for (const [index, contact] of contacts.entries()) {
      await insertContact(trx, ctx, row.id, contact, `contacts.${index}`, { primaryByDefault: index === 0 });
    }
    await recordAudit(trx, ctx, { action: 'client.created', entityType: 'client', entityId: row.id, details: { name } });
  }).catch(rethrowDuplicate(`Another client already has the external id "${externalId}".`, 'externalId'));
  return getClient(ctx, row.id);
}

export async function updateClient(ctx: BusinessContext, clientId: string, patch: ClientUpdate): Promise<Client> {
  if (typeof patch !== 'object' || patch === null) throw new PorticoError('invalid_input', 'A client update must be an object.');
  await requireClientRow(ctx.db, ctx.businessId, clientId);
  const changes: RowChanges<'clients'> = clientBillingChanges(patch);
  if (patch.name !== undefined) changes.name = requireText(patch.name, 'name', { max: 200 });
  if (patch.externalId !== undefined) changes.external_id = optionalText(patch.externalId, 'externalId', { max: 200 });
  if (patch.locale !== undefined) changes.locale = patch.locale === null ? null : requireLocale(patch.locale, 'locale');
  if (patch.timeZone !== undefined) changes.time_zone = optionalTimeZone(patch.timeZone, 'timeZone');
  if (patch.notes !== undefined) changes.notes = optionalText(patch.notes, 'notes');
  if (patch.archived !== undefined) {
    if (typeof patch.archived !== 'boolean') throw new PorticoError('invalid_input', 'archived must be true or false.', { field: 'archived' });
    changes.archived = patch.archived ? 1 : 0;
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (changes.external_id) await assertExternalIdFree(trx, ctx.businessId, changes.external_id, clientId);
    await trx
      .updateTable('clients')
      .set({ ...changes, updated_at: ctx.clock.now().getTime() })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', clientId)
      .execute();
    if (changes.name !== undefined || changes.external_id !== undefined) await refreshClientSearchText(trx, ctx.businessId, clientId);
    await recordAudit(trx, ctx, { action: 'client.updated', entityType: 'client', entityId: clientId, details: changes });
    await recordClientUpdated(trx, ctx, clientId, Object.keys(changes));
  }).catch(rethrowDuplicate(`Another client already has the external id "${changes.external_id}".`, 'externalId'));
  return getClient(ctx, clientId);
}

export async function getClient(ctx: BusinessContext, clientId: string): Promise<Client> {
  const row = await requireClientRow(ctx.db, ctx.businessId, clientId);
  const contacts = await ctx.db
    .selectFrom('contacts')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', clientId)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return toClient(row, contacts);
}

export interface ClientListOptions {
  /** Matches name, external id or a contact's email, case-insensitively in every script (at most 200 characters). */
  search?: string;
  includeArchived?: boolean;
}

export async function listClients(ctx: BusinessContext, options: ClientListOptions = {}): Promise<Client[]> {
  let query = ctx.db.selectFrom('clients').selectAll().where('business_id', '=', ctx.businessId);
  if (!options.includeArchived) query = query.where('archived', '=', 0);
  const search = parseSearchQuery(options.search, 'search');
  if (search !== undefined) {
    const pattern = containsPattern(search);
    query = query.where((eb) =>
      eb.or([
        likeEscaped(sql.ref('clients.search_text'), pattern),
        eb(
          'id',
          'in',
          eb
            .selectFrom('contacts')
            .select('client_id')
            .where('business_id', '=', ctx.businessId)
            .where(likeEscaped(sql.ref('email_normalized'), pattern)),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const contacts = await ctx.db
    .selectFrom('contacts')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where(
      'client_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) =>
    toClient(
      row,
      contacts.filter((c) => c.client_id === row.id),
    ),
  );
}

async function assertExternalIdFree(executor: Executor, businessId: string, externalId: string, exceptClientId: string | null) {
  let query = executor
    .selectFrom('clients')
    .select('id')
    .where('business_id', '=', businessId)
    .where('external_id', '=', externalId);
  if (exceptClientId) query = query.where('id', '!=', exceptClientId);
  if (await query.executeTakeFirst()) {
    throw new PorticoError('duplicate', `Another client already has the external id "${externalId}".`, { field: 'externalId' });
  }
}

function toClient(row: ClientRow, contacts: ContactRow[]): Client {
  return {
    id: row.id,
    name: row.name,
    externalId: row.external_id,
    locale: row.locale as Locale | null,
    timeZone: row.time_zone,
    notes: row.notes,
    archived: row.archived === 1,
    ...toClientBilling(row),
    contacts: contacts.map(toContact),
    createdAt: new Date(int(row.created_at)),
    updatedAt: new Date(int(row.updated_at)),
  };
}
