import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The whole data model, on SQLite and Postgres alike. Column types are chosen
 * to mean the same on both: `bigint` is a 64-bit integer on each (SQLite gives
 * it INTEGER affinity), `text` is text. See `../schema.ts` for what columns mean.
 */
export const initialSchema: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('businesses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('brand_color', 'text', (c) => c.notNull())
      .addColumn('logo_url', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('portal_url', 'text', (c) => c.notNull())
      .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('invoice_prefix', 'text', (c) => c.notNull())
      .addColumn('next_invoice_number', 'bigint', (c) => c.notNull().defaultTo(1))
      .addColumn('next_estimate_number', 'bigint', (c) => c.notNull().defaultTo(1))
      .addColumn('next_ticket_number', 'bigint', (c) => c.notNull().defaultTo(1))
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('clients')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('locale', 'text')
      .addColumn('notes', 'text')
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('clients_business_name').on('clients').columns(['business_id', 'name']).execute();
    await db.schema
      .createIndex('clients_business_external_id')
      .on('clients')
      .columns(['business_id', 'external_id'])
      .unique()
      .where('external_id', 'is not', null)
      .execute();

    await db.schema
      .createTable('contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_normalized', 'text', (c) => c.notNull())
      .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('contacts_client_email', ['client_id', 'email_normalized'])
      .execute();
    await db.schema.createIndex('contacts_business_email').on('contacts').columns(['business_id', 'email_normalized']).execute();

    await db.schema
      .createTable('invoices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
      .addColumn('number', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('issue_date', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('subtotal', 'bigint', (c) => c.notNull())
      .addColumn('discount_total', 'bigint', (c) => c.notNull())
      .addColumn('tax_total', 'bigint', (c) => c.notNull())
      .addColumn('total', 'bigint', (c) => c.notNull())
      .addColumn('amount_paid', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text')
      .addColumn('shared_with_client', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(1))
      .addColumn('sent_at', 'bigint')
      .addColumn('paid_at', 'bigint')
      .addColumn('voided_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('invoices_business_number', ['business_id', 'number'])
      .addCheckConstraint('invoices_status', sqlList('status', ['draft', 'sent', 'paid', 'void']))
      .execute();
    await db.schema
      .createIndex('invoices_client_issue_date')
      .on('invoices')
      .columns(['business_id', 'client_id', 'issue_date'])
      .execute();
    await db.schema.createIndex('invoices_business_status').on('invoices').columns(['business_id', 'status', 'due_date']).execute();

    await createEstimates(db);
    for (const [table, parent] of [
      ['invoice_lines', 'invoices'],
      ['estimate_lines', 'estimates'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
        .addColumn('document_id', 'text', (c) => c.notNull().references(`${parent}.id`).onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('quantity_milli', 'bigint', (c) => c.notNull())
        .addColumn('unit_price', 'bigint', (c) => c.notNull())
        .addColumn('tax_rate_milli', 'bigint', (c) => c.notNull())
        .addColumn('discount_kind', 'text', (c) => c.notNull())
        .addColumn('discount_value', 'bigint', (c) => c.notNull())
        .addColumn('gross', 'bigint', (c) => c.notNull())
        .addColumn('discount', 'bigint', (c) => c.notNull())
        .addColumn('tax', 'bigint', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex(`${table}_document`).on(table).columns(['document_id', 'position']).execute();
    }

    await db.schema
      .createTable('payments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('provider_reference', 'text')
      .addColumn('refunded_amount', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('payments_invoice').on('payments').columns(['business_id', 'invoice_id']).execute();
    await db.schema.createIndex('payments_client').on('payments').columns(['business_id', 'client_id', 'received_at']).execute();
    // A provider's payment is recorded once, however often its webhook arrives.
    await db.schema
      .createIndex('payments_provider_reference')
      .on('payments')
      .columns(['business_id', 'provider', 'provider_reference'])
      .unique()
      .where('provider_reference', 'is not', null)
      .execute();

    await db.schema
      .createTable('tickets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
      .addColumn('number', 'bigint', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
      .addColumn('unread_for_business', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('unread_for_client', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_message_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('tickets_business_number', ['business_id', 'number'])
      .execute();
    await db.schema.createIndex('tickets_client').on('tickets').columns(['business_id', 'client_id', 'last_message_at']).execute();
    await db.schema.createIndex('tickets_unread').on('tickets').columns(['business_id', 'unread_for_business']).execute();

    await db.schema
      .createTable('inbound_emails')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.references('businesses.id'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('provider_message_id', 'text')
      .addColumn('raw', 'text', (c) => c.notNull())
      .addColumn('from_address', 'text')
      .addColumn('to_address', 'text')
      .addColumn('subject', 'text')
      .addColumn('classification', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
      .addColumn('note', 'text')
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('inbound_emails_dedupe', ['dedupe_key'])
      .execute();

    await db.schema
      .createTable('ticket_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text')
      .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('inbound_email_id', 'text', (c) => c.references('inbound_emails.id'))
      .addColumn('email_message_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_messages_ticket').on('ticket_messages').columns(['ticket_id', 'created_at']).execute();

    await db.schema
      .createTable('outbox_emails')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('from_address', 'text', (c) => c.notNull())
      .addColumn('reply_to', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('locked_until', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('provider_message_id', 'text')
      .addColumn('sign_in_link', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .execute();
    await db.schema.createIndex('outbox_emails_due').on('outbox_emails').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('outbox_emails_provider_message').on('outbox_emails').column('provider_message_id').execute();

    await db.schema
      .createTable('development_mailbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_address', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('reply_to', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('development_mailbox_delivered').on('development_mailbox').columns(['business_id', 'delivered_at']).execute();

    await db.schema
      .createTable('magic_link_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('magic_link_tokens_expiry').on('magic_link_tokens').column('expires_at').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('idle_expires_at', 'bigint', (c) => c.notNull())
      .addColumn('absolute_expires_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('sessions_contact').on('sessions').columns(['business_id', 'contact_id']).execute();

    await db.schema
      .createTable('rate_limit_buckets')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_events')
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('business_id', 'text', (c) => c.references('businesses.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('processed_at', 'bigint')
      .addPrimaryKeyConstraint('webhook_events_pk', ['provider', 'event_id'])
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['business_id', 'entity_type', 'entity_id']).execute();
  },
};

async function createEstimates(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('estimates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('subtotal', 'bigint', (c) => c.notNull())
    .addColumn('discount_total', 'bigint', (c) => c.notNull())
    .addColumn('tax_total', 'bigint', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('estimates_business_number', ['business_id', 'number'])
    .execute();
}

function sqlList(column: string, values: string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
