import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createDatabase } from './create-database.js';
import { migrationProvider } from './migrations/index.js';
import { describeEachDatabase, openTestPostgres, POSTGRES_URL_VARIABLE, type TestDatabase } from '../testing/databases.js';

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

describe.runIf(process.env[POSTGRES_URL_VARIABLE])('createDatabase on Postgres while other schemas are dropped', () => {
  it('every opener migrates, though Kysely looks for its tables in every schema as they go', async () => {
    const url = process.env[POSTGRES_URL_VARIABLE]!;
    const admin = new pg.Pool({ connectionString: url, max: 4 });
    const prefix = `portico_churn_${randomBytes(4).toString('hex')}`;
    const opened: TestDatabase[] = [];
    try {
      let churning = true;
      // Another application (or another test file) creating and dropping schemas all the while.
      const churn = (async () => {
        for (let i = 0; churning; i++) {
          await admin.query(`create schema ${prefix}_${i}; create table ${prefix}_${i}.t (x int)`);
          await admin.query(`drop schema ${prefix}_${i} cascade`);
        }
      })();
      for (let round = 0; round < 2; round++) {
        opened.push(...(await Promise.all(Array.from({ length: 4 }, () => openTestPostgres(url)))));
      }
      churning = false;
      await churn;
      for (const database of opened) {
        // Each sees its own schema's tables, columns and all, and no one else's.
        const tables = await database.db.introspection.getTables();
        const [{ schema }] = (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows as [{ schema: string }];
        expect(tables.every((table) => table.schema === schema)).toBe(true);
        const invoices = tables.find((table) => table.name === 'invoices');
        expect(invoices?.columns.find((column) => column.name === 'business_id')).toMatchObject({ dataType: 'text', isNullable: false });
      }
    } finally {
      await Promise.all(opened.map((database) => database.dispose()));
      await admin.end();
    }
  }, 120_000);
});

describe.runIf(process.env[POSTGRES_URL_VARIABLE])('createDatabase on Postgres when the server ends its connections', () => {
  it('an idle connection dying is reported, not thrown, and the next query opens a fresh one', async () => {
    const url = process.env[POSTGRES_URL_VARIABLE]!;
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const database = await createDatabase({ postgres: pool }, { migrate: false });
    try {
      const pid = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]!.pid;
      const before = await pid();
      // As a server restart does to every idle connection: without a listener, the pool's `error` event would end the process.
      const lost = new Promise((resolve) => pool.once('error', resolve));
      await admin.query('select pg_terminate_backend($1)', [before]);
      await lost;
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('An idle Postgres connection was lost'));
      expect(await pid()).not.toBe(before);
    } finally {
      warn.mockRestore();
      await database.destroy();
      await admin.end();
    }
  });
});
