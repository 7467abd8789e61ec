import { describe, expect, it } from 'vitest';
import { expectPorticoErrorSync } from '../testing/assertions.js';
import { containsPattern, foldForSearch, parseSearchQuery, searchTextOf, SEARCH_TEXT_SEPARATOR } from './search-text.js';

describe('foldForSearch', () => {
  it('lower-cases every cased script, locale-independently', () => {
    expect(foldForSearch('СЧЁТ Änderung İ')).toBe('счёт änderung i̇');
    expect(foldForSearch('ΟΔΟΣ Οδός')).toBe('οδοσ οδόσ');
    expect(foldForSearch('STRAẞE')).toBe('straße');
  });

  it('maps compatibility forms to the plain ones', () => {
    expect(foldForSearch('ＩＮＶ－００１２')).toBe('inv-0012');
    expect(foldForSearch('ｺﾝｻﾙ')).toBe('コンサル');
    expect(foldForSearch('ﬁle Ⅻ')).toBe('file xii');
    expect(foldForSearch('ﻓﺎﺗﻮﺭﺓ')).toBe('فاتورة');
  });

  it('keeps accents, ß, and scripts without case as they are', () => {
    expect(foldForSearch('é ё ß')).toBe('é ё ß');
    expect(foldForSearch('請求書 فاتورة')).toBe('請求書 فاتورة');
  });

  it('turns the field separator into a space, so no folded text holds it', () => {
    expect(foldForSearch(`a${SEARCH_TEXT_SEPARATOR}b`)).toBe('a b');
  });
});

describe('searchTextOf', () => {
  it('folds each field and keeps the empty ones in their place', () => {
    expect(searchTextOf([null, 'Notes', 'Line A'])).toBe(['', 'notes', 'line a'].join(SEARCH_TEXT_SEPARATOR));
  });
});

describe('parseSearchQuery', () => {
  it('folds and trims the query; blank means no search', () => {
    expect(parseSearchQuery('  СЧЁТ ', 'q')).toBe('счёт');
    expect(parseSearchQuery('   ', 'q')).toBeUndefined();
    expect(parseSearchQuery(undefined, 'q')).toBeUndefined();
    expect(parseSearchQuery(null, 'q')).toBeUndefined();
  });

  it('refuses what is not text or is over 200 characters, naming the field', () => {
    expect(expectPorticoErrorSync(() => parseSearchQuery(42, 'search'), 'invalid_input').field).toBe('search');
    expect(expectPorticoErrorSync(() => parseSearchQuery('x'.repeat(201), 'q'), 'invalid_input').field).toBe('q');
    expect(parseSearchQuery('x'.repeat(200), 'q')).toBe('x'.repeat(200));
  });
});

describe('containsPattern', () => {
  it('escapes the LIKE metacharacters', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
