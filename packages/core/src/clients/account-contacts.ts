import type { ContactRow, RowChanges } from '../db/schema.js';
import { rethrowDuplicate } from '../db/unique-violation.js';
import type { BusinessContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { normalizeEmail, requireBoolean, requireEmail, requireText } from '../shared/validate.js';
import { recordAccountAudit, requireAccountHolder, requireOnly, type AccountHolder } from './client-account.js';
import { insertContact, requireContactRow, toContact, type Contact } from './contacts.js';

/** A contact the client adds itself: who, and whether invoice and estimate emails go to them (default yes). */
export interface AccountContactInput {
  name: string;
  email: string;
  receivesInvoices?: boolean;
}

export type AccountContactUpdate = Partial<AccountContactInput>;

const contactFields = ['name', 'email', 'receivesInvoices'] as const;

/** The signed-in contact adds a colleague to the client (never as the primary contact: that is the business's call). */
export async function addAccountContact(ctx: BusinessContext, who: AccountHolder, input: AccountContactInput): Promise<Contact> {
  const fields = requireOnly(input, contactFields, 'A contact');
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      await requireAccountHolder(trx, ctx.businessId, who);
      const contactId = await insertContact(trx, ctx, who.clientId, { ...(fields as AccountContactInput), isPrimary: false }, 'contact', {
        primaryByDefault: false,
      });
      const added = await requireContactRow(trx, ctx.businessId, contactId);
      await recordAccountAudit(trx, ctx, who, 'client.account_contact_added', { contact: auditedContact(added) });
      return contactId;
    })
    .catch(rethrowDuplicate('Your company already has a contact with that address.', 'email'));
  return toContact(await requireContactRow(ctx.db, ctx.businessId, id));
}

/**
 * The signed-in contact changes one of the client's contacts: name, address,
 * or whether invoices go to them. The last contact who receives invoices
 * keeps receiving them; another client's contact is `contact_not_found`.
 */
export async function updateAccountContact(ctx: BusinessContext, who: AccountHolder, contactId: string, patch: AccountContactUpdate): Promise<Contact> {
  const fields = requireOnly(patch, contactFields, 'A contact update');
  const changes: RowChanges<'contacts'> = {};
  if (fields.name !== undefined) changes.name = requireText(fields.name, 'name', { max: 200 });
  if (fields.email !== undefined) {
    changes.email = requireEmail(fields.email, 'email');
    changes.email_normalized = normalizeEmail(changes.email);
  }
  if (fields.receivesInvoices !== undefined) changes.receives_invoices = requireBoolean(fields.receivesInvoices, 'receivesInvoices') ? 1 : 0;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const current = await requireOwnContact(trx, ctx, who, contactId);
      if (changes.receives_invoices === 0 && current.receives_invoices === 1) await assertAnotherRecipient(trx, ctx, who.clientId, contactId);
      const changed = changedFields(current, changes);
      if (Object.keys(changed).length === 0) return;
      await trx
        .updateTable('contacts')
        .set({ ...changes, updated_at: ctx.clock.now().getTime() })
        .where('business_id', '=', ctx.businessId)
        .where('id', '=', contactId)
        .execute();
      await recordAccountAudit(trx, ctx, who, 'client.account_contact_updated', { contactId, changes: changed });
    })
    .catch(rethrowDuplicate('Your company already has a contact with that address.', 'email'));
  return toContact(await requireContactRow(ctx.db, ctx.businessId, contactId));
}

/** The signed-in contact removes a colleague: not themselves, and not the last one who receives invoices. */
export async function removeAccountContact(ctx: BusinessContext, who: AccountHolder, contactId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await requireOwnContact(trx, ctx, who, contactId);
    if (current.id === who.contactId) {
      throw new PorticoError('cannot_remove_self', 'You cannot remove yourself; another contact of your company or the business can.', { field: 'contactId' });
    }
    if (current.receives_invoices === 1) await assertAnotherRecipient(trx, ctx, who.clientId, contactId);
    await trx.deleteFrom('contacts').where('business_id', '=', ctx.businessId).where('id', '=', contactId).execute();
    await recordAccountAudit(trx, ctx, who, 'client.account_contact_removed', { contact: auditedContact(current) });
  });
}

/** One of the signed-in client's contacts; another client's (or business's) is `contact_not_found`, saying nothing of it. */
async function requireOwnContact(trx: Executor, ctx: BusinessContext, who: AccountHolder, contactId: string): Promise<ContactRow> {
  await requireAccountHolder(trx, ctx.businessId, who);
  await lockClient(trx, ctx, who.clientId);
  const row =
    typeof contactId === 'string'
      ? await trx
          .selectFrom('contacts')
          .selectAll()
          .where('business_id', '=', ctx.businessId)
          .where('client_id', '=', who.clientId)
          .where('id', '=', contactId)
          .executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('contact_not_found', 'No such contact.', { field: 'contactId' });
  return row;
}

/**
 * Touches the client's row first, so two contacts unticked or removed at
 * once (each seeing the other still receiving invoices) take turns: on
 * Postgres the update locks the row; SQLite runs one write at a time.
 */
async function lockClient(trx: Executor, ctx: BusinessContext, clientId: string): Promise<void> {
  await trx
    .updateTable('clients')
    .set({ updated_at: ctx.clock.now().getTime() })
    .where('business_id', '=', ctx.businessId)
    .where('id', '=', clientId)
    .execute();
}

async function assertAnotherRecipient(trx: Executor, ctx: BusinessContext, clientId: string, exceptContactId: string): Promise<void> {
  const other = await trx
    .selectFrom('contacts')
    .select('id')
    .where('business_id', '=', ctx.businessId)
    .where('client_id', '=', clientId)
    .where('receives_invoices', '=', 1)
    .where('id', '!=', exceptContactId)
    .executeTakeFirst();
  if (!other) {
    throw new PorticoError('last_invoice_recipient', 'Someone at your company must receive invoices: tick another contact first.', {
      field: 'receivesInvoices',
    });
  }
}

function changedFields(current: ContactRow, changes: RowChanges<'contacts'>): Record<string, { from: unknown; to: unknown }> {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  if (changes.name !== undefined && changes.name !== current.name) changed['name'] = { from: current.name, to: changes.name };
  if (changes.email !== undefined && changes.email !== current.email) changed['email'] = { from: current.email, to: changes.email };
  if (changes.receives_invoices !== undefined && changes.receives_invoices !== current.receives_invoices) {
    changed['receivesInvoices'] = { from: current.receives_invoices === 1, to: changes.receives_invoices === 1 };
  }
  return changed;
}

function auditedContact(row: ContactRow) {
  return { id: row.id, name: row.name, email: row.email, receivesInvoices: row.receives_invoices === 1 };
}
