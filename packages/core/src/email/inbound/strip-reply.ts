/**
 * Strips a plain-text email reply down to what the sender wrote: quoted
 * history ("On … wrote:" and the quote under it, Outlook's "From: … Sent: …"
 * block, forwarded-message markers) and signatures ("-- ", "Sent from my
 * iPhone") go; the reply stays.
 *
 * classify-lines.ts says what each line is; the rules below, applied in
 * order, decide what to remove. Each rule is named after the RemovedPart it
 * produces. Measured on a corpus of real replies in
 * strip-reply.corpus.test.ts; the thinking follows Discourse's
 * email_reply_trimmer, written anew.
 *
 * Sign-offs ("Best regards,\nAnn") are part of the reply and stay: telling
 * one from a last sentence is not safe.
 */
import { classifyLines, splitLines, type HistoryMarker, type ReplyLine } from './classify-lines.js';

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
  /** "On … wrote:" inside a quote that stays (an interleaved reply). */
  | 'quoted-attribution';

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

/** The sender's reply without quoted history or signature. */
export function stripReply(text: string): string {
  return stripReplyDetailed(text).text;
}

/** stripReply, also saying which parts were removed and by which rule. */
export function stripReplyDetailed(text: string): StripReplyResult {
  const { lines, markers } = classifyLines(splitLines(text));
  const reply = new Reply(lines);

  removeHistory(reply, markers);
  cutAtSignatureDelimiter(reply);
  cutSignatureAfterSeparator(reply);
  trimTrailingNoise(reply);
  removeQuotedAttributions(reply);

  return reply.result();
}

/** Limits for cutSignatureAfterSeparator. */
const SEPARATOR_MIN_LENGTH = 10;
const SIGNATURE_MAX_LINES = 5;
const SIGNATURE_MAX_LINE_LENGTH = 120;

/**
 * The lines of a reply as the rules remove them: lines at `end` and below
 * are cut off; lines above may be removed one by one.
 */
class Reply {
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

/**
 * Rule 1, quoted history. Markers are taken from the top:
 *
 * - "On … wrote:" (or "-----Original Message-----") below reply text:
 *   everything from there down is history ('history-after-attribution'),
 *   unless the quote under it is followed by more reply text. That is an
 *   interleaved reply ("> question\nanswer"), and only the attribution line
 *   goes ('attribution-line').
 * - The same at the top of the message, above a quote and then the reply
 *   (bottom-posting): the attribution and the quote go ('quote-above-reply').
 *   At the top above plain text (a forwarded message, or a reply written
 *   under the attribution) only the marker goes ('attribution-line').
 * - A "From: … Sent: … To: … Subject:" block below reply text: everything
 *   from there down is history ('history-after-headers'). At the top (a
 *   forward without comment) only the block goes ('header-block').
 *
 * Quoted markers ("> On … wrote:") are part of their quote and left to the
 * later rules.
 */
function removeHistory(reply: Reply, markers: readonly HistoryMarker[]): void {
  for (const marker of markers) {
    if (marker.quoted || marker.start >= reply.end) continue;
    const below = reply.nextNonEmpty(marker.end + 1);
    const quoteBelow = below < reply.end && reply.lines[below]!.quoted;
    const afterQuote = quoteBelow ? reply.afterQuote(below) : below;
    const textAfterQuote = quoteBelow && afterQuote < reply.end && reply.lines[afterQuote]!.kind === 'text';

    if (marker.kind === 'header-block') {
      if (reply.hasContentAbove(marker.start)) {
        reply.cut(marker.start, 'history-after-headers');
        return;
      }
      reply.remove(marker.start, marker.end + 1, 'header-block');
    } else if (reply.hasContentAbove(marker.start)) {
      if (!textAfterQuote) {
        reply.cut(marker.start, 'history-after-attribution');
        return;
      }
      reply.remove(marker.start, marker.end + 1, 'attribution-line');
    } else if (textAfterQuote) {
      reply.remove(marker.start, afterQuote, 'quote-above-reply');
    } else {
      reply.remove(marker.start, marker.end + 1, 'attribution-line');
    }
  }
}

/**
 * Rule 2, "-- " signatures: the conventional delimiter (RFC 3676 §4.3), or
 * "--" as clients that trim trailing spaces send it, on a line of its own
 * below reply text. Everything below it is signature. "--" inside a sentence
 * is text, as is one inside a quote or a code block.
 */
function cutAtSignatureDelimiter(reply: Reply): void {
  for (let i = 0; i < reply.end; i++) {
    if (reply.kept[i] && reply.lines[i]!.kind === 'signature-delimiter' && reply.hasContentAbove(i)) {
      reply.cut(i, 'signature');
      return;
    }
  }
}

/**
 * Rule 3, a signature under a long rule: "________________\nAnn Smith,
 * Accounts". Only a rule of SEPARATOR_MIN_LENGTH characters or more, with at
 * most SIGNATURE_MAX_LINES short lines under it and nothing quoted: a "---"
 * between two parts of a message stays.
 */
function cutSignatureAfterSeparator(reply: Reply): void {
  for (let i = 0; i < reply.end; i++) {
    const line = reply.lines[i]!;
    if (!reply.kept[i] || line.kind !== 'delimiter' || line.text.trim().length < SEPARATOR_MIN_LENGTH) continue;
    if (!reply.hasContentAbove(i)) continue;
    let count = 0;
    let fits = true;
    for (let k = i + 1; k < reply.end && fits; k++) {
      const below = reply.lines[k]!;
      if (!reply.kept[k] || below.kind === 'empty') continue;
      fits = !below.quoted && below.text.length <= SIGNATURE_MAX_LINE_LENGTH && ++count <= SIGNATURE_MAX_LINES;
    }
    if (fits && count > 0) {
      reply.cut(i, 'signature-after-separator');
      return;
    }
  }
}

/**
 * Rule 4, what is left at the end after the reply: a quote (only if the
 * sender wrote something else; a message that is all quote keeps it),
 * "Sent from my iPhone" lines, rule lines, blank lines. From the bottom up,
 * until a line of reply text.
 */
function trimTrailingNoise(reply: Reply): void {
  let hasText = false;
  for (let i = 0; i < reply.end && !hasText; i++) hasText = reply.kept[i]! && reply.lines[i]!.kind === 'text';

  const ruleFor = (line: ReplyLine): StripRule | 'blank' | null => {
    if (line.quoted) return hasText ? 'trailing-quote' : null;
    if (line.kind === 'empty') return 'blank';
    if (line.kind === 'signature') return 'mobile-signature';
    if (line.kind === 'delimiter' || line.kind === 'signature-delimiter') return 'trailing-separator';
    return null;
  };
  let cutAt = reply.end;
  for (let i = reply.end - 1; i >= 0; i--) {
    if (!reply.kept[i]) continue;
    if (ruleFor(reply.lines[i]!) === null) break;
    cutAt = i;
  }

  // One RemovedPart per run of lines removed for the same reason.
  let from = cutAt;
  let current: StripRule | null = null;
  for (let i = cutAt; i < reply.end; i++) {
    const rule = reply.kept[i] ? ruleFor(reply.lines[i]!) : 'blank';
    if (rule === 'blank' || rule === null) continue;
    if (current !== null && rule !== current) {
      reply.remove(from, i, current);
      from = i;
    }
    current = rule;
  }
  reply.cut(from, current ?? 'trailing-separator');
  reply.cut(cutAt, 'trailing-separator');
}

/**
 * Rule 5, attributions inside a quote that stays: an interleaved reply keeps
 * the quoted questions, but not "> On … wrote:" lines of older messages.
 */
function removeQuotedAttributions(reply: Reply): void {
  for (let i = 0; i < reply.end; i++) {
    const line = reply.lines[i]!;
    if (reply.kept[i] && line.quoted && (line.kind === 'attribution' || line.kind === 'forward')) {
      reply.remove(i, i + 1, 'quoted-attribution');
    }
  }
}
