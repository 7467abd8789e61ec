/**
 * Quotes inside the reply that stays: runs of quoted lines, and whether the
 * sender answered each one (reply text right below it). The interleaved and
 * inline-quote rules of strip-reply.ts remove them through removeQuoteBlock,
 * which also closes the gap the quote leaves.
 */
import type { Reply, StripRule } from './reply-lines.js';

export interface QuoteBlock {
  /** The quoted lines (kept ones only), first to last; blank lines between them are part of the block. */
  lines: number[];
  first: number;
  last: number;
  /** The next kept line that says something is reply text. */
  answered: boolean;
}

/** The kept quotes from line `from` down to the reply's end, in order. */
export function quoteBlocks(reply: Reply, from: number): QuoteBlock[] {
  const blocks: QuoteBlock[] = [];
  let i = from;
  while (i < reply.end) {
    if (!isKeptQuote(reply, i)) {
      i++;
      continue;
    }
    const lines: number[] = [];
    let next = i;
    while (next < reply.end && (isKeptQuote(reply, next) || isGap(reply, next))) {
      if (isKeptQuote(reply, next)) lines.push(next);
      next++;
    }
    const last = lines.at(-1)!;
    const below = reply.nextNonEmpty(last + 1);
    blocks.push({ lines, first: i, last, answered: below < reply.end && reply.lines[below]!.kind === 'text' && !reply.lines[below]!.quoted });
    i = next;
  }
  return blocks;
}

/** The quotes from line `from` down that the sender answered. */
export function answeredQuotes(reply: Reply, from: number): QuoteBlock[] {
  return quoteBlocks(reply, from).filter((block) => block.answered);
}

/**
 * Removes the block and the blank lines under it; of the blank lines above
 * it one stays (none at the very top), so the answers above and below are
 * one paragraph break apart, as they were around the quote.
 */
export function removeQuoteBlock(reply: Reply, block: QuoteBlock, rule: StripRule): void {
  let start = block.first;
  while (start > 0 && isGap(reply, start - 1)) start--;
  const firstBlank = [...range(start, block.first)].find((i) => reply.kept[i]);
  const keepOne = firstBlank !== undefined && reply.hasContentAbove(firstBlank);
  const from = keepOne ? firstBlank + 1 : start;
  let to = block.last + 1;
  while (to < reply.end && isGap(reply, to)) to++;
  reply.remove(from, to, rule);
}

function isKeptQuote(reply: Reply, i: number): boolean {
  return reply.kept[i]! && reply.lines[i]!.quoted && !reply.lines[i]!.blank;
}

/** A line that does not interrupt a quote: removed already, empty, or only quote markers. */
function isGap(reply: Reply, i: number): boolean {
  return !reply.kept[i] || reply.lines[i]!.blank;
}

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i < to; i++) yield i;
}
