import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshProject, packAll, type Packed } from './fresh-project.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const postgresUrl = process.env['PORTICO_TEST_POSTGRES_URL'];

/** Resolutions an ESM-only package cannot serve and need not: `require()` and TypeScript's node10 mode. */
const esmOnlyResolutions = new Set(['node10', 'node16-cjs']);

describe('the packages as npm ships them', () => {
  let packDir: string;
  let packed: Packed[];
  let project: Awaited<ReturnType<typeof freshProject>>;

  beforeAll(async () => {
    packDir = await mkdtemp(join(tmpdir(), 'portico-packs-'));
    packed = await packAll(root, packDir);
    project = await freshProject(packed.map((pack) => pack.tarball));
  });
  afterAll(async () => {
    await project?.remove();
    if (packDir) await rm(packDir, { recursive: true, force: true });
  });

  it('each carries the MIT licence and its built code, and no test code but core’s ./testing entry', async () => {
    for (const { folder, tarball } of packed) {
      const manifest = JSON.parse(await readFile(join(root, 'packages', folder, 'package.json'), 'utf8')) as { license?: string; private?: boolean };
      expect(manifest.license, folder).toBe('MIT');
      expect(manifest.private, folder).toBeUndefined();
      const files = (await run('tar', ['-tzf', tarball])).stdout.split('\n').filter(Boolean);
      expect(files, folder).toContain('package/LICENSE');
      expect(files.some((file) => file.startsWith('package/dist/')), folder).toBe(true);
      expect(files.filter((file) => /\.test\.|\/src\//.test(file)), folder).toEqual([]);
      const testing = files.filter((file) => /\/testing\//.test(file));
      expect(testing.every((file) => folder === 'core' && file.startsWith('package/dist/testing/')), `${folder}: ${testing.join(', ')}`).toBe(true);
    }
  });

  it('publint finds nothing to say of any of them', async () => {
    for (const { folder } of packed) {
      const dir = join(root, 'packages', folder);
      const { messages } = await publint({ pkgDir: dir, level: 'suggestion' });
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
      expect(messages.map((message) => `${message.type}: ${formatMessage(message, manifest)}`), folder).toEqual([]);
    }
  });

  it('are the types wrong? No: every entry resolves to its types for ESM and bundlers', async () => {
    for (const { folder, tarball } of packed) {
      const result = await checkPackage(createPackageFromTarballData(new Uint8Array(await readFile(tarball))));
      expect(result.types, folder).toBeTruthy();
      const problems = ('problems' in result ? result.problems : []).filter((problem) => !('resolutionKind' in problem) || !esmOnlyResolutions.has(problem.resolutionKind));
      expect(problems.map((problem) => `${problem.kind} ${'entrypoint' in problem ? problem.entrypoint : ''}`), folder).toEqual([]);
    }
  });

  it('install in a project of their own, and each entry imports there', async () => {
    const out = await project.node(`
      const server = await import('@portico/server');
      const core = await import('@portico/core');
      const wire = await import('@portico/wire');
      const { bundlePath } = await import('@portico/widgets/bundle-path');
      const { existsSync } = await import('node:fs');
      console.log(JSON.stringify({
        createPortico: typeof server.createPortico,
        toExpressMiddleware: typeof server.toExpressMiddleware,
        createPorticoApi: typeof core.createPorticoApi,
        locales: wire.supportedLocales,
        bundle: existsSync(bundlePath),
      }));
    `);
    expect(JSON.parse(out)).toEqual({ createPortico: 'function', toExpressMiddleware: 'function', createPorticoApi: 'function', locales: ['en', 'de', 'it', 'ru', 'ja', 'ar'], bundle: true });
  });

  it('type-check a user’s code against the installed types, React wrappers included', async () => {
    await writeFile(
      join(project.dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, jsx: 'react-jsx', types: [] }, files: ['usage.ts'] }),
    );
    await writeFile(
      join(project.dir, 'usage.ts'),
      `import { createPortico, type Portico } from '@portico/server';
import type { PorticoApi, SignInGrant } from '@portico/core';
import type { SessionResponse } from '@portico/wire';
import type { PorticoPortal } from '@portico/widgets';
import { PorticoPortal as PortalForReact } from '@portico/react';
export async function grantFor(portico: Portico, businessId: string, contactId: string): Promise<SignInGrant> {
  const api: PorticoApi = portico.api;
  return api.business(businessId).clients.signInGrant(contactId, { ttlSeconds: 60 });
}
export const start: typeof createPortico = createPortico;
export type Zone = SessionResponse['timeZone'];
export type Grant = PorticoPortal['grant'];
export const wrapper = PortalForReact;
`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', project.dir]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    expect(result.stdout).toBe('');
  });

  it.runIf(postgresUrl)('run there on Postgres: health, the widget bundle, a business and a sign-in grant', async () => {
    const out = await project.node(
      `
      import pg from 'pg';
      import { createPortico } from '@portico/server';
      const schema = 'portico_fresh_' + Math.random().toString(16).slice(2, 10);
      const admin = new pg.Client({ connectionString: process.env.PORTICO_TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query('create schema ' + schema);
      const pool = new pg.Pool({ connectionString: process.env.PORTICO_TEST_POSTGRES_URL, options: '-c search_path=' + schema });
      try {
        const portico = await createPortico({ database: { postgres: pool } });
        const health = await portico.fetch(new Request('http://localhost/health'));
        const widgets = await portico.fetch(new Request('http://localhost/widgets.js'));
        const business = await portico.api.businesses.create({ name: 'Fresh Studio', portalUrl: 'http://localhost/portal' });
        const client = await portico.api.business(business.id).clients.create({ name: 'Globex', contacts: [{ name: 'Ann', email: 'ann@globex.test' }] });
        const { grant } = await portico.api.business(business.id).clients.signInGrant(client.contacts[0].id);
        console.log(JSON.stringify({ health: health.status, widgets: widgets.status, type: widgets.headers.get('content-type'), grant: grant.length }));
        await portico.close();
      } finally {
        await admin.query('drop schema ' + schema + ' cascade');
        await admin.end();
      }
      `,
    );
    expect(JSON.parse(out)).toMatchObject({ health: 200, widgets: 200, grant: 43 });
    expect(JSON.parse(out).type).toContain('javascript');
  });
});
