import { randomBytes } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipEntry, unzipNames, unzipTest } from './pdf-tools.js';
import { retainedBytes } from '../testing/test-memory.js';
import { crc32, createZipWriter } from './zip-writer.js';

interface TestEntry {
  name: string;
  data: Uint8Array;
  modified: number;
  deflate?: boolean;
}

const text = (value: string) => new TextEncoder().encode(value);

const entries: TestEntry[] = [
  { name: 'HP-0001.pdf', data: randomBytes(5_000), modified: Date.UTC(2025, 0, 31, 23, 59, 59) },
  { name: 'Счёт-7.pdf', data: randomBytes(70_000), modified: Date.UTC(2024, 1, 29, 12, 0, 1) },
  { name: '請求書_3.pdf', data: new Uint8Array(0), modified: Date.UTC(1980, 0, 2) },
  { name: 'empty-name-twin.pdf', data: randomBytes(1), modified: Date.UTC(2099, 11, 30, 10, 11, 12) },
  { name: 'invoices.csv', data: text('\uFEFFnumber,total\r\n'.repeat(5_000)), modified: Date.UTC(2025, 5, 1, 8, 30), deflate: true },
];

/** The archive as fflate's streaming `Zip` writes it: what invoice ZIPs were before this writer. */
function fflateZip(list: TestEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const { name, data, modified, deflate } of list) {
    const file = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    file.mtime = modified;
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
}

function writerZip(list: TestEntry[]): Uint8Array {
  const writer = createZipWriter();
  const chunks = list.flatMap(({ name, data, modified, deflate }) => (deflate ? writer.deflated(name, data, modified) : writer.stored(name, data, modified)));
  return new Uint8Array(Buffer.concat([...chunks, writer.end()]));
}

describe('ZIP writer', () => {
  it('writes byte for byte what fflate’s Zip writes: stored and deflated entries, UTF-8 names, DOS times', () => {
    expect(Buffer.from(writerZip(entries)).equals(Buffer.from(fflateZip(entries)))).toBe(true);
    expect(Buffer.from(writerZip([])).equals(Buffer.from(fflateZip([])))).toBe(true);
  });

  it('makes an archive unzip reads back, entry for entry', async () => {
    const zip = writerZip(entries);
    expect(await unzipTest(zip)).toContain('No errors detected');
    // Info-ZIP prints non-ASCII names in the machine's locale, so those are checked by the bytes above; the rest by name.
    const ascii = entries.filter((entry) => /^[\x20-\x7e]+$/.test(entry.name));
    expect((await unzipNames(zip)).filter((name) => /^[\x20-\x7e]+$/.test(name))).toEqual(ascii.map((entry) => entry.name));
    for (const entry of ascii) expect((await unzipEntry(zip, entry.name)).equals(Buffer.from(entry.data))).toBe(true);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('keeps what the central directory needs as bytes: memory per entry is its record, not objects', () => {
    const writer = createZipWriter();
    const empty = new Uint8Array(0);
    const before = retainedBytes();
    for (let i = 0; i < 20_000; i++) writer.stored(`INV-${String(i).padStart(6, '0')}.pdf`, empty, Date.UTC(2025, 0, 1));
    // 20,000 records of 46 + 14 bytes (1.2 MB) in a buffer that doubles: 2 MiB, and some noise. fflate's Zip kept 23 MB.
    expect(retainedBytes() - before).toBeLessThan(8_000_000);
    expect(writer.end().byteLength).toBe(20_000 * 60 + 22);
  });

  it('refuses what a ZIP without ZIP64 cannot hold, and entries after the end', () => {
    expect(() => createZipWriter().stored('old.pdf', new Uint8Array(1), Date.UTC(1979, 11, 31, 12))).toThrow(/1980 to 2099/);
    const full = createZipWriter();
    for (let i = 0; i < 0xffff; i++) full.stored(`${i}`, new Uint8Array(0), Date.UTC(2025, 0, 1));
    expect(() => full.stored('one-too-many', new Uint8Array(0), Date.UTC(2025, 0, 1))).toThrow(/at most 65535 entries/);
    const ended = createZipWriter();
    ended.end();
    expect(() => ended.stored('late.pdf', new Uint8Array(0), Date.UTC(2025, 0, 1))).toThrow(/has ended/);
  });
});
