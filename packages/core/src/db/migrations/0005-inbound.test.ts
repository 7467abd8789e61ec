import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type PorticoDatabase } from '../create-database.js';
import { migrationProvider } from './index.js';

/**
 * 0005 makes SQLite's inbound_emails again (the only way to drop 0001's
 * unique constraint there); rows written before it, and messages pointing
 * at them, must come through. The Postgres path runs in every database test.
 */
describe('migration 0005-inbound on SQLite with rows already stored', () => {
  let database: PorticoDatabase | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await database?.destroy();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps every inbound email and the messages that refer to them, and dedupes per business from then on', async () => {
    folder = mkdtempSync(join(tmpdir(), 'portico-0005-'));
    database = await createDatabase({ sqlite: join(folder, 'portico.sqlite') }, { migrate: false });
    const { db } = database;
    const upTo0004 = await new Migrator({ db, provider: migrationProvider }).migrateTo('0004-tickets');
    expect(upTo0004.error).toBeUndefined();

    const untyped = db as unknown as import('kysely').Kysely<any>;
    for (const id of ['biz_a', 'biz_b']) {
      await untyped
        .insertInto('businesses')
        .values({ id, slug: id, name: id, brand_color: '#000000', locale: 'en', time_zone: 'UTC', portal_url: 'https://x.test', invoice_prefix: 'INV', created_at: 1, updated_at: 1 })
        .execute();
    }
    await untyped.insertInto('clients').values({ id: 'cli_a', business_id: 'biz_a', name: 'Globex', created_at: 1, updated_at: 1 }).execute();
    await untyped
      .insertInto('tickets')
      .values({ id: 'tkt_a', business_id: 'biz_a', client_id: 'cli_a', number: 1, subject: 'Hi', status: 'open', last_message_at: 1, created_at: 1, updated_at: 1 })
      .execute();
    await untyped
      .insertInto('inbound_emails')
      .values({ id: 'inb_a', business_id: 'biz_a', source: 'raw', dedupe_key: 'mid:one@x.test', raw: 'From: a@x.test\r\n\r\nhello', classification: 'reply', status: 'appended', ticket_id: 'tkt_a', received_at: 5 })
      .execute();
    await untyped
      .insertInto('ticket_messages')
      .values({ id: 'msg_a', business_id: 'biz_a', ticket_id: 'tkt_a', author_kind: 'client', author_name: 'Ann', body_text: 'hello', source: 'email', inbound_email_id: 'inb_a', created_at: 5 })
      .execute();

    await database.migrate();

    const kept = await db.selectFrom('inbound_emails').selectAll().execute();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ id: 'inb_a', business_id: 'biz_a', dedupe_key: 'mid:one@x.test', ticket_id: 'tkt_a', status: 'appended', hold_reason: null });
    expect(Buffer.from(kept[0]!.raw).toString('utf8')).toBe('From: a@x.test\r\n\r\nhello');
    const message = await db.selectFrom('ticket_messages').select('inbound_email_id').where('id', '=', 'msg_a').executeTakeFirstOrThrow();
    expect(message.inbound_email_id).toBe('inb_a');

    // The same message id at another business is a message of its own; at the same business, a repeat.
    const row = { source: 'raw' as const, dedupe_key: 'mid:one@x.test', raw: Buffer.from('x'), classification: 'reply' as const, status: 'held' as const, received_at: 6 };
    await db.insertInto('inbound_emails').values({ ...row, id: 'inb_b', business_id: 'biz_b' }).execute();
    await expect(db.insertInto('inbound_emails').values({ ...row, id: 'inb_c', business_id: 'biz_a' }).execute()).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    // The references still hold: a message can't point at an inbound email that isn't there.
    await expect(
      untyped
        .insertInto('ticket_messages')
        .values({ id: 'msg_b', business_id: 'biz_a', ticket_id: 'tkt_a', author_kind: 'client', author_name: 'Ann', body_text: 'x', source: 'email', inbound_email_id: 'inb_missing', created_at: 7 })
        .execute(),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
  });
});
