/**
 * A reply's lines as the stripper's rules remove them, and the record of
 * what each rule removed (strip-reply.ts holds the rules).
 */
import type { ReplyLine } from './classify-lines.js';

export type StripRule =
  /** Reply text, then "On … wrote:" (or a forwarded marker) and everything below it. */
  | 'history-after-attribution'
  /** Reply text, then an Outlook "From: … Sent: … To: … Subject:" block and everything below it. */
  | 'history-after-headers'
  /** An "On … wrote:" line alone: above an interleaved quote, or at the very top. */
  | 'attribution-line'
  /** "On … wrote:" and the quote under it, at the top, with the reply below (bottom-posting). */
  | 'quote-above-reply'
  /** A header block at the top: a message forwarded without a comment keeps its body. */
  | 'header-block'
  /** "-- " and the signature below it. */
  | 'signature'
  /** A long rule ("________") and a few short lines below it, at the end. */
  | 'signature-after-separator'
  /** A quote at the end of the reply (the reply is above it). */
  | 'trailing-quote'
  /** "Sent from my iPhone" and friends at the end. */
  | 'mobile-signature'
  /** Rule lines ("-----", "ᐧ") left at the end. */
  | 'trailing-separator'
  /** "On … wrote:" inside a quote that stays. */
  | 'quoted-attribution'
  /** The quoted questions of an interleaved reply ("> question\nanswer\n> question\nanswer"): the answers stay. */
  | 'interleaved-quote'
  /** A quote above the reply that repeats lines of the quoted history below (Gmail's inline quote). */
  | 'inline-quote';

export interface RemovedPart {
  rule: StripRule;
  /** Index in the input of the first removed line that is not empty. */
  line: number;
  /** The removed lines, joined with "\n". */
  text: string;
}

export interface StripReplyResult {
  /** The reply: leading blank lines and trailing white space removed. */
  text: string;
  /** What was removed and why, in the order of the input. */
  removed: RemovedPart[];
}

/**
 * The lines of a reply as the rules remove them: lines at `end` and below
 * are cut off; lines above may be removed one by one.
 */
export class Reply {
  readonly lines: readonly ReplyLine[];
  readonly kept: boolean[];
  end: number;
  private readonly parts: RemovedPart[] = [];
  /** contentAbove[i]: how many content lines (text, signature) are above line i. */
  private readonly contentAbove: number[];

  constructor(lines: readonly ReplyLine[]) {
    this.lines = lines;
    this.kept = lines.map(() => true);
    this.end = lines.length;
    this.contentAbove = [0];
    for (const line of lines) this.contentAbove.push(this.contentAbove.at(-1)! + (isContent(line) ? 1 : 0));
  }

  /**
   * Whether the sender wrote anything above line `i`. Rules only ever remove
   * content by cutting at or above `end`, so counting in the input is exact.
   */
  hasContentAbove(i: number): boolean {
    return this.contentAbove[i]! > 0;
  }

  /** Remove the kept lines in [from, to). */
  remove(from: number, to: number, rule: StripRule): void {
    const removed: string[] = [];
    let first = -1;
    for (let i = from; i < Math.min(to, this.end); i++) {
      if (!this.kept[i]) continue;
      this.kept[i] = false;
      if (first < 0 && this.lines[i]!.kind !== 'empty') first = i;
      removed.push(this.lines[i]!.text);
    }
    if (first >= 0) this.parts.push({ rule, line: first, text: removed.join('\n').trim() });
  }

  /** Remove line `from` and everything below it. */
  cut(from: number, rule: StripRule): void {
    this.remove(from, this.end, rule);
    this.end = Math.min(this.end, from);
  }

  /** The first kept line at or after `from` that is not empty. */
  nextNonEmpty(from: number): number {
    let i = from;
    while (i < this.end && (!this.kept[i] || this.lines[i]!.kind === 'empty')) i++;
    return i;
  }

  /** The first line at or after `from` that is neither quoted nor empty. */
  afterQuote(from: number): number {
    let i = from;
    while (i < this.end && (!this.kept[i] || this.lines[i]!.quoted || this.lines[i]!.kind === 'empty')) i++;
    return i;
  }

  result(): StripReplyResult {
    const text: string[] = [];
    for (let i = 0; i < this.end; i++) if (this.kept[i]) text.push(this.lines[i]!.text);
    // Nothing but quote markers left ("> On … wrote:" all the way down): nothing was said.
    const said = this.lines.some((line, i) => i < this.end && this.kept[i] && !line.blank);
    const removed = [...this.parts].sort((a, b) => a.line - b.line);
    return { text: said ? text.join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd() : '', removed };
  }
}

function isContent(line: ReplyLine): boolean {
  return line.kind === 'text' || line.kind === 'signature';
}

