import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache.js';

describe('SQLite statements kept by their SQL', () => {
  let handle: BetterSqlite3.Database;

  beforeEach(() => {
    handle = new BetterSqlite3(':memory:');
    handle.exec('create table t (n integer)');
    handle.exec('insert into t values (1), (2), (3)');
  });
  afterEach(() => {
    if (handle.open) handle.close();
  });

  it('prepares a query once and hands the same statement back', () => {
    const database = withStatementCache(handle);
    const first = database.prepare('select n from t where n > ?');
    expect(database.prepare('select n from t where n > ?')).toBe(first);
    expect(database.prepare('select n from t where n < ?')).not.toBe(first);
    expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('gives a statement still being read (a streamed query) to nobody else', () => {
    const database = withStatementCache(handle);
    const streaming = database.prepare('select n from t order by n');
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const meanwhile = database.prepare('select n from t order by n');
    expect(meanwhile).not.toBe(streaming);
    expect(meanwhile.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    // Done reading: the kept one is free again.
    expect(database.prepare('select n from t order by n')).toBe(streaming);
  });

  it('keeps at most `capacity` statements, dropping the least recently used', () => {
    const database = withStatementCache(handle, 2);
    const a = database.prepare('select 1');
    const b = database.prepare('select 2');
    expect(database.prepare('select 1')).toBe(a); // now b is the least recently used
    database.prepare('select 3');
    expect(database.prepare('select 1')).toBe(a);
    expect(database.prepare('select 2')).not.toBe(b);
  });

  it('a kept statement follows the schema as it changes', () => {
    const database = withStatementCache(handle);
    expect(database.prepare('select * from t limit 1').all([])).toEqual([{ n: 1 }]);
    handle.exec('alter table t add column label text');
    expect(database.prepare('select * from t limit 1').all([])).toEqual([{ n: 1, label: null }]);
  });

  it('under Kysely: the same queries again, in transactions committed and rolled back, after a failed one', async () => {
    const db = new Kysely<{ t: { n: number } }>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
    const count = async () => (await db.selectFrom('t').select((eb) => eb.fn.countAll<number>().as('rows')).executeTakeFirstOrThrow()).rows;
    for (let round = 0; round < 3; round++) {
      await db.transaction().execute((trx) => trx.insertInto('t').values({ n: 10 + round }).execute());
      await expect(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('t').values({ n: 99 }).execute();
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await expect(sql`select * from no_such_table`.execute(db)).rejects.toThrow(/no such table/);
    }
    expect(await count()).toBe(6);
    expect((await db.selectFrom('t').select('n').orderBy('n').execute()).map((r) => r.n)).toEqual([1, 2, 3, 10, 11, 12]);
    await db.destroy();
    expect(handle.open).toBe(false);
  });
});
