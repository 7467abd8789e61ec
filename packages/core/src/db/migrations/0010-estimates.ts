import type { Kysely, Migration } from 'kysely';

/**
 * Estimates as a document a client accepts or declines:
 * - `businesses.estimate_prefix`: estimate numbers are this prefix plus the
 *   business's own sequence (`next_estimate_number`, from 0001): `EST-0001`.
 * - `estimates`: when it was sent, voided, declined (and why), and the
 *   acceptance record: the typed name, the instant, the IP and user agent,
 *   and the SHA-256 of the content that was accepted.
 * - `invoices.estimate_id`: the estimate an invoice was made from (the
 *   estimate's `invoice_id` points back).
 * - `magic_link_tokens.estimate_id`: the estimate an estimate email's link
 *   opens after sign-in (purpose `estimate_email`); a link names at most one
 *   of invoice, ticket and estimate.
 * Columns only: no domain code is imported, so this migration stays as it is.
 */
export const estimates: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('businesses').addColumn('estimate_prefix', 'text', (c) => c.notNull().defaultTo('EST-')).execute();

    // One column per ALTER TABLE: SQLite takes no more.
    for (const column of ['accepted_by_name', 'accepted_ip', 'accepted_user_agent', 'accepted_version_hash', 'decline_reason']) {
      await db.schema.alterTable('estimates').addColumn(column, 'text').execute();
    }
    for (const column of ['sent_at', 'voided_at', 'accepted_at', 'declined_at']) {
      await db.schema.alterTable('estimates').addColumn(column, 'bigint').execute();
    }
    await db.schema.createIndex('estimates_business_client').on('estimates').columns(['business_id', 'client_id', 'issue_date']).execute();

    await db.schema.alterTable('invoices').addColumn('estimate_id', 'text', (c) => c.references('estimates.id')).execute();
    await db.schema
      .createIndex('invoices_estimate')
      .on('invoices')
      .columns(['business_id', 'estimate_id'])
      .unique()
      .where('estimate_id', 'is not', null)
      .execute();

    await db.schema.alterTable('magic_link_tokens').addColumn('estimate_id', 'text', (c) => c.references('estimates.id')).execute();
  },
};
