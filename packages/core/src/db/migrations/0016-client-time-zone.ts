import type { Kysely, Migration } from 'kysely';

/**
 * The time zone a client chose for the times it is shown (portal, emails,
 * PDFs); null, as every existing client has, means the business's. Frozen:
 * imports nothing of the live domain code.
 */
export const clientTimeZone: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('clients').addColumn('time_zone', 'text').execute();
  },
};
