import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './create-database.js';
import { migrationProvider } from './migrations/index.js';
import { describeEachDatabase } from '../testing/databases.js';

describeEachDatabase('createDatabase', (database, dialect) => {
  it('creates every table of the data model', async () => {
    const tables = (await database().db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        'audit_log',
        'businesses',
        'clients',
        'contacts',
        'estimate_lines',
        'estimates',
        'inbound_emails',
        'invoice_lines',
        'invoices',
        'magic_link_tokens',
        'outbox_emails',
        'payments',
        'rate_limit_buckets',
        'sessions',
        'ticket_messages',
        'tickets',
        'webhook_events',
      ]),
    );
    expect(database().dialect).toBe(dialect);
  });

  it('migrating again is a no-op', async () => {
    await database().migrate();
    const tables = await database().db.introspection.getTables();
    expect(tables.length).toBeGreaterThanOrEqual(17);
  });

  it('enforces foreign keys', async () => {
    await expect(
      database()
        .db.insertInto('clients')
        .values({ id: 'cli_orphan', business_id: 'biz_missing', name: 'x', external_id: null, locale: null, notes: null, archived: 0, search_text: 'x', created_at: 0, updated_at: 0 })
        .execute(),
    ).rejects.toThrow();
  });

  it('stores amounts up to Number.MAX_SAFE_INTEGER exactly', async () => {
    const row = await sql<{ v: number | string }>`select cast(${String(Number.MAX_SAFE_INTEGER)} as bigint) + 0 as v`.execute(database().db);
    expect(Number(row.rows[0]!.v)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('createDatabase on SQLite', () => {
  it('opens a better-sqlite3 handle the host passes in, in WAL mode with foreign keys on', async () => {
    const handle = new BetterSqlite3(':memory:');
    const database = await createDatabase({ sqlite: handle });
    expect(handle.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(await database.db.introspection.getTables()).not.toHaveLength(0);
    await database.destroy();
  });
});

describe('createDatabase on a fresh SQLite file opened many times at once', () => {
  it('migrates once and every opener succeeds', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'portico-race-'));
    const path = join(folder, 'portico.sqlite');
    const opened = await Promise.all(Array.from({ length: 20 }, () => createDatabase({ sqlite: path })));
    const migrations = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(opened[0]!.db);
    // Each migration ran once, not once per opener.
    expect(Number(migrations.rows[0]!.n)).toBe(Object.keys(await migrationProvider.getMigrations()).length);
    await Promise.all(opened.map((database) => database.destroy()));
    rmSync(folder, { recursive: true, force: true });
  });
});
