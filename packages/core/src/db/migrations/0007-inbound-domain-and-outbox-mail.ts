import type { Kysely, Migration } from 'kysely';

/**
 * - `businesses.inbound_domain`: the business's inbound domain as a column of
 *   its own (lower-cased, null when it has none), so the business of an
 *   inbound address is an indexed equality lookup instead of a scan of every
 *   business's settings. Not unique: several businesses may share a domain
 *   (their reply addresses are told apart by token). Filled from the
 *   settings already stored.
 * - `outbox_emails`: the ticket message an email was sent for and the ticket
 *   attachments it carries (ids, JSON; the bytes are read when it is sent), and
 *   when and why it bounced.
 */
export const inboundDomainAndOutboxMail: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('businesses').addColumn('inbound_domain', 'text').execute();
    await db.schema.createIndex('businesses_inbound_domain').on('businesses').column('inbound_domain').execute();
    const businesses: Array<{ id: string; settings: string }> = await db.selectFrom('businesses').select(['id', 'settings']).execute();
    for (const business of businesses) {
      const domain = inboundDomainOf(business.settings);
      if (domain !== null) await db.updateTable('businesses').set({ inbound_domain: domain }).where('id', '=', business.id).execute();
    }

    // One column per ALTER TABLE: SQLite takes no more.
    for (const column of ['ticket_message_id', 'attachment_ids', 'bounce_status', 'bounce_reason']) {
      await db.schema.alterTable('outbox_emails').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('outbox_emails').addColumn('bounced_at', 'bigint').execute();
    await db.schema.createIndex('outbox_emails_ticket_message').on('outbox_emails').columns(['business_id', 'ticket_message_id']).execute();
  },
};

// Frozen copy, as of this migration, of how businesses/inbound-domain.ts read the
// setting: a shipped migration must do the same on every fresh database
// whatever the live code becomes. Do not change; the test checks it still
// agrees with the live code on the cases it knows.
const domainPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** `settings.inboundDomain` of settings stored as JSON text: trimmed, lower-cased, no trailing dot; null when absent or not a domain name. */
export function inboundDomainOf(settingsJson: string): string | null {
  let settings: Record<string, unknown>;
  try {
    settings = JSON.parse(settingsJson) as Record<string, unknown>;
  } catch {
    return null;
  }
  const value = settings?.['inboundDomain'];
  if (typeof value !== 'string') return null;
  const domain = value.trim().toLowerCase().replace(/\.$/, '');
  return domainPattern.test(domain) ? domain : null;
}
