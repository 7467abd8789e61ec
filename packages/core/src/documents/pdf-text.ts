import type { jsPDF } from 'jspdf';
import { jsPdf, loadFont, type FontFamily, type FontWeight, type LoadedFont } from './pdf-fonts.js';

/**
 * Text on a PDF page in any of the portal's scripts. jsPDF draws one font at
 * a time and left to right, so a string is:
 * 1. cleaned (bidi controls kept for step 3, characters no font has replaced),
 * 2. shaped, if it has Arabic (jsPDF's shaper, on the logical order),
 * 3. put in visual order by the Unicode bidi algorithm (jsPDF's engine) with
 *    the document's base direction, then stripped of bidi controls,
 * 4. cut into runs that one font can draw (Arabic, Japanese, or Noto Sans for
 *    Latin and Cyrillic; digits and punctuation stay with their neighbours),
 *    each drawn at its measured offset.
 * jsPDF's own per-call shaping and bidi hooks are removed from each document,
 * since the text reaching them is already shaped and in visual order.
 */
export type Direction = 'ltr' | 'rtl';

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  /** #rrggbb */
  color?: string;
}

interface Run {
  font: LoadedFont;
  text: string;
  width: number;
}

interface ArabicShaper {
  processArabic(text: string): string;
}

interface BidiEngine {
  doBidiReorder(text: string): string;
}

type BidiEngineConstructor = new (options: {
  isInputVisual: boolean;
  isOutputVisual: boolean;
  isInputRtl: boolean;
  isOutputRtl: boolean;
  isSymmetricSwapping: boolean;
}) => BidiEngine;

interface TextTools {
  shaper: ArabicShaper;
  bidiEngines: Record<Direction, BidiEngine>;
}

let tools: TextTools | undefined;

/** jsPDF's Arabic shaper and a bidi engine per base direction, made on first use (as jsPDF is loaded). */
function textTools(): TextTools {
  if (!tools) {
    const jsPdfClass = jsPdf();
    const BidiEngineClass = (jsPdfClass as unknown as { __bidiEngine__: BidiEngineConstructor }).__bidiEngine__;
    tools = {
      shaper: (jsPdfClass as unknown as { API: ArabicShaper }).API,
      bidiEngines: {
        ltr: new BidiEngineClass({ isInputVisual: false, isOutputVisual: true, isInputRtl: false, isOutputRtl: false, isSymmetricSwapping: true }),
        rtl: new BidiEngineClass({ isInputVisual: false, isOutputVisual: true, isInputRtl: true, isOutputRtl: false, isSymmetricSwapping: true }),
      },
    };
  }
  return tools;
}

const rtlPattern = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const arabicLetters = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const bidiControl = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/;
/** Characters that neither join a script run nor force a font: spaces, digits, punctuation, symbols. */
const neutralPattern = /[\p{Zs}\p{Nd}\p{P}\p{S}]/u;

type Script = 'arabic' | 'cjk' | 'latin' | 'other' | 'neutral';

function scriptOf(code: number): Script {
  if ((code >= 0x0600 && code <= 0x08ff) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) {
    return 'arabic';
  }
  if (
    (code >= 0x3000 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x31f0 && code <= 0x31ff)
  ) {
    return 'cjk';
  }
  const char = String.fromCharCode(code);
  if (neutralPattern.test(char)) return 'neutral';
  return code < 0x0250 || (code >= 0x1e00 && code <= 0x1eff) ? 'latin' : 'other';
}

/**
 * Draws text on one jsPDF document. `primary` is the family for Latin letters
 * (Noto Sans JP in Japanese documents, so their Latin matches; Noto Sans otherwise).
 */
export class PdfText {
  readonly #doc: jsPDF;
  readonly #direction: Direction;
  readonly #primary: FontFamily;
  readonly #registered = new Set<string>();

  constructor(doc: jsPDF, direction: Direction, primary: FontFamily) {
    this.#doc = doc;
    this.#direction = direction;
    this.#primary = primary;
    removeTextHooks(doc);
  }

  get direction(): Direction {
    return this.#direction;
  }

  /** Width of `text` in points, as it will be drawn. */
  width(text: string, style: TextStyle): number {
    return this.#runs(prepare(text), style).reduce((sum, run) => sum + run.width, 0);
  }

  /** Splits `text` into lines no wider than `maxWidth`, breaking at spaces (or anywhere in CJK and overlong words). */
  wrap(text: string, maxWidth: number, style: TextStyle): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
      const shaped = prepare(paragraph);
      if (shaped.trim() === '') {
        lines.push('');
        continue;
      }
      let line = '';
      for (const piece of breakOpportunities(shaped)) {
        const candidate = line + piece;
        if (line === '' || this.#measure(candidate.trimEnd(), style) <= maxWidth) {
          line = candidate;
          if (this.#measure(line.trimEnd(), style) > maxWidth) {
            // A single piece wider than the line: cut it by characters.
            const cut = this.#cutToWidth(line, maxWidth, style);
            lines.push(...cut.slice(0, -1));
            line = cut.at(-1) ?? '';
          }
          continue;
        }
        lines.push(line.trimEnd());
        line = piece.trimStart();
        if (this.#measure(line, style) > maxWidth) {
          const cut = this.#cutToWidth(line, maxWidth, style);
          lines.push(...cut.slice(0, -1));
          line = cut.at(-1) ?? '';
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  /** Draws one line with its left edge, right edge or centre at `x` (page coordinates, points). */
  draw(text: string, x: number, y: number, style: TextStyle & { align?: 'left' | 'right' | 'center' }): void {
    const runs = this.#runs(prepare(text), style);
    const total = runs.reduce((sum, run) => sum + run.width, 0);
    let left = style.align === 'right' ? x - total : style.align === 'center' ? x - total / 2 : x;
    const doc = this.#doc;
    doc.setFontSize(style.size);
    doc.setTextColor(style.color ?? '#111827');
    for (const run of runs) {
      this.#use(run.font);
      doc.text(run.text, left, y, { baseline: 'alphabetic' });
      left += run.width;
    }
  }

  #measure(logical: string, style: TextStyle): number {
    return this.#runs(logical, style).reduce((sum, run) => sum + run.width, 0);
  }

  #cutToWidth(text: string, maxWidth: number, style: TextStyle): string[] {
    const pieces: string[] = [];
    let current = '';
    for (const char of text) {
      if (current !== '' && this.#measure(current + char, style) > maxWidth) {
        pieces.push(current);
        current = char.trimStart();
      } else {
        current += char;
      }
    }
    pieces.push(current);
    return pieces;
  }

  /** Visual-order runs of one line of shaped, logical text. */
  #runs(logical: string, style: TextStyle): Run[] {
    const visual = toVisual(logical, this.#direction);
    const weight = style.weight ?? 'regular';
    const runs: Run[] = [];
    let previous: FontFamily | undefined;
    let current: { family: FontFamily; text: string } | undefined;
    for (let i = 0; i < visual.length; i++) {
      const code = visual.charCodeAt(i);
      const family = this.#familyFor(code, previous, weight);
      if (current && current.family === family) {
        current.text += visual[i];
      } else {
        if (current) runs.push(this.#run(current.family, weight, current.text, style.size));
        current = { family, text: visual[i]! };
      }
      previous = family;
    }
    if (current) runs.push(this.#run(current.family, weight, current.text, style.size));
    return runs;
  }

  #run(family: FontFamily, weight: FontWeight, text: string, size: number): Run {
    const font = loadFont(family, weight);
    return { font, text, width: font.width(text, size) };
  }

  #familyFor(code: number, previous: FontFamily | undefined, weight: FontWeight): FontFamily {
    const script = scriptOf(code);
    for (const family of this.#order(script, script === 'neutral' ? previous : undefined)) {
      // Only look inside the big Japanese font when the text is (or the document is) Japanese.
      if (family === 'jp' && script !== 'cjk' && this.#primary !== 'jp' && previous !== 'jp') continue;
      if (family === 'arabic' && script !== 'arabic' && previous !== 'arabic' && this.#direction !== 'rtl') continue;
      if (loadFont(family, weight).has(code)) return family;
    }
    return 'sans';
  }

  readonly #orders = new Map<string, FontFamily[]>();

  /** Fonts to try, best first, for a character of `script` (a neutral one prefers its neighbour's font). */
  #order(script: Script, previous: FontFamily | undefined): FontFamily[] {
    const key = `${script}/${previous ?? ''}`;
    let order = this.#orders.get(key);
    if (!order) {
      order =
        script === 'arabic'
          ? ['arabic', 'sans']
          : script === 'cjk'
            ? ['jp', 'sans']
            : script === 'latin'
              ? [this.#primary, 'sans', 'jp', 'arabic']
              : script === 'other'
                ? ['sans', 'jp', 'arabic']
                : [...new Set<FontFamily>([...(previous ? [previous] : []), this.#primary, 'sans', 'jp', 'arabic'])];
      this.#orders.set(key, order);
    }
    return order;
  }

  #use(font: LoadedFont): void {
    const name = `${font.family}-${font.weight}`;
    if (!this.#registered.has(name)) {
      this.#doc.addFont(font.postScriptName, name, 'normal', undefined, 'Identity-H');
      this.#registered.add(name);
    }
    this.#doc.setFont(name, 'normal');
  }
}

/** Cleans and shapes a line of logical text. Characters no embedded font has become U+FFFD. */
function prepare(text: string): string {
  let cleaned = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x09) cleaned += ' ';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code > 0xffff) cleaned += '\uFFFD';
    else cleaned += char;
  }
  cleaned = cleaned.replace(/[\u200B\u200C\u200D\uFEFF]/g, '');
  if (arabicLetters.test(cleaned)) cleaned = textTools().shaper.processArabic(cleaned);
  return [...cleaned].map((char) => (knownToSomeFont(char.charCodeAt(0)) ? char : '\uFFFD')).join('');
}

function knownToSomeFont(code: number): boolean {
  if (bidiControl.test(String.fromCharCode(code))) return true;
  const script = scriptOf(code);
  const families: FontFamily[] = script === 'cjk' ? ['jp'] : script === 'arabic' ? ['arabic', 'sans'] : ['sans', 'arabic', 'jp'];
  return families.some((family) => loadFont(family, 'regular').has(code) && loadFont(family, 'bold').has(code));
}

/**
 * Visual order of one line. Its base direction is that of its first strong
 * character (as HTML's dir="auto"), or the document's when it has none: an
 * English note in an Arabic invoice keeps its full stop at its end.
 */
function toVisual(logical: string, direction: Direction): string {
  if (direction === 'ltr' && !rtlPattern.test(logical)) return logical.replace(bidiControls, '');
  const base = firstStrongDirection(logical) ?? direction;
  return textTools().bidiEngines[base].doBidiReorder(logical).replace(bidiControls, '');
}

function firstStrongDirection(text: string): Direction | null {
  const match = /[\p{L}\u200E\u200F\u061C]/u.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  if (code === 0x200e) return 'ltr';
  return code === 0x200f || code === 0x061c || rtlPattern.test(match[0]) ? 'rtl' : 'ltr';
}

/** Pieces of a line that may end it: words with their trailing spaces, and single CJK characters. */
function breakOpportunities(text: string): string[] {
  return text.match(/[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef][\s]*|[^\s\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g) ?? [];
}

/** Takes jsPDF's shaping and bidi hooks off one document: the text it is given is already shaped and visual. */
function removeTextHooks(doc: jsPDF): void {
  const events = (doc.internal as unknown as { events: { getTopics(): Record<string, Record<string, [unknown, boolean]>> } }).events;
  const topics = events.getTopics();
  for (const topic of ['preProcessText', 'postProcessText']) {
    const handlers = topics[topic];
    if (!handlers) continue;
    for (const [token, [handler]] of Object.entries(handlers)) {
      if (handler === textTools().shaper.processArabic || String(handler).includes('doBidiReorder')) delete handlers[token];
    }
  }
}
