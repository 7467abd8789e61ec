import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '@portico/example-kit/browser';
import { startDemo, type RunningDemo } from './demo-server.js';

export interface DemoWalk {
  running: RunningDemo;
  browser: Browser;
}

/**
 * The demo on a fresh database and a headless Chromium, started once before
 * the tests of the enclosing `describe` and stopped after them. Read the
 * fields inside the tests (they are set once `beforeAll` has run). `options`
 * is called first, for what the demo needs started before it.
 */
export function walkTheDemo(options: () => Promise<Parameters<typeof startDemo>[0]> | Parameters<typeof startDemo>[0] = () => ({})): DemoWalk {
  const walk = {} as DemoWalk;
  beforeAll(async () => {
    walk.running = await startDemo(await options());
    walk.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await walk.browser?.close();
    await walk.running?.stop();
  });
  return walk;
}
