/**
 * The reply stripper on a corpus of real replies (../shared/corpora/
 * email-reply-trimmer beside the repository, from Discourse's MIT-licensed
 * email_reply_trimmer): every email is stripped and compared with its
 * expected body, after trimming surrounding white space. The share of exact
 * matches must not drop below MIN_EXACT_SHARE; raise it when it goes up.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stripReply } from './strip-reply.js';

/** The share of corpus emails stripped exactly as expected: the "must not drop" guard. */
const MIN_EXACT_SHARE = 1;

/** The repository root: the directory whose package.json declares the workspaces. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('strip-reply.corpus.test: no package.json with "workspaces" above this file');
    dir = parent;
  }
}

const corpus = resolve(repositoryRoot(), '..', 'shared', 'corpora', 'email-reply-trimmer');

describe('reply stripper on the email_reply_trimmer corpus', () => {
  it('finds the corpus beside the repository', () => {
    // CI clones the repository with shared/ beside it. A missing corpus is a
    // broken checkout, and must fail here rather than pass with nothing measured.
    expect(existsSync(join(corpus, 'emails')), `corpus missing: ${corpus}/emails`).toBe(true);
    expect(existsSync(join(corpus, 'trimmed')), `corpus missing: ${corpus}/trimmed`).toBe(true);
  });

  it(`strips at least ${MIN_EXACT_SHARE * 100}% of the emails exactly`, () => {
    const names = readdirSync(join(corpus, 'emails')).filter((name) => name.endsWith('.txt')).sort();
    expect(names.length, 'corpus has no emails').toBeGreaterThan(0);
    expect(readdirSync(join(corpus, 'trimmed')).filter((name) => name.endsWith('.txt')).sort()).toEqual(names);

    const misses: string[] = [];
    for (const name of names) {
      const email = readFileSync(join(corpus, 'emails', name), 'utf8');
      const expected = readFileSync(join(corpus, 'trimmed', name), 'utf8').trim();
      if (stripReply(email).trim() !== expected) misses.push(name);
    }
    const share = (names.length - misses.length) / names.length;
    console.log(
      `reply stripper: ${names.length - misses.length}/${names.length} exact (${(share * 100).toFixed(1)}%), floor ${MIN_EXACT_SHARE * 100}%` +
        (misses.length ? `\nmisses:\n${misses.map((name) => `  ${name}`).join('\n')}` : ''),
    );
    expect(share, `misses: ${misses.join(', ')}`).toBeGreaterThanOrEqual(MIN_EXACT_SHARE);
  });
});
