import type { Kysely, Migration } from 'kysely';

/**
 * What the reply stripper took out of an email (quoted history, signature,
 * "Sent from my iPhone", the quoted questions of an interleaved answer),
 * kept beside the reply so the business can read it and a wrong cut loses
 * nothing: on the thread's message, and on the received email (for mail
 * held and accepted later). Null for messages that did not come by email.
 * (0013 and 0014 are left to the migrations being built beside this one.)
 * Frozen: imports nothing of the live domain code.
 */
export const quotedText: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('ticket_messages').addColumn('quoted_text', 'text').execute();
    await db.schema.alterTable('inbound_emails').addColumn('quoted_text', 'text').execute();
  },
};
