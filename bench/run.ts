/**
 * Runs the benchmarks: `npm run bench` runs every one, `npm run bench -- NAME`
 * (or several names) only those. A bench is any `bench/NAME.ts` whose default
 * export is a `Bench`; adding a file adds a bench.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createReport, type Bench } from './lib/figures.js';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.endsWith('.d.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`No bench named ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(2);
}

for (const name of wanted.length > 0 ? wanted : available) {
  const module = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as { default?: Bench };
  if (typeof module.default !== 'function') {
    console.error(`bench/${name}.ts has no default export to run.`);
    process.exit(2);
  }
  await module.default(createReport(name));
}
