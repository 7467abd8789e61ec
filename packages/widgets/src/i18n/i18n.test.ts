import { expect, fixture, html } from '@open-wc/testing';
import { en } from './en.js';
import { en as adminEn } from '../admin/i18n/en.js';
import { loadAdminStrings } from '../admin/i18n/index.js';
import { intlLocale, loadedStrings, loadStrings, locales, resolveLocale, stringsFor, textDirection } from './index.js';
import '../new-ticket/new-ticket.js';

describe('i18n', () => {
  it('picks a table by the primary language subtag, English otherwise', () => {
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('EN')).to.equal('en');
    expect(resolveLocale('xx')).to.equal('en');
    expect(resolveLocale('')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
    expect(resolveLocale('constructor')).to.equal('en');
    expect(stringsFor('en-US')).to.equal(en);
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

  it('writes Arabic with one digit style, the PDFs’ and emails’, whatever the region', () => {
    const arabicIndic = /[\u0660-\u0669\u06f0-\u06f9]/;
    for (const tag of ['ar', 'ar-EG', 'ar-SA', 'ar-MA']) {
      const locale = intlLocale(tag);
      const amount = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(-1234.5);
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 7));
      expect(`${amount} ${date}`, tag).not.to.match(arabicIndic);
      expect(amount.replace(/\D/g, ''), tag).to.equal('123450');
      expect(date, tag).to.contain('2026');
    }
    expect(intlLocale('ar-EG')).to.equal('ar-EG-u-nu-latn');
    expect(intlLocale('ar-u-nu-arab'), 'a host that asks for a digit style gets it').to.equal('ar-u-nu-arab');
  });

  it('loads a table once, on first use; until then stringsFor gives English', async () => {
    expect(loadedStrings('it')).to.equal(undefined);
    expect(stringsFor('it')).to.equal(en);
    const [first, second] = await Promise.all([loadStrings('it'), loadStrings('it')]);
    expect(first).to.equal(second);
    expect(first.signOut).to.equal('Esci');
    expect(loadedStrings('it')).to.equal(first);
    expect(stringsFor('it-CH')).to.equal(first);
  });

  it('a widget in a language not loaded yet waits for its table: its first render is in that language', async () => {
    expect(loadedStrings('ja')).to.equal(undefined);
    const el = await fixture(html`<portico-new-ticket lang="ja" server="/nowhere" business="nobody"></portico-new-ticket>`);
    const ja = await loadStrings('ja');
    expect(el.shadowRoot!.textContent).to.include(ja.newTicketHeading);
    expect(el.shadowRoot!.textContent).not.to.include(en.newTicketHeading);
  });

  it('every table has every string, none empty; the business\'s widgets\' tables too, and neither repeats a key of the other', async () => {
    for (const locale of locales) {
      const client = await loadStrings(locale);
      const both = await loadAdminStrings(locale);
      const admin = Object.keys(both).filter((key) => !(key in client));
      expect(Object.keys(client).sort(), locale).to.deep.equal(Object.keys(en).sort());
      expect(admin.sort(), `${locale} (admin)`).to.deep.equal(Object.keys(adminEn).sort());
      // No key in both tables (the business's would hide the client's).
      expect(Object.keys(both), `${locale} (merged)`).to.have.length(Object.keys(en).length + Object.keys(adminEn).length);
      for (const [key, value] of Object.entries(both)) {
        const sample = typeof value === 'function' ? (value as (arg: never) => string)(2 as never) : value;
        expect(sample, `${locale}.${key}`).to.be.a('string').and.not.equal('');
      }
    }
  });
});
