import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The parts of a custom elements manifest (schema 2.x) the generators read. */
export interface ManifestType {
  text: string;
}
export interface ManifestAttribute {
  name: string;
  type?: ManifestType;
  default?: string;
  description?: string;
  fieldName?: string;
}
export interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  type?: ManifestType;
  default?: string;
  description?: string;
  attribute?: string;
  readonly?: boolean;
  static?: boolean;
}
export interface ManifestEvent {
  name: string;
  type?: ManifestType;
  description?: string;
}
export interface ManifestNamed {
  name: string;
  description?: string;
  default?: string;
  /** Set on what a class has from a base class (the shared theme tokens). */
  inheritedFrom?: { name: string; module?: string };
}
export interface ManifestElement {
  kind: 'class';
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestEvent[];
  slots?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  cssProperties?: ManifestNamed[];
}
export interface ManifestExport {
  kind: 'js' | 'custom-element-definition';
  name: string;
  declaration: { name: string; module?: string };
}
export interface ManifestModule {
  path: string;
  declarations?: Array<ManifestElement | { kind: string; name: string }>;
  exports?: ManifestExport[];
}
export interface Manifest {
  schemaVersion: string;
  modules: ManifestModule[];
}

/** A tag the widgets register, with the module that registers it. */
export interface RegisteredElement {
  tagName: string;
  declaration: ManifestElement;
  /** The module whose import registers the tag (`src/statement/statement.ts`). */
  registeredIn: string;
}

const require = createRequire(import.meta.url);

/** The manifest `npm run build --workspace=@portico/widgets` writes. */
export function readWidgetsManifest(): Manifest {
  const path = join(widgetsPackageDir(), 'dist', 'custom-elements.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`No custom elements manifest at ${path}: run \`npm run build --workspace=@portico/widgets\` first. (${String(error)})`);
  }
}

/** Folder of @portico/widgets, found as Node finds packages (its exports hide package.json). */
export function widgetsPackageDir(): string {
  for (const modules of require.resolve.paths('@portico/widgets') ?? []) {
    const folder = join(modules, '@portico', 'widgets');
    if (existsSync(join(folder, 'package.json'))) return realpathSync(folder);
  }
  throw new Error('@portico/widgets is not installed: run npm install at the repository root.');
}

/** Every tag in the manifest, sorted by tag name. */
export function registeredElements(manifest: Manifest): RegisteredElement[] {
  const elements: RegisteredElement[] = [];
  for (const module of manifest.modules) {
    for (const entry of module.exports ?? []) {
      if (entry.kind !== 'custom-element-definition') continue;
      const home = manifest.modules.find((m) => m.path === entry.declaration.module);
      const declaration = home?.declarations?.find((d): d is ManifestElement => d.kind === 'class' && d.name === entry.declaration.name);
      if (!declaration) throw new Error(`The manifest defines <${entry.name}> with ${entry.declaration.name}, which it does not declare.`);
      elements.push({ tagName: entry.name, declaration, registeredIn: module.path });
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/**
 * Names a module of the widgets exports (types included), like `src/index.ts`,
 * following its `export * from` (the analyzer records those as `*` with the
 * module they come from, written as its `.js`).
 */
export function exportedNames(manifest: Manifest, modulePath: string, seen: Set<string> = new Set()): Set<string> {
  const names = new Set<string>();
  if (seen.has(modulePath)) return names;
  seen.add(modulePath);
  const module = manifest.modules.find((m) => m.path === modulePath);
  for (const entry of module?.exports ?? []) {
    if (entry.kind !== 'js') continue;
    if (entry.name !== '*') names.add(entry.name);
    else if (entry.declaration.module) {
      for (const name of exportedNames(manifest, entry.declaration.module.replace(/\.js$/, '.ts'), seen)) names.add(name);
    }
  }
  return names;
}

/** `portico-invoice-list` → `PorticoInvoiceList`. */
export function pascalCase(kebab: string): string {
  return kebab
    .split('-')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** The React prop for an event: `portico-invoice-open` → `onPorticoInvoiceOpen`. */
export function eventPropName(eventName: string): string {
  return `on${pascalCase(eventName)}`;
}

/** The detail type's name in `CustomEvent<Detail>`, if it is a plain name. */
export function eventDetailTypeName(event: ManifestEvent): string | undefined {
  return /^CustomEvent<([A-Za-z_$][\w$]*)>$/.exec(event.type?.text ?? '')?.[1];
}

/** @portico/widgets' package exports (`./statement.js` → its targets). */
export function readWidgetsPackageExports(): Record<string, unknown> {
  const packageJson = JSON.parse(readFileSync(join(widgetsPackageDir(), 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return packageJson.exports;
}

/** The package export (`statement.js`) whose source is the module registering the tag, if there is one. */
export function packageSubpath(element: RegisteredElement, packageExports: Record<string, unknown>): string | undefined {
  for (const [subpath, target] of Object.entries(packageExports)) {
    if (typeof target === 'object' && target !== null && (target as { source?: string }).source === `./${element.registeredIn}`) {
      return subpath.replace(/^\.\//, '');
    }
  }
  return undefined;
}
