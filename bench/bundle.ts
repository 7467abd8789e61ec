/**
 * bundle: how many gzipped kilobytes the widgets cost a page.
 *
 * Builds with packages/widgets' own rollup config (the same plugins, minifiers
 * and terser settings as `dist/portico-widgets.js`), in memory, from the
 * current sources, and gzips each output at level 9:
 * - total: the whole bundle that `/portal/widgets.js` serves, Lit included
 *   (target: under 35 KB); total_br: the same as Brotli, which the server
 *   sends to browsers that accept it;
 * - lit_share: the total less the same bundle with Lit left out, roughly
 *   what Lit itself weighs there;
 * - translations_share: the total less the same bundle with the five
 *   non-English tables (src/i18n/xx.ts) standing in as English: what
 *   carrying every language in the one file costs;
 * - base: what every widget's entry carries, Lit left out: the element they
 *   all extend, with the API client and the six translation tables;
 * - <widget>: each widget built on its own from its package entry
 *   (`@portico/widgets/statement.js`), Lit left out: what that widget and the
 *   shared code it needs (API client, translation tables, theme) add to a page
 *   that has Lit already. Widgets that contain others (the portal) count them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup, type Plugin, type RollupLog } from 'rollup';
import type { Report } from './lib/figures.js';

const widgetsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'widgets');

interface WidgetsRollupConfig {
  input: string;
  plugins: Plugin[];
  onwarn?: (warning: RollupLog, warn: (warning: RollupLog) => void) => void;
}

/** Lit and its parts: what a page using several widgets' own entries shares. */
function isLit(id: string): boolean {
  return /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit-labs\/[^/]+)(\/|$)/.test(id);
}

/** Replaces each non-English translation table with the English one. */
const englishOnly: Plugin = {
  name: 'bench-english-only',
  transform(_code, id) {
    const table = /[\\/]src[\\/]i18n[\\/]([a-z]{2})\.ts$/.exec(id)?.[1];
    return table && table !== 'en' ? `import { en } from './en.js';\nexport const ${table} = en;\n` : null;
  },
};

async function bundled(config: WidgetsRollupConfig, input: string, external: (id: string) => boolean, extraPlugins: Plugin[] = []): Promise<string> {
  const build = await rollup({ input, plugins: [...extraPlugins, ...config.plugins], external, ...(config.onwarn ? { onwarn: config.onwarn } : {}) });
  try {
    const { output } = await build.generate({ format: 'es', sourcemap: false });
    return output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
  } finally {
    await build.close();
  }
}

async function gzippedKb(...args: Parameters<typeof bundled>): Promise<number> {
  return gzipSync(await bundled(...args), { level: 9 }).length / 1024;
}

/** `./statement.js` → `src/statement/statement.ts`, for every widget entry of the package. */
function widgetEntries(): Array<{ name: string; source: string }> {
  const { exports } = JSON.parse(readFileSync(join(widgetsDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return Object.entries(exports)
    .filter(([subpath, target]) => /^\.\/[a-z-]+\.js$/.test(subpath) && typeof (target as { source?: unknown }).source === 'string')
    .filter(([subpath]) => subpath !== './portico-widgets.js')
    .map(([subpath, target]) => ({ name: subpath.slice(2, -3).replace(/-/g, '_'), source: (target as { source: string }).source }));
}

export default async function bundle(report: Report): Promise<void> {
  // The config's plugins resolve their paths (tsconfig, include globs) from the working directory.
  const cwd = process.cwd();
  process.chdir(widgetsDir);
  try {
    const config = ((await import(pathToFileURL(join(widgetsDir, 'rollup.config.mjs')).href)) as { default: WidgetsRollupConfig }).default;
    const whole = await bundled(config, config.input, () => false);
    const total = gzipSync(whole, { level: 9 }).length / 1024;
    report.figure('total_gz_kb', total, 'KB');
    const brotli = brotliCompressSync(whole, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });
    report.figure('total_br_kb', brotli.length / 1024, 'KB');
    report.figure('lit_share_gz_kb', total - (await gzippedKb(config, config.input, isLit)), 'KB');
    report.figure('translations_share_gz_kb', total - (await gzippedKb(config, config.input, () => false, [englishOnly])), 'KB');
    report.figure('base_gz_kb', await gzippedKb(config, 'src/shared/portico-element.ts', isLit), 'KB');
    for (const { name, source } of widgetEntries()) {
      report.figure(`${name}_gz_kb`, await gzippedKb(config, source, isLit), 'KB');
    }
  } finally {
    process.chdir(cwd);
  }
}
