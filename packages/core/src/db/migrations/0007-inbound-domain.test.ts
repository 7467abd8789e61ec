import { Migrator, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestPostgres, openTestSqlite, POSTGRES_URL_VARIABLE, type TestDatabase } from '../../testing/databases.js';
import { inboundDomainSetting } from '../../businesses/inbound-domain.js';
import { inboundDomainOf } from './0007-inbound-domain-and-outbox-mail.js';
import { migrationProvider } from './index.js';

const postgresUrl = process.env[POSTGRES_URL_VARIABLE];
const engines: Array<[string, () => Promise<TestDatabase>]> = [['sqlite', () => openTestSqlite({ migrate: false })]];
if (postgresUrl) engines.push(['postgres', () => openTestPostgres(postgresUrl, { migrate: false, max: 2 })]);

describe.each(engines)('migration 0007 on %s with businesses already stored', (_, open) => {
  let opened: TestDatabase | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('fills businesses.inbound_domain from the settings: lower-cased, null for none or for a value that is not a domain', async () => {
    opened = await open();
    const { db } = opened;
    const upTo0006 = await new Migrator({ db, provider: migrationProvider, ...(opened.schema ? { migrationTableSchema: opened.schema } : {}) }).migrateTo('0006-ticket-sign-in-links');
    expect(upTo0006.error).toBeUndefined();
    const untyped = db as unknown as Kysely<any>;
    const settingsById: Record<string, unknown> = {
      biz_upper: { inboundDomain: ' Reply.Acme.TEST. ', other: 1 },
      biz_shared_1: { inboundDomain: 'shared.test' },
      biz_shared_2: { inboundDomain: 'shared.test' },
      biz_none: { paymentTermsDays: 14 },
      biz_bad: { inboundDomain: 'not a domain' },
      biz_number: { inboundDomain: 42 },
    };
    for (const [id, settings] of Object.entries(settingsById)) {
      await untyped
        .insertInto('businesses')
        .values({ id, slug: id.replace('_', '-'), name: id, brand_color: '#000000', locale: 'en', time_zone: 'UTC', portal_url: 'https://x.test', invoice_prefix: 'INV', settings: JSON.stringify(settings), created_at: 1, updated_at: 1 })
        .execute();
    }

    await opened.migrate();

    const rows = await db.selectFrom('businesses').select(['id', 'inbound_domain', 'settings']).orderBy('id').execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.inbound_domain]))).toEqual({
      biz_bad: null,
      biz_none: null,
      biz_number: null,
      biz_shared_1: 'shared.test',
      biz_shared_2: 'shared.test',
      biz_upper: 'reply.acme.test',
    });
    // The settings themselves are untouched.
    expect(JSON.parse(rows.find((row) => row.id === 'biz_upper')!.settings)).toEqual(settingsById['biz_upper']);
    // The outbox's new columns are there, empty.
    const outboxColumns = await db.selectFrom('outbox_emails').select(['ticket_message_id', 'attachment_ids', 'bounced_at', 'bounce_status', 'bounce_reason']).execute();
    expect(outboxColumns).toEqual([]);
  });
});

describe('migration 0007: its frozen copy of the inbound domain setting', () => {
  it('still reads settings as live code does today', () => {
    const samples = [
      { inboundDomain: ' Reply.Acme.TEST. ' },
      { inboundDomain: 'shared.test' },
      { inboundDomain: 'not a domain' },
      { inboundDomain: 42 },
      { inboundDomain: '' },
      { inboundDomain: null },
      { paymentTermsDays: 14 },
      { inboundDomain: `${'a'.repeat(64)}.test` },
    ];
    for (const settings of samples) expect(inboundDomainOf(JSON.stringify(settings))).toBe(inboundDomainSetting(JSON.stringify(settings)));
    expect(inboundDomainOf('not json')).toBe(inboundDomainSetting('not json'));
  });
});
