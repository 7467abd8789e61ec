import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from './sqlite-checkpointer.js';

describe('the background WAL checkpointer', () => {
  it('checkpoints what other connections wrote, without them doing it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'portico-checkpoint-'));
    const path = join(folder, 'db.sqlite');
    const writer = new BetterSqlite3(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table t (x blob)');
    const insert = writer.prepare('insert into t values (randomblob(4000))');
    for (let i = 0; i < 200; i++) insert.run();
    // NOOP reports the WAL's state and checkpoints nothing itself.
    const before = writer.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
    expect(before[0]!.checkpointed).toBeLessThan(before[0]!.log);

    const checkpointer = startCheckpointer(path, 20);
    await expect
      .poll(() => {
        const [state] = writer.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
        return state!.checkpointed === state!.log;
      })
      .toBe(true);
    await checkpointer.stop();
    writer.close();
    rmSync(folder, { recursive: true, force: true });
  });
});
