import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { PorticoError } from './errors.js';

/**
 * Text search, the same on SQLite and Postgres.
 *
 * The databases can't be trusted to fold case: SQLite's `lower()` folds ASCII
 * only, and Postgres's follows the database's ctype (ASCII only under `C`). So
 * the folding is done here, in JavaScript, both for the text searched (stored
 * already folded in a `search_text` column, written with the row) and for the
 * query; the database only runs a plain `LIKE` on two folded strings, which
 * compares code points on both engines. A stored column, unlike a function
 * called per row, also leaves room for an index (trigram on Postgres).
 *
 * Folding is NFKC, then Unicode lower case (locale-independent), then final
 * sigma as sigma: `СЧЁТ` finds `счёт`, `ÄNDERUNG` `Änderung`, `ΟΔΟΣ` `Οδός`
 * only with the accent, `ＩＮＶ` and `ｺﾝｻﾙ` find `INV` and `コンサル`. It is no
 * more than that: accents are kept (`e` does not find `é`, `е` not `ё`), and
 * `ß` stays `ß` (`ẞ` finds it, `ss` does not). Scripts without case (Japanese,
 * Arabic, …) are matched as written, after NFKC.
 *
 * Changing `foldForSearch` changes what is stored: it needs a migration that
 * writes every `search_text` again (see migration 0008).
 */

/** Between the fields of one row's search text; folded text never holds it, so a match can't span two fields. */
export const SEARCH_TEXT_SEPARATOR = '\u001f';

/** Longest query accepted, in UTF-16 code units as typed. */
export const MAX_SEARCH_QUERY_LENGTH = 200;

/** `text` as it is stored and searched for: NFKC, lower case, σ for ς, the separator as a space. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ').replace(/\u001f/g, ' ').normalize('NFKC');
}

/** The `search_text` of a row: its searchable fields folded, in order, empty ones kept (so their places stay fixed). */
export function searchTextOf(fields: ReadonlyArray<string | null | undefined>): string {
  return fields.map((field) => foldForSearch(field ?? '')).join(SEARCH_TEXT_SEPARATOR);
}

/**
 * A search query as typed, checked and folded: undefined when it is missing or
 * blank (no filter), a PorticoError naming `field` when it isn't text or is too long.
 */
export function parseSearchQuery(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new PorticoError('invalid_input', `${field} must be text.`, { field });
  if (value.length > MAX_SEARCH_QUERY_LENGTH) {
    throw new PorticoError('invalid_input', `${field} must be at most ${MAX_SEARCH_QUERY_LENGTH} characters.`, { field });
  }
  const folded = foldForSearch(value).trim();
  return folded === '' ? undefined : folded;
}

/** A LIKE pattern matching the already folded `query` anywhere, with `\`, `%` and `_` taken literally. */
export function containsPattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `value LIKE pattern` with `\` as the escape character: Postgres's default, which SQLite must be told. */
export function likeEscaped(value: Expression<unknown>, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${value} like ${pattern} escape '\\'`;
}
