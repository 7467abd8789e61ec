import type { Kysely, Migration } from 'kysely';

/**
 * What the reply stripper took out of an email (quoted history, signature,
 * "Sent from my iPhone", the quoted questions of an interleaved answer),
 * kept beside the reply so the business can read it and a wrong cut loses
 * nothing: on the thread's message, and on the received email (for mail
 * held and accepted later). Null for messages that did not come by email.
 * Numbered after 0016 because it was built beside it: a database that
 * already ran 0016 must not meet an older number it has not run.
 * Frozen: imports nothing of the live domain code.
 */
export const quotedText: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('ticket_messages').addColumn('quoted_text', 'text').execute();
    await db.schema.alterTable('inbound_emails').addColumn('quoted_text', 'text').execute();
  },
};
