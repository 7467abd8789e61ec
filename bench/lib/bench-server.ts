/**
 * A host app serving Portico on 127.0.0.1, in a process of its own so the
 * bench's load never shares an event loop with the server it measures. Run by
 * `startBenchServer` (below) with the SQLite file to serve; it mounts Portico
 * at `/portal` beside a trivial Hono route at `/trivial` (the baseline), and
 * stops when its parent asks or goes away.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface BenchServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Portico's mount path on it. */
  portalPath: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const here = fileURLToPath(import.meta.url);

/** Starts this file as a child process serving `sqliteFile`, and resolves once it listens. */
export async function startBenchServer(sqliteFile: string): Promise<BenchServer> {
  const child = fork(here, ['--serve', sqliteFile], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The bench server did not start within a minute.')), STARTUP_TIMEOUT_MS);
    child.once('message', (message: { port?: number }) => {
      clearTimeout(timer);
      if (typeof message.port === 'number') resolve(message.port);
      else reject(new Error(`Unexpected message from the bench server: ${JSON.stringify(message)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The bench server exited (${code}) before it listened.`));
    });
  });
  return { origin: `http://127.0.0.1:${port}`, portalPath: '/portal', stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('stop');
  });
}

async function serve(sqliteFile: string): Promise<void> {
  const [{ serve: listen }, { Hono }, { createDatabase }, { createPortico }] = await Promise.all([
    import('@hono/node-server'),
    import('hono'),
    import('@portico/core'),
    import('@portico/server'),
  ]);
  const database = await createDatabase({ sqlite: sqliteFile });
  const portico = await createPortico({ database, logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) } });
  const host = new Hono();
  host.get('/trivial', (c) => c.json({ ok: true }));
  host.route('/portal', portico.app);
  const server = listen({ fetch: host.fetch, hostname: '127.0.0.1', port: 0 }, (info) => process.send?.({ port: info.port }));
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await portico.close();
    await database.destroy();
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  // The bench went away without asking: don't outlive it.
  process.on('disconnect', () => void stop());
}

if (process.argv[2] === '--serve' && process.argv[3]) await serve(process.argv[3]);
