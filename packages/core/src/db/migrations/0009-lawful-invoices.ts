import { type Kysely, type Migration } from 'kysely';

/**
 * What a lawful invoice carries (EN 16931): the business's legal identity,
 * address, tax identifiers and bank account; the client's billing address and
 * tax identifiers; each line's VAT category; and, on every issued invoice, the
 * seller and buyer exactly as they were when it was issued (`parties`, JSON),
 * so a later change of address never rewrites an invoice already sent.
 * Addresses and bank accounts are JSON objects (see `../schema.ts`).
 * Frozen: imports nothing of the live domain code.
 */
export const lawfulInvoices: Migration = {
  async up(db: Kysely<any>) {
    // One column per ALTER TABLE: SQLite takes no more.
    const businessText = [
      'legal_name',
      'address',
      'vat_id',
      'tax_number',
      'registration_number',
      'contact_email',
      'contact_phone',
      'bank_account',
      'payment_instructions',
      'payment_terms_text',
      'reverse_charge_note',
      'tax_exempt_note',
    ];
    for (const column of businessText) {
      await db.schema.alterTable('businesses').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('businesses').addColumn('payment_terms_days', 'integer').execute();
    for (const column of ['billing_address', 'vat_id', 'tax_number']) {
      await db.schema.alterTable('clients').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('invoices').addColumn('parties', 'text').execute();
    for (const table of ['invoice_lines', 'estimate_lines']) {
      await db.schema
        .alterTable(table)
        .addColumn('tax_category', 'text', (c) => c.notNull().defaultTo('standard'))
        .execute();
      // A line taxed at 0% before categories existed is zero-rated (EN 16931 `Z`), not standard-rated at 0%.
      await db.updateTable(table).set({ tax_category: 'zero' }).where('tax_rate_milli', '=', 0).execute();
    }
  },
};
