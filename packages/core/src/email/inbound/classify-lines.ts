/**
 * The line classifier behind the reply stripper: what each line of a plain
 * text reply is (reply text, quote, "On … wrote:", header block line,
 * separator, "Sent from my iPhone"…), and where the markers of quoted history
 * start and end. It decides nothing about what to remove; the rules in
 * strip-reply.ts do.
 */
import {
  MAX_ATTRIBUTION_CHARS,
  couldEndAttribution,
  headerLabel,
  isAttribution,
  isForwardMarker,
  isMobileSignature,
  normalizeForMatching,
  opensAttribution,
  stripEdgeChars,
} from './reply-patterns.js';

export type LineKind =
  /** Nothing but white space. */
  | 'empty'
  /** What the sender wrote (also any line inside a ``` code fence). */
  | 'text'
  /** Starts with ">" (or a Supercite "AB>" prefix). */
  | 'quote'
  /** "-- ", the conventional signature delimiter (RFC 3676), or "--". */
  | 'signature-delimiter'
  /** Nothing but rule characters: "-----", "_____", "====", "***"… */
  | 'delimiter'
  /** "Sent from my iPhone" and the like. */
  | 'signature'
  /** Part of "On … wrote:" (which may run over several lines). */
  | 'attribution'
  /** "-----Original Message-----", "Begin forwarded message:"… */
  | 'forward'
  /** Part of a "From: … Sent: … To: … Subject: …" block. */
  | 'header';

export interface ReplyLine {
  /** The line as it came, without its line break. */
  readonly text: string;
  kind: LineKind;
  /**
   * Part of a quote. Lines of an attribution share the quoting of its first
   * line, so the "> wrote:" that ends "On … <ann@x.test\n> wrote:" is not.
   */
  quoted: boolean;
  /** Empty, or nothing but quote markers. */
  blank: boolean;
}

export interface HistoryMarker {
  kind: 'attribution' | 'forward' | 'header-block';
  /** First and last line (inclusive). */
  start: number;
  end: number;
  quoted: boolean;
}

export interface ClassifiedReply {
  lines: ReplyLine[];
  /** In line order; they never overlap. */
  markers: HistoryMarker[];
}

/** Regexes only ever see this much of a line; the rest cannot change a verdict. */
export const MAX_CLASSIFIED_CHARS = 1000;

/** How many lines above its last one an attribution may start. */
const MAX_ATTRIBUTION_LINES = 5;

const DELIMITER_CHARS = '-_=+~#*ᐧ—–';
const QUOTE_START = /^[ \t]*>/;
/** Supercite and friends quote with the writer's initials: "C> ", "RC> ". */
const INITIALS_QUOTE_START = /^[ \t]{0,3}[A-Z]{1,3}>(?=[\s>]|$)/;
const FENCE_OPEN = /^```/;
const FENCE_CLOSE = /^[ \t]{0,3}```[ \t]*$/;

/** Split a body into lines, whatever its line endings. */
export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

export function classifyLines(rawLines: readonly string[]): ClassifiedReply {
  const inCode = fencedCodeLines(rawLines);
  const lines: ReplyLine[] = [];
  // The line with quote markers, edge dashes and invisible marks taken off;
  // null where no pattern should look (code, over-long lines).
  const contents: (string | null)[] = [];
  const senderHeaders: boolean[] = [];

  for (let i = 0; i < rawLines.length; i++) {
    const text = rawLines[i]!;
    const head = normalizeForMatching(text.length > MAX_CLASSIFIED_CHARS ? text.slice(0, MAX_CLASSIFIED_CHARS) : text);
    senderHeaders.push(false);
    if (inCode[i]) {
      lines.push({ text, kind: head.trim() === '' ? 'empty' : 'text', quoted: false, blank: head.trim() === '' });
      contents.push(null);
      continue;
    }
    const quoted = QUOTE_START.test(head) || INITIALS_QUOTE_START.test(head);
    const content = stripEdgeChars(quoted ? withoutQuoteMarkers(head) : head, ' \t-*—–');
    const trimmed = head.trim();
    contents.push(text.length > MAX_ATTRIBUTION_CHARS ? null : content);

    let kind: LineKind;
    if (trimmed === '') kind = 'empty';
    else if (isForwardMarker(quoted ? withoutQuoteMarkers(head).trim() : trimmed)) kind = 'forward';
    else if (quoted) kind = 'quote';
    else if (text.trimEnd() === '--') kind = 'signature-delimiter';
    else if (isDelimiter(trimmed)) kind = 'delimiter';
    else {
      const label = headerLabel(head);
      if (label) {
        kind = 'header';
        senderHeaders[i] = label === 'from';
      } else if (isMobileSignature(trimmed)) kind = 'signature';
      else kind = 'text';
    }
    lines.push({ text, kind, quoted, blank: kind === 'empty' || (quoted && content === '') });
  }

  const attributions = findAttributions(lines, contents);
  markIndentedQuotes(lines, attributions);
  const markers = [...attributions, ...findForwardMarkers(lines), ...findHeaderBlocks(lines, senderHeaders)];
  markers.sort((a, b) => a.start - b.start);
  return { lines, markers };
}

/** Lines between ``` fences (only fences that close): code is never stripped. */
function fencedCodeLines(lines: readonly string[]): boolean[] {
  const inCode = lines.map(() => false);
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (open < 0) {
      if (FENCE_OPEN.test(line)) open = i;
    } else if (FENCE_CLOSE.test(line.length > 80 ? '' : line)) {
      for (let k = open; k <= i; k++) inCode[k] = true;
      open = -1;
    }
  }
  return inCode;
}

/**
 * What a line says, for comparing lines: quote markers, invisible marks and
 * runs of white space taken out.
 */
export function lineContent(text: string): string {
  return withoutQuoteMarkers(normalizeForMatching(text)).replace(/\s+/g, ' ').trim();
}

/** One to three spaces: four are a code block (Markdown), which stays. */
const INDENTED = /^[ \u00a0]{1,3}(?![ \t])/;

/**
 * Yahoo quotes by indenting with spaces rather than ">": under an
 * attribution at the top of the message (the reply is below), the indented
 * lines are its quote, up to the first line that is not indented. Below
 * reply text the history is cut whole anyway.
 */
function markIndentedQuotes(lines: ReplyLine[], attributions: readonly HistoryMarker[]): void {
  const firstContent = lines.findIndex((line) => line.kind === 'text' || line.kind === 'signature');
  for (const marker of attributions) {
    if (marker.quoted || (firstContent >= 0 && firstContent < marker.start)) continue;
    let last = -1;
    for (let i = marker.end + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.kind === 'empty') continue;
      if (line.quoted || line.kind === 'attribution' || !INDENTED.test(line.text)) break;
      last = i;
    }
    for (let i = marker.end + 1; i <= last; i++) {
      const line = lines[i]!;
      line.quoted = true;
      if (line.kind !== 'empty') line.kind = 'quote';
    }
  }
}

function withoutQuoteMarkers(line: string): string {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  // Supercite initials
  let k = i;
  while (k < line.length && k - i < 3 && line[k]! >= 'A' && line[k]! <= 'Z') k++;
  if (k > i && line[k] === '>') i = k;
  while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

function isDelimiter(trimmed: string): boolean {
  for (const char of trimmed) if (!DELIMITER_CHARS.includes(char)) return false;
  return true;
}

/**
 * "On … wrote:" lines, which mail programs wrap freely:
 *
 *   On Thu, 31 Mar 2016 at 11:16 Some One
 *
 *   <
 *   mailto:Some One <some.one@foo.bar>
 *   > wrote:
 *
 * For each line that could end one, the lines above it are joined one at a
 * time (at most MAX_ATTRIBUTION_LINES, one blank among them) and the
 * shortest join that opens like an attribution ("On …", a date) wins; failing
 * that the shortest join that matches at all ("Ann <ann@x.test> wrote:"),
 * so the reply's last line is not swallowed. Then the line or two below are
 * tried, for "…<ann@x.test>\nwrote:".
 */
function findAttributions(lines: readonly ReplyLine[], contents: readonly (string | null)[]): HistoryMarker[] {
  const markers: HistoryMarker[] = [];
  const eligible = (i: number) => {
    const kind = lines[i]!.kind;
    return contents[i] !== null && kind !== 'forward' && kind !== 'delimiter' && kind !== 'signature-delimiter';
  };
  let firstFree = 0;
  for (let j = 0; j < lines.length; j++) {
    if (!eligible(j) || !couldEndAttribution(contents[j]!)) continue;
    const start = attributionStartingAbove(j, firstFree, contents, eligible);
    if (start < 0) continue;

    let end = j;
    let joined = joinContents(contents, start, j);
    for (let k = j + 1; k <= j + 2 && k < lines.length && eligible(k); k++) {
      const next = contents[k]!;
      if (next === '' || next.length > 80) break;
      joined = `${joined} ${next}`;
      if (isAttribution(joined)) end = k;
    }

    const quoted = lines[start]!.quoted;
    for (let k = start; k <= end; k++) {
      lines[k]!.kind = 'attribution';
      lines[k]!.quoted = quoted;
    }
    markers.push({ kind: 'attribution', start, end, quoted });
    firstFree = end + 1;
    j = end;
  }
  return markers;
}

function attributionStartingAbove(
  j: number,
  firstFree: number,
  contents: readonly (string | null)[],
  eligible: (i: number) => boolean,
): number {
  let joined = contents[j]!;
  let blanks = 0;
  let loose = -1;
  for (let i = j; i >= firstFree && i > j - MAX_ATTRIBUTION_LINES; i--) {
    if (i < j) {
      if (!eligible(i)) break;
      const content = contents[i]!;
      if (content === '') {
        if (++blanks > 1) break;
        continue;
      }
      joined = `${content} ${joined}`;
      if (joined.length > MAX_ATTRIBUTION_CHARS) break;
    }
    if (!isAttribution(joined)) continue;
    if (opensAttribution(contents[i]!)) return i;
    if (loose < 0) loose = i;
  }
  return loose;
}

function joinContents(contents: readonly (string | null)[], start: number, end: number): string {
  const parts: string[] = [];
  for (let i = start; i <= end; i++) if (contents[i]) parts.push(contents[i]!);
  return parts.join(' ');
}

function findForwardMarkers(lines: readonly ReplyLine[]): HistoryMarker[] {
  const markers: HistoryMarker[] = [];
  lines.forEach((line, i) => {
    if (line.kind === 'forward') markers.push({ kind: 'forward', start: i, end: i, quoted: line.quoted });
  });
  return markers;
}

/**
 * "From: / Sent: / To: / Subject:" blocks (Outlook, and many webmails). At
 * least three header lines, one of them naming the sender; a header value
 * that wraps onto the next line (a long subject) stays in the block. Header
 * lookalikes that do not form a block are reply text again.
 */
function findHeaderBlocks(lines: ReplyLine[], senderHeaders: readonly boolean[]): HistoryMarker[] {
  const markers: HistoryMarker[] = [];
  const kindAt = (i: number) => lines[i]?.kind;
  for (let i = 0; i < lines.length; i++) {
    if (kindAt(i) !== 'header') continue;
    let headers = 0;
    let sender = false;
    let last = i;
    let k = i;
    while (k < lines.length) {
      if (kindAt(k) === 'header') {
        headers++;
        sender ||= senderHeaders[k]!;
        last = k;
      } else if (!(kindAt(k) === 'text' && (kindAt(k + 1) === 'header' || (kindAt(k + 1) === 'text' && kindAt(k + 2) === 'header')))) {
        break;
      }
      k++;
    }
    if (headers >= 3 && sender) {
      for (let h = i; h <= last; h++) lines[h]!.kind = 'header';
      markers.push({ kind: 'header-block', start: i, end: last, quoted: false });
    } else {
      for (let h = i; h <= last; h++) if (lines[h]!.kind === 'header') lines[h]!.kind = 'text';
    }
    i = last;
  }
  return markers;
}
