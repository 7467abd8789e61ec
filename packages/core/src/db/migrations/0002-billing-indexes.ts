import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes for the billing view (statement, invoice lists), checked with
 * EXPLAIN QUERY PLAN on SQLite for a client with 10,000 invoices:
 * - one per sort of a client's list, ending in the id (the keyset tie-breaker),
 *   so a page is read straight off the index, in order, with no sort;
 * - one covering what the statement and the per-status counts read, so they
 *   aggregate over the index alone;
 * - the business-wide list's date sorts (the admin view);
 * - payments by client and currency, covering the paid-to-date sum and the
 *   last-payment lookup.
 * Status sorts depend on the business's today, so no index can hold them.
 */
export const billingIndexes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('invoices_client_issue').on('invoices').columns(['business_id', 'client_id', 'issue_date', 'id']).execute();
    // The index above starts with every column of this one.
    await db.schema.dropIndex('invoices_client_issue_date').execute();
    await db.schema.createIndex('invoices_client_due').on('invoices').columns(['business_id', 'client_id', 'due_date', 'id']).execute();
    await db.schema.createIndex('invoices_client_total').on('invoices').columns(['business_id', 'client_id', 'total', 'id']).execute();
    // Drafts have no number; the list sorts them as ''. The expression must match the query's exactly.
    await sql`create index invoices_client_number on invoices (business_id, client_id, (coalesce(number, '')), id)`.execute(db);
    await db.schema
      .createIndex('invoices_client_billing')
      .on('invoices')
      .columns(['business_id', 'client_id', 'status', 'due_date', 'currency', 'total', 'amount_paid', 'shared_with_client'])
      .execute();
    await db.schema.createIndex('invoices_business_issue').on('invoices').columns(['business_id', 'issue_date', 'id']).execute();
    await db.schema.createIndex('invoices_business_due').on('invoices').columns(['business_id', 'due_date', 'id']).execute();
    await db.schema
      .createIndex('payments_client_currency')
      .on('payments')
      .columns(['business_id', 'client_id', 'currency', 'received_at', 'amount', 'refunded_amount'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const name of [
      'payments_client_currency',
      'invoices_business_due',
      'invoices_business_issue',
      'invoices_client_billing',
      'invoices_client_number',
      'invoices_client_total',
      'invoices_client_due',
    ]) {
      await db.schema.dropIndex(name).execute();
    }
    await db.schema.createIndex('invoices_client_issue_date').on('invoices').columns(['business_id', 'client_id', 'issue_date']).execute();
    await db.schema.dropIndex('invoices_client_issue').execute();
  },
};
