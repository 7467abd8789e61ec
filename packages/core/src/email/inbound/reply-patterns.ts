/**
 * The matchers behind the line classifier: attribution lines ("On … wrote:"),
 * forwarded-message markers, the header block Outlook writes ("From: … Sent:
 * …"), and "Sent from my phone" lines. The words per language are data, in
 * reply-words.ts and mail-app-footers.ts.
 *
 * Every pattern here runs on one line (or a few joined lines) of bounded
 * length, is anchored, and has no nested repetition, so none of them can
 * backtrack catastrophically: the stripper caps what it hands them at
 * MAX_ATTRIBUTION_CHARS / MAX_CLASSIFIED_CHARS.
 */
import { FOOTER_GLUE_WORDS, FOOTER_PHRASES, FOOTER_SHAPES, MAIL_APP_NAMES, MAX_FOOTER_GLUE_WORDS } from './mail-app-footers.js';
import {
  ATTRIBUTION_LEADS,
  DISTINCTIVE_WROTE,
  FORWARD_BETWEEN_DASHES,
  FORWARD_FOLLOWED_BY_COLON,
  HEADER_FROM_LABELS,
  HEADER_OTHER_LABELS,
  WROTE_CJK,
  WROTE_WORDS,
} from './reply-words.js';

/** Longer (joined) text is never taken for an attribution line. */
export const MAX_ATTRIBUTION_CHARS = 400;

/** Zero-width and bidirectional marks (Arabic and Hebrew mail is full of them). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;
/** No-break and narrow spaces, as French "a écrit :" uses. */
const ODD_SPACES = /[\u00a0\u2007\u202f\u3000]/g;

/** The text a pattern sees: invisible marks dropped, odd spaces made plain. */
export function normalizeForMatching(text: string): string {
  return text.replace(INVISIBLE, '').replace(ODD_SPACES, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(words: readonly string[]): string {
  // Longest first, so "napisał(a)" wins over "napisał".
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

// ---------------------------------------------------------------------------
// Attribution lines: "On Mon, 3 Feb 2020 at 10:00, Ann <ann@x.test> wrote:"

const LEAD = new RegExp(`^(?:${alternation(ATTRIBUTION_LEADS)})(?=[\\s,]|\\p{Nd})`, 'iu');

/** A line ending in one of DISTINCTIVE_WROTE needs no date or address beside it. */
const DISTINCTIVE = new RegExp(`(?:${alternation(DISTINCTIVE_WROTE)})\\s*[:：]?$`, 'iu');

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const WROTE_AT_END = new RegExp(
  `(?:${NOT_WORD_BEFORE}(?:${alternation(WROTE_WORDS)})|(?:${alternation(WROTE_CJK)}))\\s*[:：]?$`,
  'iu',
);
const WROTE_ANYWHERE = new RegExp(
  `${NOT_WORD_BEFORE}(?:${alternation(WROTE_WORDS)})${NOT_WORD_AFTER}|(?:${alternation(WROTE_CJK)})`,
  'iu',
);
/** "Ann <ann@x.test> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr:" */
const ADDRESS_THEN_WROTE = new RegExp(
  `@[\\p{L}\\p{N}.-]{1,200}>{0,2}\\)?\\s{0,3}(?:${alternation(WROTE_WORDS)})${NOT_WORD_AFTER}`,
  'iu',
);

/** Arabic puts the verb first: "كتب أحمد <a@x.test>:" ("wrote Ahmed"). */
const WROTE_FIRST = /^كتبت?\s/u;
const ENDS_WITH_COLON = /[:：]$/;
const EMAIL = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/u;
/** "… Ann <ann@x.test>:" or "… <ann@x.test<mailto:ann@x.test>>" at the very end. */
const ENDS_WITH_ADDRESS = /<\s{0,3}[^\s<>@]{1,200}@[^\s<>]{1,200}\s{0,3}>{1,2}\s*[:：]?$/u;
/** Gmail, long ago: "2016-03-03 17:21 GMT+01:00 Ann" */
const ISO_DATE_GMT = /^\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2} \p{Nd}{1,2}:\p{Nd}{2} GMT[+-]\p{Nd}{1,2}:?\p{Nd}{2}\s+\S/u;

/** Starts like a date: "2016-10-24", "23 mar", "вт, 5 янв.", "søn. 30. apr.". */
const DATE_FIRST = /^[([]?(?:\p{L}{1,12}[.,]?\s{0,2})?\p{Nd}/u;

/**
 * Something that reads as a date or time, not just any number ("In 2019
 * she wrote:" is not dated): a time ("10:00", "20.42", "10h30"), a numeric
 * date ("03.02.2020", "2/3/20", "2020-02-03"), or a day and a year a few
 * characters apart ("3 Feb 2020", "2020年2月3日"). One pass over the runs of
 * digits (any script's: Arabic-Indic too), no regex, no allocation.
 */
export function looksDated(text: string): boolean {
  // The last three runs of digits: [start, end) of each, oldest first.
  let aStart = -1, aEnd = -1, bStart = -1, bEnd = -1;
  let i = 0;
  while (i < text.length) {
    if (!isDigitAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isDigitAt(text, i)) i++;
    const end = i;
    const length = end - start;
    if (bStart >= 0) {
      const previousLength = bEnd - bStart;
      const joinedBy = start === bEnd + 1 ? text[bEnd]! : '';
      // 10:00, 20.42, 10h30
      if (previousLength <= 2 && length === 2 && joinedBy !== '' && ':.h'.includes(joinedBy)) return true;
      // 03.02.2020, 2020-02-03, 2/3/20
      if (aStart >= 0 && length <= 4 && previousLength <= 2 && aEnd - aStart <= 4 && joinedBy !== '' && './-'.includes(joinedBy)) {
        const firstJoin = bStart === aEnd + 1 ? text[aEnd]! : '';
        if (firstJoin !== '' && './-'.includes(firstJoin)) return true;
      }
      // 3 Feb 2020, 2020年2月3日
      if (start - bEnd <= 30 && ((previousLength <= 2 && length === 4) || (previousLength === 4 && length <= 2))) return true;
    }
    aStart = bStart;
    aEnd = bEnd;
    bStart = start;
    bEnd = end;
  }
  return false;
}

const NON_ASCII_DIGIT = /\p{Nd}/u;

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return NON_ASCII_DIGIT.test(text[i]!);
}

/** Starts with an attribution word ("On", "Am", "Le"…) or with a date. */
export function startsLikeAttribution(text: string): boolean {
  return LEAD.test(text) || DATE_FIRST.test(text);
}

/**
 * Whether a line can be the first line of an attribution that goes on over
 * the next lines: it starts with "On"/"Am"/"Le"…, or with a date that reads
 * as one ("20 окт. 2016 г. 19:37 …"), so "2 invoices paid." is not taken.
 */
export function opensAttribution(text: string): boolean {
  return LEAD.test(text) || (DATE_FIRST.test(text) && looksDated(text));
}

/**
 * Whether `text` (one line, or a few lines joined with spaces, with quote
 * markers and leading dashes taken off) is an attribution line. Accepted
 * shapes, from the most common:
 *
 * - ends with "wrote" in some language, and carries an address, or starts
 *   with "On"/a date and carries a date: "On 3 Feb 2020, at 10:00, Ann wrote:",
 *   "Ann <ann@x.test> wrote:", "понедельник, 6 октября 2014 г. пользователь
 *   lidel написал:", "Ann <ann@x.test> 于2020年2月3日周一 上午10:00写道：";
 * - ends with a verb only mail programs write: "Ann さんは書きました:";
 * - starts with "Am"/"Op"/"Den"/"في"…, dated, "wrote" in the middle, ends with
 *   a colon: "Am 03.02.2020 um 10:00 schrieb Ann <ann@x.test>:",
 *   "في 3 فبراير 2020 10:00 ص، كتب أحمد <a@x.test>:";
 * - an address straight followed by "wrote", dated, colon at the end:
 *   "Ann <ann@x.test> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr:";
 * - Arabic verb first, with an address: "كتب أحمد <a@x.test>:";
 * - starts with a date and ends with an address: "2013/7/20 Ann <ann@x.test>",
 *   "пн, 3 февр. 2020 г. в 10:00, Ann <ann@x.test>:", Japanese Gmail
 *   "2020年2月3日(月) 10:00 Ann <ann@x.test>:";
 * - old Gmail: "2016-03-03 17:21 GMT+01:00 Ann".
 */
export function isAttribution(text: string): boolean {
  if (text.length === 0 || text.length > MAX_ATTRIBUTION_CHARS) return false;
  const tail = text.slice(-60);
  // looksDated is the dearest test: run it once, and last.
  let dated: boolean | undefined;
  if (WROTE_AT_END.test(tail)) {
    if (DISTINCTIVE.test(tail) && text.length > 12) return true;
    if (EMAIL.test(text)) return true;
    if (startsLikeAttribution(text) && (dated = looksDated(text))) return true;
  }
  if (ENDS_WITH_COLON.test(tail)) {
    if (LEAD.test(text) && WROTE_ANYWHERE.test(text) && (dated ??= looksDated(text))) return true;
    if (ADDRESS_THEN_WROTE.test(text) && (dated ??= looksDated(text))) return true;
    if (WROTE_FIRST.test(text) && EMAIL.test(text)) return true;
  }
  if (DATE_FIRST.test(text) && ENDS_WITH_ADDRESS.test(text.slice(-300)) && (dated ??= looksDated(text))) return true;
  return ISO_DATE_GMT.test(text);
}

/**
 * Whether a line could be the last line of an attribution; a cheap test that
 * keeps the stripper from joining lines for every line of a long email.
 */
export function couldEndAttribution(text: string): boolean {
  if (text.length === 0 || text.length > MAX_ATTRIBUTION_CHARS) return false;
  const last = text.charCodeAt(text.length - 1);
  // ":" "：" ">" or a letter/digit (a verb without colon, an ISO-date name)
  return last === 0x3a || last === 0xff1a || last === 0x3e || /[\p{L}\p{N})]$/u.test(text.slice(-1));
}

// ---------------------------------------------------------------------------
// Forwarded and original-message markers

const DASHED_MARKER = new RegExp(`^-{2,}\\s{0,5}(?:${alternation(FORWARD_BETWEEN_DASHES)})\\s{0,5}-{2,}$`, 'iu');

const COLON_MARKER = new RegExp(`^(?:${alternation(FORWARD_FOLLOWED_BY_COLON)})\\s?[:：]$`, 'iu');

/**
 * A line that says a forwarded or original message follows. `text` is the
 * line without quote markers; "*-------- Original Message --------*" loses
 * its stars here.
 */
export function isForwardMarker(text: string): boolean {
  if (text.length > 200) return false;
  const bare = stripEdgeChars(text, '*_ \t');
  return DASHED_MARKER.test(bare) || COLON_MARKER.test(bare);
}

// ---------------------------------------------------------------------------
// Header blocks: "From: … / Sent: … / To: … / Subject: …"

const FROM_LABEL_SET = new Set(HEADER_FROM_LABELS);
const HEADER_LABEL_SET = new Set([...HEADER_FROM_LABELS, ...HEADER_OTHER_LABELS]);
/** "From:", "*From:*", "De :", "件名：" at the start of a line. */
const HEADER_LABEL = /^[ \t*]{0,4}([^:：\n]{1,24}?)[ \t*]{0,4}[:：]/u;

/** What kind of mail header a line starts with, if any. */
export function headerLabel(text: string): 'from' | 'other' | null {
  const match = HEADER_LABEL.exec(text);
  if (!match) return null;
  const label = match[1]!.trim().replace(/\s+/g, ' ').toLowerCase();
  if (FROM_LABEL_SET.has(label)) return 'from';
  return HEADER_LABEL_SET.has(label) ? 'other' : null;
}

// ---------------------------------------------------------------------------
// "Sent from my iPhone"

const MARKDOWN_LINK = /\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)/g;
const ANGLE_URL = /<(?:https?|mailto):[^>\s]{0,500}>/gi;
/** "[https://aka.ms/o0ukef]", as mailparser writes the link of an HTML body. */
const BRACKETED_URL = /\[(?:https?|mailto):[^\]\s]{0,500}\]/gi;
const BARE_URL = /https?:\/\/\S{0,500}/gi;

/** Scripts written without spaces: their phrases match inside a run of letters. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function wordsPattern(words: readonly string[], flags: string): RegExp {
  const spaced = words.filter((word) => !UNSPACED_SCRIPT.test(word));
  const unspaced = words.filter((word) => UNSPACED_SCRIPT.test(word));
  const parts = [`${NOT_WORD_BEFORE}(?:${alternation(spaced)})${NOT_WORD_AFTER}`];
  if (unspaced.length > 0) parts.push(`(?:${alternation(unspaced)})`);
  return new RegExp(parts.join('|'), flags);
}

/** An app's name at the start of a word ("iPhone'a", "iPhoneから" count). */
const APP_NAMES = new RegExp(`${NOT_WORD_BEFORE}(?:${alternation(MAIL_APP_NAMES)})`, 'giu');
const FOOTER_PHRASE_WORDS = wordsPattern(Object.values(FOOTER_PHRASES).flat(), 'giu');
const GLUE_WORDS = new Set(Object.values(FOOTER_GLUE_WORDS).flat());
const WORD_SEPARATORS = /[\s.,:;!。、]+/u;

/**
 * A short line naming a mail app and saying "sent from", "get" or
 * "download", with nothing else but glue words: "Outlook für iOS beziehen",
 * "Get Outlook for Android", "Inviato dal mio smartphone Samsung Galaxy.".
 * "I can't download the PDF on my iPhone." has words of its own, and stays.
 */
function namesMailApp(bare: string): boolean {
  const withoutApps = bare.replace(APP_NAMES, ' ');
  if (withoutApps === bare) return false;
  const rest = withoutApps.replace(FOOTER_PHRASE_WORDS, ' ');
  if (rest === withoutApps) return false;
  const words = rest.split(WORD_SEPARATORS).filter((word) => word !== '');
  return words.length <= MAX_FOOTER_GLUE_WORDS && words.every((word) => GLUE_WORDS.has(word.toLowerCase()));
}

/** A "Sent from my iPhone" line, in any of the languages of mail-app-footers.ts. */
export function isMobileSignature(text: string): boolean {
  if (text.length > 300) return false;
  const bare = text.replace(MARKDOWN_LINK, '$1').replace(ANGLE_URL, '').replace(BRACKETED_URL, '').replace(BARE_URL, '').replace(/\s+/g, ' ').trim();
  if (bare.length === 0 || bare.length > 120) return false;
  return FOOTER_SHAPES.some((pattern) => pattern.test(bare)) || namesMailApp(bare);
}

// ---------------------------------------------------------------------------
// Small helpers

/** `text` without any of `chars` at either end (a loop, not a regex). */
export function stripEdgeChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}
