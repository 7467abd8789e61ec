import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createDemoApp, type DemoApp, type DemoAppOptions } from '../demo-app.js';

export interface RunningDemo {
  demo: DemoApp;
  /** `http://localhost:<port>`: localhost, so the browser takes the Secure session cookie over plain HTTP. */
  origin: string;
  stop(): Promise<void>;
}

/**
 * The demo on a free port with a fresh database, delivering mail every second
 * as `npm start` does; with `stripe`, taking card payments through that stand-in.
 */
export async function startDemo(options: { stripe?: DemoAppOptions['stripe'] } = {}): Promise<RunningDemo> {
  const folder = mkdtempSync(join(tmpdir(), 'portico-e2e-'));
  const server = serve({ fetch: (request) => app.fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const demo = await createDemoApp({ databasePath: join(folder, 'demo.sqlite'), portalOrigin: origin, ...(options.stripe ? { stripe: options.stripe } : {}) });
  const app = demo.app;
  return {
    demo,
    origin,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await demo.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
