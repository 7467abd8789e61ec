import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering the code keeps (DESIGN.md, "Packages"): read from the imports
 * themselves, so a shortcut taken in a hurry shows up here and not months
 * later as a tangle.
 */
const coreSrc = dirname(fileURLToPath(import.meta.url));
const packagesDir = resolve(coreSrc, '..', '..');

/** Folders of core that every domain may use: storage, time, money, the audit and event logs, the text shared by all. */
const infrastructure = new Set(['db', 'shared', 'money', 'audit', 'events']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importSpecifiers(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
}

/** `a -> b` for every folder of core whose non-test code imports another folder's. */
function coreFolderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(coreSrc)) {
    const from = relative(coreSrc, file).split('/')[0]!;
    if (from.endsWith('.ts') || from === 'testing') continue;
    for (const specifier of importSpecifiers(file)) {
      if (!specifier.startsWith('.')) continue;
      const to = relative(coreSrc, resolve(dirname(file), specifier)).split('/')[0]!;
      if (to === from || to.endsWith('.js')) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

/** Which of Portico's packages each package's non-test sources import. */
function packageEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const name of readdirSync(packagesDir)) {
    const src = join(packagesDir, name, 'src');
    const manifest = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8')) as { name: string };
    const imported = new Set<string>();
    for (const file of sourceFiles(src).filter((path) => !relative(src, path).startsWith('testing'))) {
      for (const specifier of importSpecifiers(file)) {
        const match = /^(@portico\/[a-z-]+)/.exec(specifier);
        if (match && match[1] !== manifest.name) imported.add(match[1]!);
      }
    }
    edges.set(manifest.name, imported);
  }
  return edges;
}

describe('architecture', () => {
  it('no two folders of core import each other', () => {
    const edges = coreFolderEdges();
    const bothWays = [...edges].flatMap(([from, targets]) => [...targets].filter((to) => from < to && edges.get(to)?.has(from)).map((to) => `${from} <-> ${to}`));
    expect(bothWays).toEqual([]);
  });

  it('email knows no domain: it imports only infrastructure folders', () => {
    const email = [...(coreFolderEdges().get('email') ?? [])].filter((folder) => !infrastructure.has(folder));
    expect(email).toEqual([]);
  });

  it('the event log knows no domain: every domain records into it, so it imports only infrastructure', () => {
    const events = [...(coreFolderEdges().get('events') ?? [])].filter((folder) => !infrastructure.has(folder));
    expect(events).toEqual([]);
  });

  it('no package imports one that imports it back, and the wire contract imports none', () => {
    const edges = packageEdges();
    expect([...edges.get('@portico/wire')!]).toEqual([]);
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(edges.get(from) ?? [])].some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
    const circles = [...edges.keys()].filter((name) => reaches(name, name));
    expect(circles).toEqual([]);
  });

  it('every package declares the Portico packages its sources import', () => {
    const undeclared = [...packageEdges()].flatMap(([name, imported]) => {
      const folder = readdirSync(packagesDir).find((dir) => JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')).name === name)!;
      const manifest = JSON.parse(readFileSync(join(packagesDir, folder, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      return [...imported].filter((dependency) => !declared.has(dependency)).map((dependency) => `${name} -> ${dependency}`);
    });
    expect(undeclared).toEqual([]);
  });
});
