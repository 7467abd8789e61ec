import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints, moved off the request path. SQLite normally checkpoints
 * inside whichever commit pushes the WAL past 1,000 pages, and that commit
 * pays for copying and syncing them: a 10+ ms stall every hundred or so
 * writes. Here a worker thread with its own connection runs a PASSIVE
 * checkpoint (which never blocks readers or writers) every `intervalMs`;
 * the connection's own automatic checkpoint stays on at a higher threshold
 * as a safety net, should the thread ever fall behind.
 */
export const SAFETY_NET_CHECKPOINT_PAGES = 10_000;

const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(path: string, intervalMs = 250): Checkpointer {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { path, driverPath, intervalMs } });
  // Never keep the process alive on its own.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Held again while it finishes: awaiting an unref'd thread with nothing
      // else to do would let the process end with this promise unsettled.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
