import type { Kysely, Migration } from 'kysely';

/** A business's Stripe account: keys sealed with the host's encryption key (see shared/secret-box.ts). */
export const stripeAccounts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('stripe_accounts')
      .addColumn('business_id', 'text', (c) => c.primaryKey().references('businesses.id'))
      .addColumn('secret_key_sealed', 'text', (c) => c.notNull())
      .addColumn('publishable_key', 'text', (c) => c.notNull())
      .addColumn('webhook_secret_sealed', 'text', (c) => c.notNull())
      .addColumn('connected_account_id', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
