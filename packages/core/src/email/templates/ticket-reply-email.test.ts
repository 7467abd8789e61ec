import { describe, expect, it } from 'vitest';
import type { Business } from '../../businesses/businesses.js';
import { supportedLocales, type Locale } from '../../shared/locales.js';
import { emailStrings } from './email-strings.js';
import { renderTicketReplyEmail, type TicketReplyEmailInput } from './ticket-reply-email.js';

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
  settings: {},
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

const link = 'https://billing.harborpine.test/portal/?business=harbor-pine&ticket=tkt_abc';

function render(locale: Locale, overrides: Partial<TicketReplyEmailInput> = {}) {
  return renderTicketReplyEmail({
    business,
    contactName: 'Ann Ledger',
    ticket: { number: 12, subject: 'Where is my receipt?' },
    authorName: 'Dana (Support)',
    message: 'We sent it again.\n\nIt should arrive today.',
    link,
    repliesByEmail: true,
    locale,
    ...overrides,
  });
}

describe('ticket reply email', () => {
  it.each(supportedLocales)('renders in %s: "[#12]" and the subject in the subject line, the reply in full, the portal button', (locale) => {
    const email = render(locale);
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
    expect(email.html).toContain(`href="${link.replace('&', '&amp;')}"`);
    expect(email.text.split('\n')).toContain(link);
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.html).toContain(`dir="${t.direction}"`);
  });

  it('says to answer in the portal when replies by email reach nobody', () => {
    const email = render('en', { repliesByEmail: false });
    expect(email.text).toContain('Please answer in the client portal: replies to this email are not received.');
    expect(email.text).not.toContain('replying to this email');
  });

  it('names who answered and greets the contact', () => {
    const email = render('en');
    expect(email.text.startsWith('Hello Ann Ledger,\n')).toBe(true);
    expect(email.text).toContain('Harbor & Pine Studio has answered your support request #12 “Where is my receipt?”.');
    expect(email.text).toContain('Dana (Support) wrote:');
  });

  it('escapes the reply, the subject and the names in HTML and keeps the subject one line', () => {
    const email = render('en', {
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
