import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { jsPDF } from 'jspdf';
import { parseTrueType, subsetTrueType, type TrueTypeFile } from './truetype-subset.js';

/**
 * The fonts invoice PDFs embed (SIL Open Font License 1.1, shipped as .ttf by
 * the @expo-google-fonts packages). jsPDF's built-in Helvetica has no
 * Cyrillic, Japanese or Arabic, so every glyph comes from these:
 * - sans: Noto Sans (Latin, Greek, Cyrillic);
 * - jp: Noto Sans JP (kana, kanji, full-width forms; also Latin);
 * - arabic: Noto Sans Arabic (Arabic with its presentation forms, which is what jsPDF's shaper emits).
 *
 * A font file is read and parsed once per process, the first time a document
 * needs it; each document then gets a fresh, cheap view of the parsed font
 * (its own used-glyph set), and only the glyphs it drew are embedded
 * (see truetype-subset.ts).
 */
export type FontFamily = 'sans' | 'jp' | 'arabic';
export type FontWeight = 'regular' | 'bold';

const files: Record<FontFamily, Record<FontWeight, { module: string; postScriptName: string }>> = {
  sans: {
    regular: { module: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', postScriptName: 'NotoSans-Regular' },
    bold: { module: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf', postScriptName: 'NotoSans-Bold' },
  },
  jp: {
    regular: { module: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf', postScriptName: 'NotoSansJP-Regular' },
    bold: { module: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf', postScriptName: 'NotoSansJP-Bold' },
  },
  arabic: {
    regular: {
      module: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
      postScriptName: 'NotoSansArabic-Regular',
    },
    bold: { module: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf', postScriptName: 'NotoSansArabic-Bold' },
  },
};

/** The parts of jsPDF's (undeclared) TTFFont that Portico uses. */
interface TtfFont {
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
  ascender: number;
  decender: number;
  subset: object;
  toUnicode: Record<number, number>;
  Unicode?: { encoding: Record<string, unknown>; kerning: Record<string, unknown>; widths: unknown[] };
  glyIdsUsed?: number[];
}

interface JsPdfStatics {
  API: {
    TTFFont: { open(data: Uint8Array): TtfFont };
    events: Array<[string, unknown]>;
  };
}

/** A parsed font with per-character metrics, shared by every document of the process. */
export class LoadedFont {
  readonly #widths = new Map<number, number>();
  constructor(
    readonly family: FontFamily,
    readonly weight: FontWeight,
    readonly postScriptName: string,
    readonly ttf: TtfFont,
    readonly file: TrueTypeFile,
  ) {}

  /** Whether the font has a glyph for this UTF-16 code unit. */
  has(code: number): boolean {
    return this.glyph(code) !== 0;
  }

  glyph(code: number): number {
    return this.ttf.characterToGlyph(code);
  }

  /** Advance width in thousandths of the font size. */
  advance(code: number): number {
    let width = this.#widths.get(code);
    if (width === undefined) {
      width = this.ttf.widthOfGlyph(this.glyph(code));
      this.#widths.set(code, width);
    }
    return width;
  }

  /** Width of `text` at `size` points. */
  width(text: string, size: number): number {
    let total = 0;
    for (let i = 0; i < text.length; i++) total += this.advance(text.charCodeAt(i));
    return (total * size) / 1000;
  }

  /** A view of the parsed font with its own per-document state, for one jsPDF document. */
  forDocument(): TtfFont {
    // A shallow copy with the same prototype: jsPDF checks some tables with hasOwnProperty.
    const view = Object.assign(Object.create(Object.getPrototypeOf(this.ttf) as object) as object, this.ttf) as TtfFont;
    view.toUnicode = {};
    view.Unicode = { encoding: {}, kerning: {}, widths: [] };
    view.glyIdsUsed = [0];
    // jsPDF calls subset.encode(glyphIdsUsed) when it writes the font: ours keeps only those outlines.
    const file = this.file;
    view.subset = { encode: (glyphIds: number[]) => subsetTrueType(file, glyphIds) };
    return view;
  }
}

const loaded = new Map<string, LoadedFont>();
const byPostScriptName = new Map<string, LoadedFont>();
const require = createRequire(import.meta.url);

/** The font, read and parsed on first use and kept for the life of the process. */
export function loadFont(family: FontFamily, weight: FontWeight): LoadedFont {
  const key = `${family}/${weight}`;
  let font = loaded.get(key);
  if (!font) {
    const file = files[family][weight];
    const data = readFileSync(require.resolve(file.module));
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const ttf = (jsPdf() as unknown as JsPdfStatics).API.TTFFont.open(bytes);
    font = new LoadedFont(family, weight, file.postScriptName, ttf, parseTrueType(bytes));
    loaded.set(key, font);
    byPostScriptName.set(file.postScriptName, font);
  }
  return font;
}

let jsPdfClass: typeof jsPDF | undefined;

/**
 * jsPDF, loaded on first use with the font hook below installed before any
 * document exists (a document takes its event handlers when it is made). A
 * process that only hands PDFs to a rendering thread never loads it.
 */
export function jsPdf(): typeof jsPDF {
  if (!jsPdfClass) {
    const loaded = (require('jspdf') as typeof import('jspdf')).jsPDF;
    installSharedFontHook(loaded);
    jsPdfClass = loaded;
  }
  return jsPdfClass;
}

/**
 * jsPDF parses a font's file each time a document adds it (about 100 ms for
 * Noto Sans JP). Its `addFont` event handler is swapped, once, for one that
 * gives our fonts a per-document view of the copy parsed at first use and
 * leaves any other font to jsPDF's own handler. `doc.addFont(postScriptName,
 * ...)` then needs no virtual file.
 */
function installSharedFontHook(jsPdfConstructor: typeof jsPDF): void {
  const events = (jsPdfConstructor as unknown as JsPdfStatics).API.events;
  const index = events.findIndex(([name, handler]) => name === 'addFont' && typeof handler === 'function' && String(handler).includes('VFS'));
  if (index < 0) throw new Error('jsPDF has no addFont handler to extend; the installed jspdf version is not one Portico knows.');
  const original = events[index]![1] as (this: unknown, data: { font: { postScriptName: string; metadata: unknown } }) => void;
  events[index] = [
    'addFont',
    function (this: unknown, data: { font: { postScriptName: string; metadata: unknown } }) {
      const shared = byPostScriptName.get(data.font.postScriptName);
      if (shared) {
        data.font.metadata = shared.forDocument();
        return;
      }
      original.call(this, data);
    },
  ];
}
