import type { ContactRow, RowChanges } from '../db/schema.js';
import { int } from '../db/row-values.js';
import { rethrowDuplicate } from '../db/unique-violation.js';
import { recordAudit } from '../audit/audit-log.js';
import { recordClientUpdated } from '../events/event-data.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { normalizeEmail, requireBoolean, requireEmail, requireText } from '../shared/validate.js';
import { requireClientRow } from './client-row.js';

/** A person at a client who receives invoices and signs in to the portal. */
export interface Contact {
  id: string;
  clientId: string;
  name: string;
  email: string;
  isPrimary: boolean;
  /** Whether invoice and estimate emails (and receipts) go to this contact; ticket replies go to every contact. */
  receivesInvoices: boolean;
  createdAt: Date;
}

export interface ContactInput {
  name: string;
  email: string;
  isPrimary?: boolean;
  /** Default true. */
  receivesInvoices?: boolean;
}

export async function addContact(ctx: BusinessContext, clientId: string, input: ContactInput): Promise<Contact> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await requireClientRow(trx, ctx.businessId, clientId);
    const contactId = await insertContact(trx, ctx, clientId, input, 'contact', { primaryByDefault: false });
    await recordAudit(trx, ctx, { action: 'contact.added', entityType: 'client', entityId: clientId, details: { contactId } });
    await recordClientUpdated(trx, ctx, clientId, ['contacts']);
    return contactId;
  }).catch(rethrowDuplicate('This client already has a contact with that address.', 'email'));
  return toContact(await requireContactRow(ctx.db, ctx.businessId, id));
}

export async function updateContact(
  ctx: BusinessContext,
  contactId: string,
  patch: Partial<ContactInput>,
): Promise<Contact> {
  if (typeof patch !== 'object' || patch === null) throw new PorticoError('invalid_input', 'A contact update must be an object.');
  const current = await requireContactRow(ctx.db, ctx.businessId, contactId);
  const changes: RowChanges<'contacts'> = {};
  if (patch.name !== undefined) changes.name = requireText(patch.name, 'name', { max: 200 });
  if (patch.email !== undefined) {
    changes.email = requireEmail(patch.email, 'email');
    changes.email_normalized = normalizeEmail(changes.email);
  }
  if (patch.receivesInvoices !== undefined) changes.receives_invoices = requireBoolean(patch.receivesInvoices, 'receivesInvoices') ? 1 : 0;
  await ctx.db.transaction().execute(async (trx) => {
    if (changes.email_normalized) await assertEmailFree(trx, current.client_id, changes.email_normalized, contactId);
    if (patch.isPrimary === true) await clearPrimary(trx, ctx.businessId, current.client_id);
    await trx
      .updateTable('contacts')
      .set({
        ...changes,
        ...(patch.isPrimary === undefined ? {} : { is_primary: patch.isPrimary ? 1 : 0 }),
        updated_at: ctx.clock.now().getTime(),
      })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', contactId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'contact.updated',
      entityType: 'client',
      entityId: current.client_id,
      details: { contactId, ...changes },
    });
    await recordClientUpdated(trx, ctx, current.client_id, ['contacts']);
  }).catch(rethrowDuplicate(`This client already has a contact with the address ${changes.email_normalized}.`, 'email'));
  return toContact(await requireContactRow(ctx.db, ctx.businessId, contactId));
}

export async function removeContact(ctx: BusinessContext, contactId: string): Promise<void> {
  const current = await requireContactRow(ctx.db, ctx.businessId, contactId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('contacts').where('business_id', '=', ctx.businessId).where('id', '=', contactId).execute();
    await recordAudit(trx, ctx, {
      action: 'contact.removed',
      entityType: 'client',
      entityId: current.client_id,
      details: { contactId, email: current.email },
    });
    await recordClientUpdated(trx, ctx, current.client_id, ['contacts']);
  });
}

/**
 * The client's contacts in the order emails go to them and lists show them:
 * the primary first, then oldest first. `invoices`: only those who receive
 * invoice and estimate emails.
 */
export async function clientRecipients(
  executor: Executor,
  businessId: string,
  clientId: string,
  which: 'all' | 'invoices' = 'all',
): Promise<Array<{ id: string; name: string; email: string }>> {
  let query = executor
    .selectFrom('contacts')
    .select(['id', 'name', 'email'])
    .where('business_id', '=', businessId)
    .where('client_id', '=', clientId);
  if (which === 'invoices') query = query.where('receives_invoices', '=', 1);
  return query
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every contact of this business with that address (one person may be a contact of several clients). */
export async function findContactsByEmail(ctx: BusinessContext, email: string): Promise<Contact[]> {
  const rows = await ctx.db
    .selectFrom('contacts')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('email_normalized', '=', normalizeEmail(email))
    .orderBy('created_at')
    .execute();
  return rows.map(toContact);
}

export async function insertContact(
  executor: Executor,
  ctx: BusinessContext,
  clientId: string,
  input: ContactInput,
  field: string,
  { primaryByDefault }: { primaryByDefault: boolean },
): Promise<string> {
  if (typeof input !== 'object' || input === null) {
    throw new PorticoError('invalid_input', `${field} must be an object with name and email.`, { field });
  }
  const name = requireText(input.name, `${field}.name`, { max: 200 });
  const email = requireEmail(input.email, `${field}.email`);
  const emailNormalized = normalizeEmail(email);
  await assertEmailFree(executor, clientId, emailNormalized, null);
  const isPrimary = input.isPrimary ?? primaryByDefault;
  const receivesInvoices = input.receivesInvoices === undefined ? 1 : requireBoolean(input.receivesInvoices, `${field}.receivesInvoices`) ? 1 : 0;
  if (isPrimary) await clearPrimary(executor, ctx.businessId, clientId);
  const now = ctx.clock.now().getTime();
  const id = newId('con');
  await executor
    .insertInto('contacts')
    .values({
      id,
      business_id: ctx.businessId,
      client_id: clientId,
      name,
      email,
      email_normalized: emailNormalized,
      is_primary: isPrimary ? 1 : 0,
      receives_invoices: receivesInvoices,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function assertEmailFree(executor: Executor, clientId: string, emailNormalized: string, exceptId: string | null) {
  let query = executor
    .selectFrom('contacts')
    .select('id')
    .where('client_id', '=', clientId)
    .where('email_normalized', '=', emailNormalized);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new PorticoError('duplicate', `This client already has a contact with the address ${emailNormalized}.`, {
      field: 'email',
    });
  }
}

async function clearPrimary(executor: Executor, businessId: string, clientId: string) {
  await executor
    .updateTable('contacts')
    .set({ is_primary: 0 })
    .where('business_id', '=', businessId)
    .where('client_id', '=', clientId)
    .execute();
}

export async function requireContactRow(executor: Executor, businessId: string, contactId: string): Promise<ContactRow> {
  const row =
    typeof contactId === 'string'
      ? await executor
          .selectFrom('contacts')
          .selectAll()
          .where('business_id', '=', businessId)
          .where('id', '=', contactId)
          .executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('contact_not_found', `No contact with id ${JSON.stringify(contactId)} in this business.`);
  return row;
}

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    email: row.email,
    isPrimary: row.is_primary === 1,
    receivesInvoices: row.receives_invoices === 1,
    createdAt: new Date(int(row.created_at)),
  };
}
