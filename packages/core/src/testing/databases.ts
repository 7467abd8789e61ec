import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDatabase, type DatabaseDialect, type PorticoDatabase } from '../db/create-database.js';

/** Set to a Postgres URL to run every database test on Postgres as well as SQLite. */
export const POSTGRES_URL_VARIABLE = 'PORTICO_TEST_POSTGRES_URL';

export interface TestDatabase extends PorticoDatabase {
  /** Postgres: the test's own schema, where Kysely's migration bookkeeping is kept too. */
  schema?: string;
  /** Drops what the test created: the SQLite file, or the Postgres schema. */
  dispose(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Run Portico's migrations (the default), or leave the database empty for a migration test. */
  migrate?: boolean;
}

/** A fresh SQLite file in a temporary folder, migrated unless told otherwise. */
export async function openTestSqlite(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'portico-test-'));
  const database = await createDatabase({ sqlite: join(folder, 'portico.sqlite') }, { migrate: options.migrate ?? true });
  return {
    ...database,
    async dispose() {
      await database.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A pool on the test Postgres whose connections work in `schema`. Commits don't
 * wait for the disk: test data need not outlive a crash, and that wait made the
 * Postgres runs several times slower on a busy machine.
 */
export function testPostgresPool(url: string, schema: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, options: `-c search_path=${schema} -c synchronous_commit=off`, max });
}

export interface TestPostgresOptions extends TestDatabaseOptions {
  /** The pool's size. */
  max?: number;
}

/** A fresh schema of its own in the test Postgres, so test files can run side by side; migrated unless told otherwise. */
export async function openTestPostgres(url: string, options: TestPostgresOptions = {}): Promise<TestDatabase> {
  const schema = `portico_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`create schema ${schema}`);
  const database = await createDatabase({ postgres: testPostgresPool(url, schema, options.max) }, { migrate: options.migrate ?? true });
  return {
    ...database,
    schema,
    async dispose() {
      await database.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

let announcedSkip = false;

/**
 * Runs a suite once on SQLite and once on Postgres (when PORTICO_TEST_POSTGRES_URL
 * is set; otherwise the Postgres copy is reported as skipped). `body` gets a
 * getter for the suite's database, opened before its tests and dropped after.
 */
export function describeEachDatabase(
  title: string,
  body: (database: () => PorticoDatabase, dialect: DatabaseDialect) => void,
): void {
  const postgresUrl = process.env[POSTGRES_URL_VARIABLE];
  const engines: Array<{ dialect: DatabaseDialect; open: (() => Promise<TestDatabase>) | undefined }> = [
    { dialect: 'sqlite', open: openTestSqlite },
    { dialect: 'postgres', open: postgresUrl ? () => openTestPostgres(postgresUrl) : undefined },
  ];
  for (const { dialect, open } of engines) {
    if (!open) {
      if (!announcedSkip) {
        announcedSkip = true;
        console.warn(`Skipping the Postgres runs of the database tests: set ${POSTGRES_URL_VARIABLE} to a Postgres URL to run them.`);
      }
      describe.skip(`${title} [postgres: skipped, ${POSTGRES_URL_VARIABLE} not set]`, () => body(() => unavailable(), dialect));
      continue;
    }
    describe(`${title} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await open();
      });
      afterAll(async () => {
        await database?.dispose();
      });
      body(() => database ?? unavailable(), dialect);
    });
  }
}

function unavailable(): never {
  throw new Error('The test database is not open yet: use it inside a test or hook, not while declaring the suite.');
}
