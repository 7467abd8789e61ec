import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Support tickets, second part (the tables came with 0001):
 * - `businesses.reply_signing_secret`: the key of the HMACs in reply addresses
 *   and Message-IDs of ticket emails, random per business, made on first use,
 *   so no host key is needed and one business's tokens mean nothing to another;
 * - `ticket_attachments`: files on messages, their bytes in the database
 *   (`blob` on SQLite, `bytea` on Postgres) so a backup of the database is a
 *   backup of everything;
 * - the business's lists (all, or by status), newest activity first.
 */
export const ticketAttachments: Migration = {
  async up(db: Kysely<any>) {
    const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
    await db.schema.alterTable('businesses').addColumn('reply_signing_secret', 'text').execute();
    await db.schema
      .createTable('ticket_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('message_id', 'text', (c) => c.notNull().references('ticket_messages.id').onDelete('cascade'))
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('content', bytes, (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ticket_attachments_message')
      .on('ticket_attachments')
      .columns(['business_id', 'ticket_id', 'message_id'])
      .execute();
    // The business's lists, newest activity first (id breaks ties): read in index order and stopped at the
    // page's end, so the per-row count and preview run for the rows shown only.
    await db.schema.createIndex('tickets_activity').on('tickets').columns(['business_id', 'last_message_at', 'id']).execute();
    await db.schema.createIndex('tickets_status').on('tickets').columns(['business_id', 'status', 'last_message_at', 'id']).execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropIndex('tickets_status').execute();
    await db.schema.dropIndex('tickets_activity').execute();
    await db.schema.dropTable('ticket_attachments').execute();
    await db.schema.alterTable('businesses').dropColumn('reply_signing_secret').execute();
  },
};
