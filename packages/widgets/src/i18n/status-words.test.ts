import { expect } from '@open-wc/testing';
import { invoiceStatusWords } from '@portico/wire';
import { loadStrings, locales } from './index.js';

// Its own file: loading every table here would spoil i18n.test.ts's "loads a table on first use".
describe('status words', () => {
  it('speak the one status vocabulary (the PDF’s and the admin’s words too), in every language', async () => {
    for (const locale of locales) {
      const strings = await loadStrings(locale);
      const words = invoiceStatusWords[locale];
      expect(
        [strings.statusDraft, strings.statusSent, strings.statusPartiallyPaid, strings.statusOverdue, strings.statusPaid, strings.statusVoid, strings.statusUnpaid],
        locale,
      ).to.deep.equal([words.draft, words.sent, words.partially_paid, words.overdue, words.paid, words.void, words.unpaid]);
    }
  });
});
