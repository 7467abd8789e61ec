import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The packages that are published, by their folder under packages/. */
export const publishedPackages = ['wire', 'core', 'server', 'widgets', 'react-bindings'] as const;

export interface Packed {
  folder: string;
  /** The tarball `npm pack` wrote. */
  tarball: string;
}

/** `npm pack` of each published package (its `dist` built beforehand), into a folder of its own. */
export async function packAll(root: string, into: string): Promise<Packed[]> {
  const packed: Packed[] = [];
  for (const folder of publishedPackages) {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', into], { cwd: join(root, 'packages', folder) });
    const [pack] = JSON.parse(stdout) as Array<{ filename: string }>;
    if (!pack) throw new Error(`npm pack wrote nothing for packages/${folder}`);
    packed.push({ folder, tarball: join(into, pack.filename) });
  }
  return packed;
}

/**
 * A project of its own in a temporary folder with every tarball installed as
 * a user would (`npm install <tarballs>`), the npm registry answering for
 * their dependencies. Install scripts are skipped: better-sqlite3 would
 * compile for two minutes, and the check runs Portico on Postgres.
 */
export async function freshProject(tarballs: string[]): Promise<{ dir: string; node(script: string, env?: NodeJS.ProcessEnv): Promise<string>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-fresh-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'fresh-portico-user', private: true, type: 'module' }));
  await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', ...tarballs], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  return {
    dir,
    async node(script, env = {}) {
      const file = join(dir, `check-${(await readdir(dir)).length}.mjs`);
      await writeFile(file, script);
      const { stdout } = await run(process.execPath, [file], { cwd: dir, env: { ...process.env, ...env } });
      return stdout;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
