import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Poppler's and Info-ZIP's command-line tools (Debian's poppler-utils and
 * unzip), run on a temporary file: what tests use to read documents the way
 * other programs do.
 */
const run = promisify(execFile);

export async function withTempFile<T>(name: string, bytes: Uint8Array, use: (path: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'portico-doc-'));
  const path = join(folder, name);
  try {
    await writeFile(path, bytes);
    return await use(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The text pdftotext reads out of a PDF (UTF-8, reading order). */
export function pdfToText(pdf: Uint8Array): Promise<string> {
  return withTempFile('document.pdf', pdf, async (path) => (await run('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);
}

/** pdffonts' table: one line per font (name, type, encoding, embedded, subset, unicode map). */
export function pdfFonts(pdf: Uint8Array): Promise<string> {
  return withTempFile('document.pdf', pdf, async (path) => (await run('pdffonts', [path])).stdout);
}

/** `unzip -t` (tests every entry's CRC); throws when it fails. Returns its report. */
export function unzipTest(zip: Uint8Array): Promise<string> {
  return withTempFile('archive.zip', zip, async (path) => (await run('unzip', ['-t', path], { maxBuffer: 64 * 1024 * 1024 })).stdout);
}

/** The names of the entries in a ZIP, in order (`unzip -Z1`). */
export function unzipNames(zip: Uint8Array): Promise<string[]> {
  return withTempFile('archive.zip', zip, async (path) =>
    (await run('unzip', ['-Z1', path], { maxBuffer: 64 * 1024 * 1024 })).stdout.split('\n').filter((line) => line !== ''),
  );
}

/** One entry's bytes (`unzip -p`). */
export function unzipEntry(zip: Uint8Array, name: string): Promise<Buffer> {
  return withTempFile('archive.zip', zip, async (path) => (await run('unzip', ['-p', path, name], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout);
}

/** Text as pdftotext gives Arabic: presentation forms folded back to letters (NFKC), bidi marks gone, spaces collapsed. */
export function normalizeExtracted(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/gu, ' ');
}
