import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What a client's statement and the counts of its invoice list would
 * otherwise add up over its whole history, kept per client and currency and
 * moved in the same transaction as every write that changes them
 * (`invoices/statement-totals.ts`): payments (their number, paid to date
 * less refunds, the latest not refunded in full) and the invoices the client
 * sees that are no longer open (shared drafts, paid, void). Open invoices are
 * few and are still read from their rows.
 *
 * Backfilled from the existing rows. Frozen: its own copy of the sums,
 * imports nothing of the live domain code.
 */
export const statementTotals: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('client_statement_totals')
      .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('payment_count', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('paid_to_date', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('last_payment_id', 'text')
      .addColumn('last_payment_amount', 'bigint')
      .addColumn('last_payment_received_at', 'bigint')
      .addColumn('last_payment_invoice_id', 'text')
      .addColumn('last_payment_invoice_number', 'text')
      .addColumn('shown_drafts', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('paid_invoices', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('void_invoices', 'bigint', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('client_statement_totals_pk', ['business_id', 'client_id', 'currency'])
      .execute();

    await sql`
      insert into client_statement_totals (business_id, client_id, currency, shown_drafts, paid_invoices, void_invoices)
      select business_id, client_id, currency,
        sum(case when status = 'draft' and shared_with_client = 1 then 1 else 0 end),
        sum(case when status = 'paid' then 1 else 0 end),
        sum(case when status = 'void' and number is not null then 1 else 0 end)
      from invoices
      group by business_id, client_id, currency`.execute(db);
    await sql`
      insert into client_statement_totals (business_id, client_id, currency)
      select distinct business_id, client_id, currency from payments p
      where not exists (
        select 1 from client_statement_totals t
        where t.business_id = p.business_id and t.client_id = p.client_id and t.currency = p.currency
      )`.execute(db);
    await sql`
      update client_statement_totals set
        payment_count = (select count(*) from payments p
          where p.business_id = client_statement_totals.business_id and p.client_id = client_statement_totals.client_id
            and p.currency = client_statement_totals.currency),
        paid_to_date = coalesce((select sum(p.amount - p.refunded_amount) from payments p
          where p.business_id = client_statement_totals.business_id and p.client_id = client_statement_totals.client_id
            and p.currency = client_statement_totals.currency), 0),
        last_payment_id = (select p.id from payments p
          where p.business_id = client_statement_totals.business_id and p.client_id = client_statement_totals.client_id
            and p.currency = client_statement_totals.currency and p.amount > p.refunded_amount
          order by p.received_at desc, p.id desc limit 1)`.execute(db);
    await sql`
      update client_statement_totals set
        last_payment_amount = (select p.amount from payments p where p.id = client_statement_totals.last_payment_id),
        last_payment_received_at = (select p.received_at from payments p where p.id = client_statement_totals.last_payment_id),
        last_payment_invoice_id = (select p.invoice_id from payments p where p.id = client_statement_totals.last_payment_id),
        last_payment_invoice_number = (select i.number from payments p join invoices i on i.id = p.invoice_id
          where p.id = client_statement_totals.last_payment_id)
      where last_payment_id is not null`.execute(db);
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('client_statement_totals').execute();
  },
};
