/**
 * Runs the Harbor & Pine demo: `npm start` at the repository root.
 *
 *   PORT           port to listen on (default 3000; 0 picks a free one)
 *   HOST           address to listen on (default 127.0.0.1, this machine only: the
 *                  demo's /mailbox holds every client's sign-in links and its
 *                  /admin has no sign-in, so opening it to a network is a choice)
 *   DEMO_DATA_DIR  where the SQLite file lives (default examples/demo/.data)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createDemoApp, type DemoApp } from './demo-app.js';

const port = parsePort(process.env.PORT ?? '3000');
const host = process.env.HOST?.trim() || '127.0.0.1';
// npm runs workspace scripts in the package folder; a relative DEMO_DATA_DIR
// means relative to where `npm start` was typed (INIT_CWD).
const dataDir = process.env.DEMO_DATA_DIR
  ? resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DEMO_DATA_DIR)
  : fileURLToPath(new URL('../.data', import.meta.url));
const databasePath = resolve(dataDir, 'demo.sqlite');

let demo: DemoApp | undefined;
let stopping = false;

// Listen first (so a busy port fails before any work), then open the
// database: its links need the real port, which PORT=0 only tells us now.
const server = serve(
  {
    port,
    hostname: host,
    fetch: (request, env) =>
      demo
        ? demo.app.fetch(request, env)
        : new Response('Harbor & Pine is starting, one moment…', { status: 503, headers: { 'Retry-After': '1' } }),
  },
  (info) => {
    const origin = `http://localhost:${info.port}`;
    createDemoApp({ databasePath, portalOrigin: origin })
      .then((ready) => {
        demo = ready;
        if (stopping) return void ready.close();
        printBanner(origin, host, ready.seeded);
      })
      .catch((error: unknown) => {
        console.error('Could not start the demo:', error);
        server.close();
        process.exitCode = 1;
      });
  },
);

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} on ${host} is already in use. Stop the other server, or pick another port: PORT=3001 npm start`);
  } else {
    console.error('The server failed:', error);
  }
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second Ctrl+C: stop now
    stopping = true;
    console.log('\nStopping Harbor & Pine…');
    // Give in-flight requests a moment, but never hang on a kept-alive connection.
    setTimeout(() => process.exit(0), 3000).unref();
    server.close(() => {
      void (demo?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

function printBanner(origin: string, listening: string, seeded: boolean): void {
  const local = listening === '127.0.0.1' || listening === '::1' || listening === 'localhost';
  const lines = [
    '',
    '  Harbor & Pine Studio: a small business site with Portico mounted at /portal',
    '',
    `  Open ${origin}`,
    '',
    '  Try:',
    `    ${origin}/admin           the studio's dashboard: press "Send" on an invoice`,
    `    ${origin}/mailbox         the development mailbox: open the email and press its button`,
    `    ${origin}/account         the client portal on the studio's own page (or ask it for a sign-in link)`,
    `    ${origin}/portal/health   Portico's health check`,
    '',
    local
      ? `  Listening on ${listening} only: nobody else on your network can open it (HOST=0.0.0.0 to change that).`
      : `  Listening on ${listening}: anyone who can reach this machine can read /mailbox (every client's sign-in links) and use /admin.`,
    `  Data: ${databasePath}`,
    seeded ? '        seeded just now with demo clients and invoices' : '        existing data kept; delete the folder to start afresh',
    '  Stop: Ctrl+C',
    '',
  ];
  console.log(lines.join('\n'));
}

function parsePort(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(value)}.`);
    process.exit(1);
  }
  return number;
}
