/**
 * bundle: how many gzipped kilobytes the widgets cost a page.
 *
 * Builds with packages/widgets' own rollup config (the same plugins, minifiers
 * and terser settings as `dist/bundle/`), in memory, from the current
 * sources, and gzips each file at level 9, as the server sends it:
 * - total: every file of the bundle, Lit included: both entries
 *   (`widgets.js`, `admin-widgets.js`), each language's table, Stripe's
 *   loader, each gzipped on its own and summed (target: under 35 KB);
 *   total_br: the same as Brotli, which the server sends to browsers that
 *   accept it;
 * - entry: `widgets.js` and what it imports up front: what an English page
 *   downloads for every client widget; admin: what `admin-widgets.js` adds
 *   on the business's dashboard (its two widgets);
 * - page: the most any page downloads before its widgets show, the entry
 *   plus the largest language's table;
 * - locale_<xx>: each language's file (with what it alone imports), fetched
 *   only by a page in that language; stripe_loader: `@stripe/stripe-js`'s
 *   loader, fetched when someone presses Pay;
 * - lit_share: the entry less the same entry with Lit left out, roughly
 *   what Lit itself weighs there;
 * - base: what every widget's entry carries, Lit left out: the element they
 *   all extend, with the API client and the English table;
 * - <widget>: each widget built on its own from its package entry
 *   (`@portico/widgets/statement.js`), Lit left out: what that widget and the
 *   shared code it needs (API client, English table, theme) add to a page
 *   that has Lit already. Widgets that contain others (the portal) count them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup, type OutputChunk, type Plugin, type PreserveEntrySignaturesOption, type RollupLog } from 'rollup';
import type { Report } from './lib/figures.js';

const widgetsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'widgets');

interface WidgetsRollupConfig {
  input: string | Record<string, string>;
  preserveEntrySignatures?: PreserveEntrySignaturesOption;
  plugins: Plugin[];
  onwarn?: (warning: RollupLog, warn: (warning: RollupLog) => void) => void;
}

/** Lit and its parts: what a page using several widgets' own entries shares. */
function isLit(id: string): boolean {
  return /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit-labs\/[^/]+)(\/|$)/.test(id);
}

/** The files of one build, by name, as rollup writes them. */
async function build(config: WidgetsRollupConfig, input: WidgetsRollupConfig['input'], external: (id: string) => boolean): Promise<Map<string, OutputChunk>> {
  const { plugins, onwarn, preserveEntrySignatures } = config;
  const bundle = await rollup({ input, plugins, external, ...(onwarn ? { onwarn } : {}), ...(preserveEntrySignatures ? { preserveEntrySignatures } : {}) });
  try {
    const { output } = await bundle.generate({ format: 'es', sourcemap: false, entryFileNames: '[name].js', chunkFileNames: 'widgets-[name]-[hash].js' });
    return new Map(output.flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
  } finally {
    await bundle.close();
  }
}

function gzippedKb(code: string): number {
  return gzipSync(code, { level: 9 }).length / 1024;
}

/** A file and every file of the build it imports statically (what loading it downloads), each gzipped on its own. */
function loadedGzKb(files: Map<string, OutputChunk>, name: string, already: Set<string> = new Set()): number {
  // Left out: already counted, or external (Lit, in the builds that leave it out).
  if (already.has(name) || !files.has(name)) return 0;
  already.add(name);
  const file = files.get(name)!;
  return gzippedKb(file.code) + file.imports.reduce((sum, imported) => sum + loadedGzKb(files, imported, already), 0);
}

/** The clients' entry of the whole bundle, or the only entry of a build of one widget. */
function entryOf(files: Map<string, OutputChunk>): OutputChunk {
  return files.get('widgets.js') ?? [...files.values()].find((file) => file.isEntry)!;
}

/** What loading a build's entry downloads up front. */
function entryGzKb(files: Map<string, OutputChunk>): number {
  return loadedGzKb(files, entryOf(files).fileName);
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
    const files = await build(config, config.input, () => false);
    const everything = [...files.values()];
    report.figure('total_gz_kb', everything.reduce((sum, file) => sum + gzippedKb(file.code), 0), 'KB');
    const brotli = (code: string) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length / 1024;
    report.figure('total_br_kb', everything.reduce((sum, file) => sum + brotli(file.code), 0), 'KB');

    const entry = entryOf(files);
    const entryKb = entryGzKb(files);
    report.figure('entry_gz_kb', entryKb, 'KB');
    report.figure('admin_gz_kb', loadedGzKb(files, 'admin-widgets.js', new Set([entry.fileName, ...entry.imports])), 'KB');
    // Files the entry imports only when needed: a language's table (named after its file, `de.ts`), Stripe's loader.
    const lazy = entry.dynamicImports.map((name) => ({ name, module: files.get(name)!.facadeModuleId ?? '' }));
    const locales = lazy.filter(({ module }) => /[\\/]i18n[\\/][a-z]{2}\.ts$/.test(module));
    let largestLocale = 0;
    for (const { name, module } of locales) {
      const kb = loadedGzKb(files, name, new Set(entry.imports.concat(entry.fileName)));
      largestLocale = Math.max(largestLocale, kb);
      report.figure(`locale_${/([a-z]{2})\.ts$/.exec(module)![1]}_gz_kb`, kb, 'KB');
    }
    report.figure('page_gz_kb', entryKb + largestLocale, 'KB');
    const stripe = lazy.find(({ module }) => module.includes('@stripe'));
    if (stripe) report.figure('stripe_loader_gz_kb', loadedGzKb(files, stripe.name), 'KB');

    report.figure('lit_share_gz_kb', entryKb - entryGzKb(await build(config, config.input, isLit)), 'KB');
    report.figure('base_gz_kb', entryGzKb(await build(config, 'src/shared/portico-element.ts', isLit)), 'KB');
    for (const { name, source } of widgetEntries()) {
      report.figure(`${name}_gz_kb`, entryGzKb(await build(config, source, isLit)), 'KB');
    }
  } finally {
    process.chdir(cwd);
  }
}
