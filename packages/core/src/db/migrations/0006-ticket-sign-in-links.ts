import type { Kysely, Migration } from 'kysely';

/**
 * Sign-in links in ticket reply emails: like `invoice_id` for an invoice
 * email, `ticket_id` names the ticket the portal opens after the link is
 * redeemed. A link carries at most one of the two (checked when it is made).
 */
export const ticketSignInLinks: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('magic_link_tokens').addColumn('ticket_id', 'text', (c) => c.references('tickets.id')).execute();
  },
};
