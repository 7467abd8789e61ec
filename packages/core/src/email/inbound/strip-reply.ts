/**
 * Strips a plain-text email reply down to what the sender wrote: quoted
 * history ("On … wrote:" and the quote under it, Outlook's "From: … Sent: …"
 * block, forwarded-message markers), the quoted questions of an interleaved
 * answer, and signatures ("-- ", "Sent from my iPhone") go; the reply stays.
 *
 * classify-lines.ts says what each line is; the rules below, applied in
 * order, decide what to remove. Each rule is named after the RemovedPart it
 * produces. Measured on a corpus of real replies in
 * strip-reply.corpus.test.ts and on replies written the way each mail app
 * writes them in strip-reply.app-corpus.test.ts; the thinking follows
 * Discourse's email_reply_trimmer, written anew.
 *
 * Sign-offs ("Best regards,\nAnn") are part of the reply and stay: telling
 * one from a last sentence is not safe.
 */
import { classifyLines, lineContent, splitLines, type HistoryMarker, type ReplyLine } from './classify-lines.js';
import { Reply, type StripReplyResult, type StripRule } from './reply-lines.js';
import { answeredQuotes, quoteBlocks, removeQuoteBlock } from './quote-blocks.js';

export type { RemovedPart, StripReplyResult, StripRule } from './reply-lines.js';

/** The sender's reply without quoted history or signature. */
export function stripReply(text: string): string {
  return stripReplyDetailed(text).text;
}

/** stripReply, also saying which parts were removed and by which rule. */
export function stripReplyDetailed(text: string): StripReplyResult {
  const { lines, markers } = classifyLines(splitLines(text));
  const reply = new Reply(lines);

  removeHistory(reply, markers);
  removeInlineQuotes(reply);
  removeInterleavedQuotes(reply);
  cutAtSignatureDelimiter(reply);
  cutSignatureAfterSeparator(reply);
  trimTrailingNoise(reply);
  removeQuotedAttributions(reply);

  return reply.result();
}

/**
 * What stripReplyDetailed removed, part after part in the order of the
 * input, or null when it removed nothing: kept beside the reply so a wrong
 * cut loses nothing.
 */
export function removedText(result: StripReplyResult): string | null {
  const text = result.removed.map((part) => part.text).filter((part) => part !== '').join('\n\n');
  return text === '' ? null : text;
}

/** Limits for cutSignatureAfterSeparator. */
const SEPARATOR_MIN_LENGTH = 10;
const SIGNATURE_MAX_LINES = 5;
const SIGNATURE_MAX_LINE_LENGTH = 120;

/**
 * Rule 1, quoted history. Markers are taken from the top:
 *
 * - "On … wrote:" (or "-----Original Message-----") below reply text:
 *   everything from there down is history ('history-after-attribution'),
 *   unless the quote under it is followed by more reply text. That is an
 *   interleaved reply ("> question\nanswer"), and only the attribution line
 *   goes ('attribution-line'); rule 1c takes the quotes.
 * - The same at the top of the message, above a quote and then the reply
 *   (bottom-posting): the attribution and the quote go ('quote-above-reply');
 *   above two or more answered quotes (interleaved) only the attribution
 *   goes, and rule 1c takes the quotes.
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
    } else if (textAfterQuote && answeredQuotes(reply, below).length < 2) {
      reply.remove(marker.start, afterQuote, 'quote-above-reply');
    } else {
      reply.remove(marker.start, marker.end + 1, 'attribution-line');
    }
  }
}

/**
 * Rule 1b, Gmail's inline quote: a line or two of the message answered,
 * quoted above the reply, with the whole message in the history below. A
 * quote whose every line is in the removed history goes; a quote of
 * something else ("> This is a quote.\n\nAnd this is some text.") stays.
 */
function removeInlineQuotes(reply: Reply): void {
  if (reply.end === reply.lines.length) return;
  const history = new Set<string>();
  for (let i = reply.end; i < reply.lines.length; i++) history.add(lineContent(reply.lines[i]!.text));
  for (const block of quoteBlocks(reply, 0)) {
    if (!block.answered) continue;
    const said = block.lines.map((i) => lineContent(reply.lines[i]!.text)).filter((content) => content !== '');
    if (said.length > 0 && said.every((content) => history.has(content))) removeQuoteBlock(reply, block, 'inline-quote');
  }
}

/**
 * Rule 1c, interleaved replies: two or more quotes each answered by reply
 * text below it ("> question\nanswer\n> question\nanswer"). The quoted
 * questions go, every answer stays, in order. One answered quote between
 * two paragraphs is a quotation the sender kept on purpose and stays.
 */
function removeInterleavedQuotes(reply: Reply): void {
  const answered = answeredQuotes(reply, 0);
  if (answered.length < 2) return;
  for (const block of answered) removeQuoteBlock(reply, block, 'interleaved-quote');
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
 * Rule 5, attributions inside a quote that stays (one the sender kept on
 * purpose, between two paragraphs): the quote stays, but not "> On …
 * wrote:" lines of older messages.
 */
function removeQuotedAttributions(reply: Reply): void {
  for (let i = 0; i < reply.end; i++) {
    const line = reply.lines[i]!;
    if (reply.kept[i] && line.quoted && (line.kind === 'attribution' || line.kind === 'forward')) {
      reply.remove(i, i + 1, 'quoted-attribution');
    }
  }
}
