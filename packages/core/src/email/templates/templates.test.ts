import { describe, expect, it } from 'vitest';
import type { Business } from '../../businesses/businesses.js';
import { emptyBusinessProfile } from '../../businesses/business-profile.js';
import type { InvoiceSummary } from '../../invoices/invoice-model.js';
import { formatMoney } from '../../money/money.js';
import { supportedLocales, type Locale } from '../../shared/locales.js';
import { emailStrings, renderInvoiceEmail, renderReceiptEmail, renderSignInEmail, renderStaffTicketEmail, renderTicketReplyEmail, type TicketReplyEmailInput } from './index.js';

const business: Business = {
  id: 'biz_test',
  slug: 'harbor-pine',
  name: 'Harbor & Pine Studio',
  brandColor: '#0f766e',
  logoUrl: null,
  locale: 'en',
  timeZone: 'Europe/Berlin',
  portalUrl: 'https://billing.harborpine.test/portal',
  allowedOrigins: [],
  invoicePrefix: 'INV-',
  estimatePrefix: 'EST-',
  settings: {},
  ...emptyBusinessProfile,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

const invoice: InvoiceSummary = {
  id: 'inv_test',
  number: 'INV-0042',
  clientId: 'cli_test',
  status: 'sent',
  displayStatus: 'sent',
  currency: 'EUR',
  issueDate: '2026-03-10',
  dueDate: '2026-04-09',
  subtotal: 105_000,
  discountTotal: 0,
  taxTotal: 19_950,
  total: 124_950,
  amountPaid: 0,
  balance: 124_950,
  notes: null,
  sharedWithClient: false,
  version: 1,
  sentAt: new Date('2026-03-10T09:00:00Z'),
  paidAt: null,
  voidedAt: null,
  createdAt: new Date('2026-03-10T09:00:00Z'),
  updatedAt: new Date('2026-03-10T09:00:00Z'),
};

const link = 'https://billing.harborpine.test/portal/auth/link?token=abc123&invoice=inv_test';
const htmlLink = link.replace('&', '&amp;');
const linkExpiresAt = new Date('2026-03-17T09:00:00Z');

function invoiceEmail(locale: Locale, overrides: Partial<Parameters<typeof renderInvoiceEmail>[0]> = {}) {
  return renderInvoiceEmail({ business, contactName: 'Ann Ledger', invoice, link, linkExpiresAt, locale, ...overrides });
}

function signInEmail(locale: Locale, overrides: Partial<Parameters<typeof renderSignInEmail>[0]> = {}) {
  return renderSignInEmail({ business, contactName: 'Ann Ledger', link, expiresInMinutes: 10, locale, ...overrides });
}

function longDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

describe('invoice email', () => {
  it.each(supportedLocales)('renders in %s with the number, amount, due date and the link in both parts', (locale) => {
    const email = invoiceEmail(locale);
    const amount = formatMoney({ amount: 124_950, currency: 'EUR' }, locale);
    const due = longDate(new Date('2026-04-09T00:00:00Z'), locale, 'UTC');
    const expires = longDate(linkExpiresAt, locale, 'Europe/Berlin');

    expect(email.subject).toContain('INV-0042');
    expect(email.subject).toContain('Harbor & Pine Studio');
    expect(email.subject).not.toMatch(/[\r\n]/);
    for (const part of [email.text, email.html]) {
      expect(part).toContain('INV-0042');
      expect(part).toContain(amount);
      expect(part).toContain(due);
      expect(part).toContain(expires);
    }
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.html).toContain(`href="${htmlLink}"`);
    // The link stands on a line of its own in the text part.
    expect(email.text.split('\n')).toContain(link);
    expect(email.text).not.toContain('<');
    // The wording in the table for this language, not English.
    expect(email.html).toContain(emailStrings[locale].invoiceButton);
    expect(email.text).toContain(emailStrings[locale].invoiceButton);
  });

  it('says the button signs the client in, works once, and until when', () => {
    const email = invoiceEmail('en');
    expect(email.html).toContain(
      'The button signs you in to the Harbor &amp; Pine Studio client portal. It works only once and is valid until March 17, 2026.',
    );
    expect(email.text).toContain('This link signs you in to the Harbor & Pine Studio client portal. It works only once and is valid until March 17, 2026.');
  });

  it('is a table layout with a bulletproof button in the brand colour', () => {
    const { html } = invoiceEmail('en');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('role="presentation"');
    expect(html).toContain('bgcolor="#0f766e"');
    expect(html).toContain('fillcolor="#0f766e"'); // Outlook's VML button
    expect(html).toMatch(/<a href="[^"]+" target="_blank" style="display:inline-block;[^"]*background-color:#0f766e;/);
    expect(html).not.toMatch(/<style|<script|class="/);
    expect(html).toContain('Harbor &amp; Pine Studio');
    expect(html).not.toContain('<img');
  });

  it('picks a readable button text colour for a light brand colour', () => {
    const light = invoiceEmail('en', { business: { ...business, brandColor: '#fde047' } }).html;
    expect(light).toMatch(/color:#111827;text-decoration:none;border-radius:6px;background-color:#fde047/);
    const dark = invoiceEmail('en').html;
    expect(dark).toMatch(/color:#ffffff;text-decoration:none;border-radius:6px;background-color:#0f766e/);
  });

  it('shows the logo when the business has one', () => {
    const { html } = invoiceEmail('en', { business: { ...business, logoUrl: 'https://cdn.harborpine.test/logo.png?v=2&s=1' } });
    expect(html).toContain('<img src="https://cdn.harborpine.test/logo.png?v=2&amp;s=1" alt="Harbor &amp; Pine Studio"');
  });

  it('escapes everything that comes from data', () => {
    const hostile = { ...business, name: '<script>alert("x")</script> & Co' };
    const email = invoiceEmail('en', {
      business: hostile,
      contactName: '<img src=x onerror=alert(1)>',
      invoice: { ...invoice, number: 'INV-<b>1</b>' },
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).not.toContain('<b>1</b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.html).toContain('INV-&lt;b&gt;1&lt;/b&gt;');
    // The plain-text part is not HTML and keeps the name as written.
    expect(email.text).toContain('<script>alert("x")</script> & Co');
    expect(renderSignInEmail({ business: hostile, contactName: null, link, expiresInMinutes: 10, locale: 'de' }).html).not.toContain('<script>');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => invoiceEmail('en', { link: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => signInEmail('en', { link: '/relative/path' })).toThrow(/http/);
  });

  it('shows the total next to the amount still due on a partly paid invoice', () => {
    const partly = { ...invoice, amountPaid: 24_950, balance: 100_000 };
    const { text } = invoiceEmail('en', { invoice: partly });
    expect(text).toContain('Total: €1,249.50');
    expect(text).toContain('Amount due: €1,000.00');
  });

  it('formats money in the currency\'s own digits and the reader\'s language', () => {
    const yen = { ...invoice, currency: 'JPY', total: 15_000, balance: 15_000 };
    expect(invoiceEmail('ja', { invoice: yen }).text).toContain(formatMoney({ amount: 15_000, currency: 'JPY' }, 'ja'));
    expect(invoiceEmail('de').text).toMatch(/Offener Betrag: 1\.249,50\s€/u);
  });

  it('does not double the full stop after a value that ends with one', () => {
    const email = invoiceEmail('ru', { business: { ...business, name: 'Acme Inc.' } });
    expect(email.text).not.toMatch(/[^.]\.\.(?!\.)/);
    expect(invoiceEmail('en', { business: { ...business, name: 'Acme Inc.' } }).text).toContain('This email was sent by Acme Inc.\n');
  });
});

describe('sign-in email', () => {
  it.each(supportedLocales)('renders in %s with the link in both parts', (locale) => {
    const email = signInEmail(locale);
    expect(email.subject).toContain('Harbor & Pine Studio');
    expect(email.html).toContain(`href="${htmlLink}"`);
    expect(email.text.split('\n')).toContain(link);
    expect(email.html).toContain(emailStrings[locale].signInButton);
    expect(email.text).toContain(emailStrings[locale].minutes(10));
  });

  it('says the link works once and for how many minutes', () => {
    const email = signInEmail('en', { expiresInMinutes: 15 });
    expect(email.text).toContain('The link works only once and expires in 15 minutes.');
    expect(email.html).toContain('The link works only once and expires in 15 minutes.');
    expect(signInEmail('en', { expiresInMinutes: 1 }).text).toContain('expires in 1 minute.');
  });

  it('uses the plural forms of each language', () => {
    expect(emailStrings.ru.minutes(1)).toBe('1 минуту');
    expect(emailStrings.ru.minutes(3)).toBe('3 минуты');
    expect(emailStrings.ru.minutes(10)).toBe('10 минут');
    expect(emailStrings.ru.minutes(21)).toBe('21 минуту');
    expect(emailStrings.de.minutes(1)).toBe('1 Minute');
    expect(emailStrings.it.minutes(10)).toBe('10 minuti');
    expect(emailStrings.ar.minutes(2)).toBe('دقيقتين');
    expect(emailStrings.ja.minutes(10)).toBe('10分');
  });

  it('greets by name, or without one', () => {
    expect(signInEmail('en').text.startsWith('Hello Ann Ledger,\n')).toBe(true);
    expect(signInEmail('en', { contactName: null }).text.startsWith('Hello,\n')).toBe(true);
    expect(signInEmail('de', { contactName: '  ' }).text.startsWith('Hallo,\n')).toBe(true);
  });
});

describe('right to left', () => {
  it('writes Arabic right to left and every other language left to right', () => {
    for (const locale of supportedLocales) {
      for (const email of [invoiceEmail(locale), signInEmail(locale)]) {
        const dir = locale === 'ar' ? 'rtl' : 'ltr';
        expect(email.html).toContain(`<html lang="${locale}" dir="${dir}"`);
        expect(email.html).toContain(`<body dir="${dir}"`);
        if (locale !== 'ar') expect(email.html).not.toContain('dir="rtl"');
      }
    }
    const arabic = invoiceEmail('ar').html;
    expect(arabic).toContain('text-align:right;');
    // The link itself stays left to right inside the Arabic text.
    expect(arabic).toMatch(/<a href="[^"]+" dir="ltr"/);
  });
});

describe('receipt email', () => {
  const paidAt = new Date('2026-03-12T23:30:00Z');
  function receiptEmail(locale: Locale, balance: number) {
    return renderReceiptEmail({
      business,
      contactName: 'Ann Ledger',
      invoice: { number: 'INV-0042', currency: 'EUR', balance },
      payment: { amount: 50_000, receivedAt: paidAt },
      link,
      linkExpiresAt,
      locale,
    });
  }

  it.each(supportedLocales)('renders in %s with the amount received, the date where the business is, what is owed, and the link', (locale) => {
    const email = receiptEmail(locale, 74_950);
    const t = emailStrings[locale];
    expect(email.subject).toBe(t.receiptSubject({ number: 'INV-0042', business: 'Harbor & Pine Studio' }));
    for (const part of [email.text, email.html]) {
      expect(part).toContain(formatMoney({ amount: 50_000, currency: 'EUR' }, locale));
      expect(part).toContain(formatMoney({ amount: 74_950, currency: 'EUR' }, locale));
      // 23:30 UTC is already the 13th in Berlin.
      expect(part).toContain(longDate(paidAt, locale, 'Europe/Berlin'));
      expect(part).toContain(t.receiptButton);
      expect(part).toContain(t.receiptPdfNote({ number: 'INV-0042' }));
      expect(part).not.toContain(t.paidInFullNote);
    }
    expect(longDate(paidAt, 'en', 'Europe/Berlin')).toBe('March 13, 2026');
    expect(email.html).toContain(`href="${htmlLink}"`);
    expect(email.text.split('\n')).toContain(link);
  });

  it('says the invoice is paid in full, and no amount due, when nothing is owed any more', () => {
    const email = receiptEmail('en', 0);
    expect(email.text).toContain('The invoice is now paid in full.');
    expect(email.text).not.toContain('Amount due');
  });
});

describe('translation table', () => {
  it('has every sentence in every language, none left in English by mistake', () => {
    for (const locale of supportedLocales) {
      const strings = emailStrings[locale];
      expect(strings, locale).toBeDefined();
      if (locale !== 'en') {
        expect(strings.invoiceButton).not.toBe(emailStrings.en.invoiceButton);
        expect(strings.signInIgnoreNote).not.toBe(emailStrings.en.signInIgnoreNote);
        expect(strings.linkExpiredNote).not.toBe(emailStrings.en.linkExpiredNote);
        expect(strings.receiptButton).not.toBe(emailStrings.en.receiptButton);
        expect(strings.paidInFullNote).not.toBe(emailStrings.en.paidInFullNote);
        expect(strings.receiptPdfNote({ number: 'X' })).not.toBe(emailStrings.en.receiptPdfNote({ number: 'X' }));
        expect(strings.staffTicketButton).not.toBe(emailStrings.en.staffTicketButton);
        expect(strings.staffTicketNote({ business: 'X' })).not.toBe(emailStrings.en.staffTicketNote({ business: 'X' }));
      }
    }
  });
});

const ticketLink = 'https://billing.harborpine.test/portal/auth/link/harbor-pine/abc123';

function ticketReplyEmail(locale: Locale, overrides: Partial<TicketReplyEmailInput> = {}) {
  return renderTicketReplyEmail({
    business,
    contactName: 'Ann Ledger',
    ticket: { number: 12, subject: 'Where is my receipt?' },
    authorName: 'Dana (Support)',
    message: 'We sent it again.\n\nIt should arrive today.',
    link: ticketLink,
    linkExpiresAt,
    repliesByEmail: true,
    locale,
    ...overrides,
  });
}

describe('ticket reply email', () => {
  it.each(supportedLocales)('renders in %s: "[#12]" and the subject in the subject line, the reply in full, the portal button', (locale) => {
    const email = ticketReplyEmail(locale);
    const t = emailStrings[locale];
    expect(email.subject).toBe(`Re: Where is my receipt? [#12]`);
    expect(email.text).toContain('We sent it again.\n\nIt should arrive today.');
    expect(email.html).toContain('white-space:pre-wrap');
    expect(email.html).toContain('We sent it again.\n\nIt should arrive today.');
    for (const part of [email.html, email.text]) {
      expect(part).toContain(t.ticketButton);
      expect(part).toContain('#12');
      expect(part).toContain(t.ticketReplyByEmailNote);
    }
    expect(email.html).toContain(`href="${ticketLink}"`);
    expect(email.text.split('\n')).toContain(ticketLink);
    // When the sign-in link stops working, and what to do then.
    const expires = longDate(linkExpiresAt, locale, 'Europe/Berlin');
    expect(email.html).toContain(expires);
    expect(email.text).toContain(expires);
    expect(email.text).toContain(t.linkExpiredNote);
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.html).toContain(`dir="${t.direction}"`);
  });

  it.each(supportedLocales)('in %s quotes the earlier messages under the reply, newest first, dated where the client is', (locale) => {
    const t = emailStrings[locale];
    const at = new Date('2026-03-10T08:30:00Z');
    const email = ticketReplyEmail(locale, {
      business: { ...business, timeZone: 'Asia/Tokyo' },
      history: [
        { authorName: 'Ann Ledger', at, text: 'Where is it?\nThanks' },
        { authorName: 'Dana', at: new Date('2026-03-09T08:30:00Z'), text: 'Sent.' },
      ],
    });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(at);
    for (const part of [email.text, email.html]) {
      expect(part).toContain(t.ticketHistoryHeading);
      expect(part.indexOf('We sent it again.')).toBeLessThan(part.indexOf(t.ticketHistoryHeading));
      expect(part.indexOf('Where is it?')).toBeLessThan(part.indexOf('Sent.'));
    }
    const heading = t.ticketHistoryEntry({ author: t.direction === 'rtl' ? '\u2068Ann Ledger\u2069' : 'Ann Ledger', date });
    expect(email.text).toContain(`${heading}\nWhere is it?\nThanks`);
    expect(ticketReplyEmail(locale).text).not.toContain(t.ticketHistoryHeading);
  });

  it('says to answer in the portal when replies by email reach nobody', () => {
    const email = ticketReplyEmail('en', { repliesByEmail: false });
    expect(email.text).toContain('Please answer in the client portal: replies to this email are not received.');
    expect(email.text).not.toContain('replying to this email');
  });

  it('says the button signs in once, until when, and how to get a new link', () => {
    const email = ticketReplyEmail('en');
    expect(email.text).toContain('This link signs you in to the Harbor & Pine Studio client portal. It works only once and is valid until March 17, 2026.');
    expect(email.html).toContain('The button signs you in to the Harbor &amp; Pine Studio client portal.');
    expect(email.text).toContain('you can ask for a new one on the portal’s sign-in page');
  });

  it('names who answered and greets the contact', () => {
    const email = ticketReplyEmail('en');
    expect(email.text.startsWith('Hello Ann Ledger,\n')).toBe(true);
    expect(email.text).toContain('Harbor & Pine Studio has answered your support request #12 “Where is my receipt?”.');
    expect(email.text).toContain('Dana (Support) wrote:');
  });

  it('escapes the reply, the subject and the names in HTML and keeps the subject one line', () => {
    const email = ticketReplyEmail('en', {
      ticket: { number: 3, subject: 'a <b>bold</b>\r\nBcc: x@evil.test' },
      authorName: '<img src=x onerror=alert(1)>',
      message: '<script>alert(1)</script>',
    });
    expect(email.subject).toBe('Re: a <b>bold</b> Bcc: x@evil.test [#3]');
    expect(email.html).not.toMatch(/<script>|<img src=x|<b>bold/);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.text).toContain('<script>alert(1)</script>');
  });
});

describe('staff ticket email', () => {
  const dashboardLink = 'https://app.harborpine.test/dashboard/tickets/tkt_1';
  function staffEmail(locale: Locale, event: 'opened' | 'replied') {
    return renderStaffTicketEmail({
      business,
      staffName: 'Mia',
      event,
      ticket: { number: 12, subject: 'Where is my receipt?' },
      clientName: 'Globex Corporation',
      authorName: 'Ann Ledger',
      message: 'I paid on Monday.\n\nThanks',
      source: 'email',
      link: dashboardLink,
      locale,
    });
  }

  it.each(supportedLocales)('renders in %s: "[#12]", the client and the subject in the subject line, the message in full, the dashboard button', (locale) => {
    const t = emailStrings[locale];
    const opened = staffEmail(locale, 'opened');
    const replied = staffEmail(locale, 'replied');
    for (const email of [opened, replied]) {
      expect(email.subject).toContain('[#12]');
      expect(email.subject).toContain('Globex Corporation');
      expect(email.subject).toContain('Where is my receipt?');
      expect(email.text).toContain('I paid on Monday.\n\nThanks');
      expect(email.html).toContain(`href="${dashboardLink}"`);
      expect(email.text).toContain(`${t.staffTicketSourceLabel}: ${t.staffTicketSourceEmail}`);
      for (const part of [email.html, email.text]) expect(part).toContain(t.staffTicketButton);
      expect(email.html).toContain(`dir="${t.direction}"`);
    }
    expect(opened.subject).not.toBe(replied.subject);
  });
});
