import type { Kysely, Migration } from 'kysely';

/**
 * Which of a client's contacts receive its invoice and estimate emails (and
 * payment receipts): every contact did before, so every existing one does.
 * Ticket replies still go to every contact. Frozen: imports nothing of the
 * live domain code.
 */
export const contactInvoiceRecipients: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('contacts')
      .addColumn('receives_invoices', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
