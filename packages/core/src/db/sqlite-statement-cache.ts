import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept per handle: more than the distinct queries Portico makes, so a busy server stops preparing. */
const DEFAULT_CAPACITY = 500;

/**
 * A better-sqlite3 handle as Kysely's SQLite dialect sees it, with each
 * query's prepared statement kept by its SQL text and used again. Kysely
 * prepares every query anew, and preparing a small query costs SQLite about
 * twice what running it does.
 *
 * A statement is single-use while a streamed query is still reading from it
 * (`busy`): another query with the same text then gets a statement of its
 * own. The least recently used statement goes when `capacity` is reached
 * (SQL with literal values in it would otherwise fill the cache). SQLite
 * prepares a kept statement again by itself when the schema changes.
 */
export function withStatementCache(handle: BetterSqlite3.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => handle.close(),
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Map keeps insertion order: re-inserting makes this the most recently used.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = handle.prepare(sql);
      if (!kept) {
        statements.set(sql, statement);
        if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}
