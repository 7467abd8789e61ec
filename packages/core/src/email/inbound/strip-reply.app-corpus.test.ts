/**
 * The reply stripper on our own corpus (./corpus): raw .eml files written
 * the way each mail app writes them (Gmail, Outlook for iOS and Android,
 * Apple Mail on iPhone, iPad and Mac, Yahoo Mail web and app, Samsung Email,
 * Thunderbird; text and HTML-only bodies), one folder per class of reply that
 * used to be missed, in the portal's six languages plus French, Spanish and
 * Portuguese. Each <case>.eml goes through the whole path (mailparser in
 * parseInbound, then stripReply) and must equal <case>.expected.txt after
 * trimming. The share per class and per language is printed; none may drop
 * below MIN_EXACT_SHARE.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInbound } from './parse-inbound.js';
import { stripReply } from './strip-reply.js';

/** The share of cases stripped exactly, per class and per language: the "must not drop" guard. */
const MIN_EXACT_SHARE = 1;

const corpus = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

interface Outcome {
  cls: string;
  language: string;
  name: string;
  exact: boolean;
}

async function run(cls: string, name: string): Promise<Outcome> {
  const raw = readFileSync(join(corpus, cls, `${name}.eml`));
  const expected = readFileSync(join(corpus, cls, `${name}.expected.txt`), 'utf8').trim();
  const mail = await parseInbound(new Uint8Array(raw));
  return { cls, language: name.split('.')[0]!, name, exact: stripReply(mail.text).trim() === expected };
}

function shares(outcomes: readonly Outcome[], key: (o: Outcome) => string): Map<string, { exact: number; total: number }> {
  const byKey = new Map<string, { exact: number; total: number }>();
  for (const outcome of outcomes) {
    const entry = byKey.get(key(outcome)) ?? { exact: 0, total: 0 };
    entry.total++;
    if (outcome.exact) entry.exact++;
    byKey.set(key(outcome), entry);
  }
  return byKey;
}

function table(title: string, byKey: Map<string, { exact: number; total: number }>): string {
  const rows = [...byKey].sort(([a], [b]) => a.localeCompare(b));
  return `${title}\n${rows.map(([k, { exact, total }]) => `  ${k.padEnd(12)} ${`${exact}/${total}`.padStart(7)}  ${((exact / total) * 100).toFixed(1)}%`).join('\n')}`;
}

describe('reply stripper on the mail-app corpus', () => {
  const classes = readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

  it('has every class in the portal languages plus French, Spanish and Portuguese', () => {
    expect(classes).toEqual(['bidi', 'footer', 'interleaved', 'yahoo']);
    for (const cls of classes) {
      const names = readdirSync(join(corpus, cls));
      const emails = names.filter((name) => name.endsWith('.eml')).map((name) => name.slice(0, -'.eml'.length));
      expect(names.filter((name) => name.endsWith('.expected.txt')).map((name) => name.slice(0, -'.expected.txt'.length)).sort()).toEqual(emails.sort());
      const languages = new Set(emails.map((name) => name.split('.')[0]));
      for (const language of ['en', 'de', 'it', 'ru', 'ja', 'ar', 'fr', 'es', 'pt']) expect(languages, `${cls} in ${language}`).toContain(language);
      expect(emails.some((name) => name.includes('.html')), `${cls} has an HTML-only body`).toBe(true);
    }
  });

  it(`strips at least ${MIN_EXACT_SHARE * 100}% of each class and each language exactly`, async () => {
    const outcomes: Outcome[] = [];
    for (const cls of classes) {
      for (const file of readdirSync(join(corpus, cls)).filter((name) => name.endsWith('.eml')).sort()) {
        outcomes.push(await run(cls, file.slice(0, -'.eml'.length)));
      }
    }
    const byClass = shares(outcomes, (o) => o.cls);
    const byLanguage = shares(outcomes, (o) => o.language);
    const misses = outcomes.filter((o) => !o.exact).map((o) => `${o.cls}/${o.name}`);
    const exact = outcomes.length - misses.length;
    console.log(
      [
        `mail-app corpus: ${exact}/${outcomes.length} exact (${((exact / outcomes.length) * 100).toFixed(1)}%), floor ${MIN_EXACT_SHARE * 100}% per class and language`,
        table('per class', byClass),
        table('per language', byLanguage),
        ...(misses.length ? [`misses:\n${misses.map((name) => `  ${name}`).join('\n')}`] : []),
      ].join('\n'),
    );
    for (const [key, { exact: hits, total }] of [...byClass, ...byLanguage]) {
      expect(hits / total, `${key}: misses ${misses.join(', ')}`).toBeGreaterThanOrEqual(MIN_EXACT_SHARE);
    }
  });
});
