import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import type pg from 'pg';
import { lazyModule } from '../shared/lazy-module.js';
import { migrationProvider } from './migrations/index.js';
import { OwnSchemaPostgresDialect } from './own-schema-postgres-dialect.js';
import { refusingNulText } from './refuse-nul-text.js';
import { SAFETY_NET_CHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './sqlite-checkpointer.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import type { PorticoSchema } from './schema.js';

export type DatabaseOptions =
  /** A SQLite file path (created if missing) or an open better-sqlite3 handle: the embedded default. */
  | { sqlite: string | BetterSqlite3.Database; postgres?: never }
  /** A Postgres connection string or an existing `pg` pool: the scale-out path. */
  | { postgres: string | pg.Pool; sqlite?: never };

export interface CreateDatabaseOptions {
  /**
   * Bring the schema up to date on open (default true). Safe with several
   * processes opening at once: Postgres runs under Kysely's migration lock,
   * SQLite under the file's write lock.
   */
  migrate?: boolean;
}

export type DatabaseDialect = 'sqlite' | 'postgres';

export interface PorticoDatabase {
  db: Kysely<PorticoSchema>;
  dialect: DatabaseDialect;
  migrate(): Promise<void>;
  /** Closes the connection (or pool) Portico opened; a handle or pool the host passed in is closed too. */
  destroy(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const CONNECT_TIMEOUT_MS = 10_000;

/** The `pg` driver, loaded only when Portico opens a Postgres connection string itself. */
const loadPg = lazyModule(() => import('pg'));

/**
 * Opens Portico's database. One option picks the engine; migrations and every
 * query are the same on both.
 *
 * ```ts
 * await createDatabase({ sqlite: './portico.sqlite' });
 * await createDatabase({ postgres: process.env.DATABASE_URL! });
 * ```
 */
export async function createDatabase(
  options: DatabaseOptions,
  { migrate = true }: CreateDatabaseOptions = {},
): Promise<PorticoDatabase> {
  const opened = options.postgres !== undefined ? await openPostgres(options.postgres) : openSqlite(options.sqlite);
  const { db, dialect } = opened;
  const database: PorticoDatabase = {
    db,
    dialect,
    migrate: () =>
      opened.dialect === 'sqlite' ? withSqliteWriteLock(opened.handle, () => migrateToLatest(db, 'sqlite')) : migrateToLatest(db, dialect),
    destroy: async () => {
      await (opened.dialect === 'sqlite' ? opened.checkpointer?.stop() : undefined);
      await db.destroy();
    },
  };
  if (migrate) {
    try {
      await database.migrate();
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return database;
}

function openSqlite(target: string | BetterSqlite3.Database): {
  db: Kysely<PorticoSchema>;
  dialect: 'sqlite';
  handle: BetterSqlite3.Database;
  checkpointer: Checkpointer | undefined;
} {
  let handle: BetterSqlite3.Database;
  if (typeof target === 'string') {
    if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
    handle = new BetterSqlite3(target);
  } else {
    handle = target;
  }
  // Wait for another process's write instead of failing at once (set first: switching to WAL takes a lock too).
  handle.pragma('busy_timeout = 5000');
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('synchronous = NORMAL');
  // A file of our own gets its WAL checkpoints from a background thread (see sqlite-checkpointer.ts).
  const file = typeof target === 'string' && target !== ':memory:' ? target : undefined;
  if (file) handle.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
  return {
    db: new Kysely<PorticoSchema>({ dialect: refusingNulText(new SqliteDialect({ database: withStatementCache(handle) })) }),
    dialect: 'sqlite',
    handle,
    checkpointer: file ? startCheckpointer(file) : undefined,
  };
}

async function openPostgres(target: string | pg.Pool): Promise<{ db: Kysely<PorticoSchema>; dialect: 'postgres' }> {
  const pool = typeof target === 'string' ? await poolFor(target) : target;
  survivesIdleClientErrors(pool);
  return { db: new Kysely<PorticoSchema>({ dialect: refusingNulText(new OwnSchemaPostgresDialect({ pool })) }), dialect: 'postgres' };
}

async function poolFor(connectionString: string): Promise<pg.Pool> {
  const { default: pg } = await loadPg();
  return new pg.Pool({
    connectionString,
    // While the server is down or restarting, a query fails after this long instead of waiting for a connection forever.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Money and instants are bigint; they stay exact as JS numbers (see MAX_AMOUNT).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
}

/**
 * A pool emits `error` when an idle client's connection dies (the server
 * restarted, or an administrator ended the backend); with no listener Node
 * throws it and the process exits. The pool has already discarded that
 * client and opens a fresh one on the next query, so reporting is all that
 * is left to do. A host's own pool with a listener of its own is left alone.
 */
function survivesIdleClientErrors(pool: pg.Pool): void {
  if (pool.listenerCount('error') > 0) return;
  pool.on('error', (error) => {
    console.warn(`[portico database] An idle Postgres connection was lost; the pool reconnects on the next query. ${error.message}`);
  });
}

/**
 * Runs `migrate` holding SQLite's write lock, in one transaction, so two
 * processes (or two handles) opening a fresh file at once can't both create
 * the tables; Kysely takes no lock on SQLite. The lock is asked for without
 * SQLite's blocking busy wait, retrying asynchronously, so a holder in this
 * same process keeps running meanwhile.
 */
async function withSqliteWriteLock(handle: BetterSqlite3.Database, migrate: () => Promise<void>): Promise<void> {
  const busyTimeout = handle.pragma('busy_timeout', { simple: true }) as number;
  handle.pragma('busy_timeout = 0');
  try {
    for (let waitedMs = 0; ; waitedMs += 25) {
      try {
        handle.exec('BEGIN IMMEDIATE');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || waitedMs > 60_000) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  } finally {
    handle.pragma(`busy_timeout = ${busyTimeout}`);
  }
  try {
    await migrate();
    handle.exec('COMMIT');
  } catch (error) {
    if (handle.inTransaction) handle.exec('ROLLBACK');
    throw error;
  }
}

async function migrateToLatest(db: Kysely<PorticoSchema>, dialect: DatabaseDialect): Promise<void> {
  // On Postgres, Kysely looks for its bookkeeping tables in every schema; pin
  // them to ours, or another app's (or another Portico's) schema in the same
  // database would be taken for ours.
  const migrationTableSchema =
    dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
    // On SQLite the caller already holds one transaction around the whole run.
    disableTransactions: dialect === 'sqlite',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Portico database migration ${failed ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
