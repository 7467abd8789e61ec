/**
 * A small TrueType subsetter for fonts embedded as CIDFontType2 with an
 * identity CID-to-glyph map (how jsPDF embeds Unicode fonts). Glyph ids are
 * kept, so only the outlines change: every glyph not drawn (nor used by a
 * drawn composite glyph) becomes empty. The result has the tables a PDF
 * TrueType font program needs (head, hhea, maxp, hmtx, loca, glyf, and the
 * hinting tables when present); a PDF reader maps text through the PDF's own
 * /W and /ToUnicode, not the font's cmap.
 *
 * jsPDF's own subsetter copies the whole cmap, hmtx, post and name tables into
 * every file through byte arrays: some 200 ms a document with Noto Sans, and
 * 100 kB of font per PDF. This one takes well under a millisecond.
 */
export interface TrueTypeFile {
  bytes: Uint8Array;
  tables: Map<string, { offset: number; length: number }>;
  /** Start of each glyph in `glyf`, numGlyphs + 1 entries. */
  loca: Uint32Array;
  numGlyphs: number;
  numberOfHMetrics: number;
}

const keptTables = ['cvt ', 'fpgm', 'prep'];

export function parseTrueType(bytes: Uint8Array): TrueTypeFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('Not a TrueType font (glyf outlines) file.');
  const count = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    const tag = String.fromCharCode(bytes[entry]!, bytes[entry + 1]!, bytes[entry + 2]!, bytes[entry + 3]!);
    tables.set(tag, { offset: view.getUint32(entry + 8), length: view.getUint32(entry + 12) });
  }
  for (const tag of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf']) {
    if (!tables.has(tag)) throw new Error(`TrueType font has no ${tag} table.`);
  }
  const head = tables.get('head')!;
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16(tables.get('maxp')!.offset + 4);
  const numberOfHMetrics = view.getUint16(tables.get('hhea')!.offset + 34);
  const locaTable = tables.get('loca')!;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) {
    loca[i] = longLoca ? view.getUint32(locaTable.offset + i * 4) : view.getUint16(locaTable.offset + i * 2) * 2;
  }
  return { bytes, tables, loca, numGlyphs, numberOfHMetrics };
}

/** A font file with only the outlines of `glyphIds` (and the glyphs their composites use). */
export function subsetTrueType(font: TrueTypeFile, glyphIds: Iterable<number>): Uint8Array {
  const { bytes, tables, loca, numGlyphs } = font;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const glyfOffset = tables.get('glyf')!.offset;

  const used = new Set<number>([0]);
  const pending = [...glyphIds];
  while (pending.length > 0) {
    const id = Number(pending.pop());
    if (!Number.isInteger(id) || id < 0 || id >= numGlyphs || used.has(id)) continue;
    used.add(id);
    for (const component of componentsOf(view, glyfOffset + loca[id]!, loca[id + 1]! - loca[id]!)) pending.push(component);
  }
  // Components of glyph 0, if any.
  for (const component of componentsOf(view, glyfOffset + loca[0]!, loca[1]! - loca[0]!)) used.add(component);

  const ids = [...used].sort((a, b) => a - b);
  // Glyphs after the last one used are never referenced: the font ends there (maxp and hmtx shrink with it).
  const count = ids.at(-1)! + 1;
  let glyfLength = 0;
  for (const id of ids) glyfLength += pad4(loca[id + 1]! - loca[id]!);
  const shortLoca = glyfLength < 0x20000;
  const glyf = new Uint8Array(glyfLength);
  const newLoca = new Uint8Array((count + 1) * (shortLoca ? 2 : 4));
  const locaView = new DataView(newLoca.buffer);
  const writeLoca = (id: number, offset: number) => (shortLoca ? locaView.setUint16(id * 2, offset / 2) : locaView.setUint32(id * 4, offset));
  let position = 0;
  let next = 0;
  for (let id = 0; id <= count; id++) {
    writeLoca(id, position);
    if (id < count && id === ids[next]) {
      next++;
      const start = loca[id]!;
      const length = loca[id + 1]! - start;
      glyf.set(bytes.subarray(glyfOffset + start, glyfOffset + start + length), position);
      position += pad4(length);
    }
  }

  const head = copyTable(bytes, tables.get('head')!);
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0);
  headView.setInt16(50, shortLoca ? 0 : 1);

  const maxp = copyTable(bytes, tables.get('maxp')!);
  new DataView(maxp.buffer).setUint16(4, count);
  const hhea = copyTable(bytes, tables.get('hhea')!);
  new DataView(hhea.buffer).setUint16(34, count);

  // One full metric per glyph kept; the ones not drawn are zero (a PDF reader takes widths from /W).
  const hmtxTable = tables.get('hmtx')!;
  const metrics = font.numberOfHMetrics;
  const hmtx = new Uint8Array(count * 4);
  const hmtxView = new DataView(hmtx.buffer);
  for (const id of ids) {
    const advance = view.getUint16(hmtxTable.offset + Math.min(id, metrics - 1) * 4);
    const lsbOffset = id < metrics ? id * 4 + 2 : metrics * 4 + (id - metrics) * 2;
    const lsb = lsbOffset + 2 <= hmtxTable.length ? view.getInt16(hmtxTable.offset + lsbOffset) : 0;
    hmtxView.setUint16(id * 4, advance);
    hmtxView.setInt16(id * 4 + 2, lsb);
  }

  const out = new Map<string, Uint8Array>([
    ['head', head],
    ['hhea', hhea],
    ['maxp', maxp],
    ['hmtx', hmtx],
    ['loca', newLoca],
    ['glyf', glyf],
  ]);
  for (const tag of keptTables) {
    const table = tables.get(tag);
    if (table) out.set(tag, copyTable(bytes, table));
  }
  return assemble(out);
}

function componentsOf(view: DataView, offset: number, length: number): number[] {
  if (length < 10 || view.getInt16(offset) >= 0) return [];
  const components: number[] = [];
  let at = offset + 10;
  const end = offset + length;
  for (;;) {
    if (at + 4 > end) break;
    const flags = view.getUint16(at);
    components.push(view.getUint16(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) break;
  }
  return components;
}

function copyTable(bytes: Uint8Array, table: { offset: number; length: number }): Uint8Array {
  return bytes.slice(table.offset, table.offset + table.length);
}

function pad4(length: number): number {
  return (length + 3) & ~3;
}

function checksum(data: Uint8Array): number {
  const padded = data.length % 4 === 0 ? data : (() => {
    const copy = new Uint8Array(pad4(data.length));
    copy.set(data);
    return copy;
  })();
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function assemble(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const headerLength = 12 + count * 16;
  let total = headerLength;
  for (const tag of tags) total += pad4(tables.get(tag)!.length);
  const file = new Uint8Array(total);
  const view = new DataView(file.buffer);
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, count * 16 - searchRange);
  let offset = headerLength;
  let headOffset = 0;
  tags.forEach((tag, index) => {
    const data = tables.get(tag)!;
    const entry = 12 + index * 16;
    for (let i = 0; i < 4; i++) file[entry + i] = tag.charCodeAt(i);
    view.setUint32(entry + 4, checksum(data));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, data.length);
    file.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += pad4(data.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return file;
}
