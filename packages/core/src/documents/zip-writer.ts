import { Deflate } from 'fflate';
import { ByteList } from './byte-list.js';

/**
 * A ZIP archive written one entry at a time, as bytes to send on at once:
 * an entry's local header, data and data descriptor when it is added, the
 * central directory at the end.
 *
 * Why not fflate's `Zip`: it keeps an object per entry for the central
 * directory (the entry, its name as a typed array, a checksum object, five
 * closures), some 1.5 kB each, and a 5,000-invoice ZIP grew the server's heap
 * by that. Here each entry's central directory record is written out when the
 * entry is, into one growing buffer: 46 bytes plus its name.
 *
 * The bytes are the ones fflate's `Zip` writes for `ZipPassThrough` and
 * `ZipDeflate` (level 6) entries: data descriptors after the data, UTF-8
 * names flagged, DOS times in the process's time zone. No ZIP64: more than
 * 65,535 entries, or sizes and offsets past 4 GiB, are an error rather than a
 * broken archive.
 */
export interface ZipWriter {
  /** One entry kept as it is (for data compressed already, like PDFs). */
  stored(name: string, data: Uint8Array, modified: number): Uint8Array[];
  /** One entry deflated at level 6. */
  deflated(name: string, data: Uint8Array, modified: number): Uint8Array[];
  /** The central directory and its end record. Nothing may be added after. */
  end(): Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8_NAME = 0x0800;
const STORED = 0;
const DEFLATED = 8;
/** The most entries a ZIP without ZIP64 holds. */
export const MAX_ZIP_ENTRIES = 0xffff;
const MAX_32 = 0xffffffff;

interface Entry {
  name: Uint8Array;
  flags: number;
  method: number;
  dosTime: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export function createZipWriter(): ZipWriter {
  const directory = new ByteList();
  const encoder = new TextEncoder();
  let entries = 0;
  let offset = 0;
  let ended = false;

  const add = (name: string, method: number, data: Uint8Array, stored: Uint8Array[], modified: number): Uint8Array[] => {
    if (ended) throw new Error('This ZIP has ended: no entry can be added.');
    if (entries === MAX_ZIP_ENTRIES) throw new Error(`A ZIP holds at most ${MAX_ZIP_ENTRIES} entries (no ZIP64).`);
    const encoded = encoder.encode(name);
    if (encoded.length > 0xffff) throw new Error('A ZIP entry name is at most 65,535 bytes.');
    const compressedSize = stored.reduce((sum, chunk) => sum + chunk.length, 0);
    const entry: Entry = {
      name: encoded,
      // As fflate decides it: a name whose UTF-8 is longer than its UTF-16 is not plain ASCII.
      flags: FLAG_DATA_DESCRIPTOR | (encoded.length !== name.length ? FLAG_UTF8_NAME : 0),
      method,
      dosTime: dosDateTime(modified),
      crc: crc32(data),
      compressedSize,
      size: data.length,
      offset,
    };
    const header = localHeader(entry);
    const descriptor = dataDescriptor(entry);
    const written = offset + header.length + compressedSize + descriptor.length;
    if (written > MAX_32) throw new Error('A ZIP is at most 4 GiB (no ZIP64).');
    writeCentralRecord(directory, entry);
    entries++;
    offset = written;
    return [header, ...stored, descriptor];
  };

  return {
    stored: (name, data, modified) => add(name, STORED, data, [data], modified),
    deflated(name, data, modified) {
      const compressed: Uint8Array[] = [];
      new Deflate({ level: 6 }, (chunk) => compressed.push(chunk)).push(data, true);
      return add(name, DEFLATED, data, compressed, modified);
    },
    end() {
      if (ended) throw new Error('This ZIP has ended already.');
      ended = true;
      const records = directory.bytes();
      const out = new Uint8Array(records.length + 22);
      out.set(records);
      const view = viewOf(out.subarray(records.length));
      view.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
      view.setUint16(8, entries, true);
      view.setUint16(10, entries, true);
      view.setUint32(12, records.length, true);
      view.setUint32(16, offset, true);
      return out;
    },
  };
}

function localHeader(entry: Entry): Uint8Array {
  const header = new Uint8Array(30 + entry.name.length);
  const view = viewOf(header);
  view.setUint32(0, LOCAL_HEADER, true);
  view.setUint16(4, VERSION, true);
  view.setUint16(6, entry.flags, true);
  view.setUint16(8, entry.method, true);
  view.setUint32(10, entry.dosTime, true);
  // Checksum and sizes follow the data, in its descriptor: 14 to 25 stay zero.
  view.setUint16(26, entry.name.length, true);
  header.set(entry.name, 30);
  return header;
}

function dataDescriptor(entry: Entry): Uint8Array {
  const descriptor = new Uint8Array(16);
  const view = viewOf(descriptor);
  view.setUint32(0, DATA_DESCRIPTOR, true);
  view.setUint32(4, entry.crc, true);
  view.setUint32(8, entry.compressedSize, true);
  view.setUint32(12, entry.size, true);
  return descriptor;
}

function writeCentralRecord(directory: ByteList, entry: Entry): void {
  const record = directory.reserve(46 + entry.name.length);
  const view = viewOf(record);
  view.setUint32(0, CENTRAL_HEADER, true);
  view.setUint16(4, VERSION, true); // made by: version 2.0, MS-DOS attributes
  view.setUint16(6, VERSION, true);
  view.setUint16(8, entry.flags, true);
  view.setUint16(10, entry.method, true);
  view.setUint32(12, entry.dosTime, true);
  view.setUint32(16, entry.crc, true);
  view.setUint32(20, entry.compressedSize, true);
  view.setUint32(24, entry.size, true);
  view.setUint16(28, entry.name.length, true);
  // Extra field, comment, disk, attributes (30 to 41): none, all zero.
  view.setUint32(42, entry.offset, true);
  record.set(entry.name, 46);
}

/** An MS-DOS date and time (two-second steps) in the process's time zone, as fflate writes it. */
function dosDateTime(time: number): number {
  const date = new Date(time);
  const year = date.getFullYear() - 1980;
  if (!(year >= 0 && year <= 119)) throw new Error('A ZIP entry’s date must be from 1980 to 2099.');
  return (
    ((year << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) >>>
    0
  );
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 (ISO-HDLC, as ZIP uses) of `data`. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
