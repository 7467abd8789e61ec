import { expect } from '@open-wc/testing';
import { intlLocale, resolveLocale, stringsFor, tables, textDirection } from './index.js';

describe('i18n', () => {
  it('picks a table by the primary language subtag, English otherwise', () => {
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('EN')).to.equal('en');
    expect(resolveLocale('xx')).to.equal('en');
    expect(resolveLocale('')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
    expect(resolveLocale('constructor')).to.equal('en');
    expect(stringsFor('en-US')).to.equal(tables.en);
  });

  it('Arabic (and other right-to-left languages) read right to left', () => {
    expect(textDirection('ar')).to.equal('rtl');
    expect(textDirection('ar-EG')).to.equal('rtl');
    expect(textDirection('he')).to.equal('rtl');
    expect(textDirection('en')).to.equal('ltr');
    expect(textDirection(null)).to.equal('ltr');
  });

  it('gives Intl the regional tag when the text is in that language, else the language shown', () => {
    expect(intlLocale('en-GB')).to.equal('en-GB');
    expect(intlLocale('xx-YY')).to.equal('en');
    expect(intlLocale('not a tag')).to.equal('en');
  });

  it('every table has every string, none empty', () => {
    const keys = Object.keys(tables.en).sort();
    for (const [locale, table] of Object.entries(tables)) {
      expect(Object.keys(table).sort(), locale).to.deep.equal(keys);
      for (const [key, value] of Object.entries(table)) {
        const sample = typeof value === 'function' ? (value as (arg: never) => string)(2 as never) : value;
        expect(sample, `${locale}.${key}`).to.be.a('string').and.not.equal('');
      }
    }
  });
});
