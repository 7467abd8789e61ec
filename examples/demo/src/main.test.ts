import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Resolves with the first match of `pattern` in the child's stdout, or rejects after `ms`. */
function waitForOutput(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => done(new Error(`No ${pattern} within ${ms} ms. Output so far:\n${output}`)), ms);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match) done(undefined, match);
    };
    const onExit = (code: number | null) => done(new Error(`The demo exited (code ${code}) before printing ${pattern}:\n${output}`));
    function done(error: Error | undefined, match?: RegExpMatchArray) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match!);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', onExit);
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The demo did not exit within ${ms} ms`)), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('npm start (src/main.ts)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-demo-smoke-'));
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000).catch(() => undefined);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the site and Portico, and stops cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      cwd: packageDir,
      env: { ...process.env, PORT: '0', HOST: '', DEMO_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [, origin, listening] = await waitForOutput(child, /Open (http:\/\/localhost:\d+)[\s\S]*Listening on (\S+) only/, 40_000);
    expect(listening).toBe('127.0.0.1');

    const home = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5_000) });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Harbor &amp; Pine');

    const health = await fetch(`${origin}/portal/health`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    // Safe by default: this machine's own network address gets no answer (where it has one).
    const external = Object.values(networkInterfaces()).flat().find((address) => address && address.family === 'IPv4' && !address.internal);
    if (external) {
      const { port } = new URL(origin!);
      await expect(fetch(`http://${external.address}:${port}/mailbox`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    }

    child.kill('SIGTERM');
    expect(await waitForExit(child, 8_000)).toBe(0);
  }, 60_000);
});
