import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * The inbound mail pipeline:
 * - `inbound_emails` is de-duplicated per business, not across businesses
 *   (0001 made `dedupe_key` unique on its own, so one message sent to two
 *   businesses would have been kept by the first only);
 * - the raw message is kept as bytes (`blob` / `bytea`): mail is not always
 *   UTF-8, and a message must be re-readable exactly as it came;
 * - what a person reviewing held mail needs: the sender's contact and client,
 *   why it was held, and the stripped text as it would be appended;
 * - `inbound_settings`: per business, the raw-POST secret (hashed) and the
 *   Resend webhook signing secret and API key (sealed with the host's key).
 */
export const inboundMail: Migration = {
  async up(db: Kysely<any>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    if (postgres) {
      await sql`alter table inbound_emails drop constraint inbound_emails_dedupe`.execute(db);
      await sql`alter table inbound_emails alter column raw type bytea using convert_to(raw, 'UTF8')`.execute(db);
    } else {
      await rebuildSqliteInboundEmails(db);
    }
    // One column per ALTER TABLE: SQLite takes no more.
    for (const column of ['contact_id', 'client_id', 'hold_reason', 'body_text']) {
      await db.schema.alterTable('inbound_emails').addColumn(column, 'text').execute();
    }
    await db.schema.createIndex('inbound_emails_dedupe_per_business').on('inbound_emails').columns(['business_id', 'dedupe_key']).unique().execute();
    await db.schema.createIndex('inbound_emails_status').on('inbound_emails').columns(['business_id', 'status', 'received_at']).execute();
    await db.schema.createIndex('inbound_emails_provider_message').on('inbound_emails').columns(['business_id', 'provider_message_id']).execute();

    await db.schema
      .createTable('inbound_settings')
      .addColumn('business_id', 'text', (c) => c.primaryKey().references('businesses.id'))
      .addColumn('raw_secret_hash', 'text')
      .addColumn('resend_webhook_secret_sealed', 'text')
      .addColumn('resend_api_key_sealed', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/**
 * SQLite can't drop a constraint written into CREATE TABLE, so the table is
 * made again without it, rows kept. ticket_messages (and attachments) refer to
 * inbound_emails by name: with foreign keys deferred, dropping the old table
 * counts their rows as orphans and copying the rows back counts them found
 * again, so the transaction commits only if every reference still holds.
 */
async function rebuildSqliteInboundEmails(db: Kysely<any>): Promise<void> {
  await sql`pragma defer_foreign_keys = on`.execute(db);
  await sql`create table inbound_emails_before_0005 as select * from inbound_emails`.execute(db);
  await db.schema.dropTable('inbound_emails').execute();
  await db.schema
    .createTable('inbound_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.references('businesses.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('provider_message_id', 'text')
    .addColumn('raw', 'blob', (c) => c.notNull())
    .addColumn('from_address', 'text')
    .addColumn('to_address', 'text')
    .addColumn('subject', 'text')
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('note', 'text')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  const kept = sql.raw('id, business_id, source, dedupe_key, provider_message_id, from_address, to_address, subject, classification, status, ticket_id, note, received_at');
  await sql`insert into inbound_emails (${kept}, raw) select ${kept}, cast(raw as blob) from inbound_emails_before_0005`.execute(db);
  await db.schema.dropTable('inbound_emails_before_0005').execute();
}
