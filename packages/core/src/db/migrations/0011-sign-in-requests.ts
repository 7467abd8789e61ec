import type { Kysely, Migration } from 'kysely';

/**
 * "Email me a link" requests, kept until the outbox worker turns them into
 * emails: the request itself only stores one row, whether or not the
 * address belongs to a contact, so its answer takes the same time either way.
 * (0009 and 0010 are left to the lawful-invoice and estimate migrations
 * being built beside this one.)
 */
export const signInRequests: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sign_in_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id').onDelete('cascade'))
      .addColumn('email_normalized', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_requests_by_age').on('sign_in_requests').columns(['requested_at']).execute();
  },
};
