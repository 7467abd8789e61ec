import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import type { EmailStrings } from './email-strings.js';
import { formatInstantDate } from './formatting.js';
import { renderEmailHtml, renderEmailText, type EmailBrand, type EmailContent } from './layout.js';

/**
 * The end of an email whose button signs the contact in: any notes of the
 * email's own (`before`), how long the link works and what to do once it no
 * longer does, and the footer.
 */
export function signInLinkNotes(
  t: EmailStrings,
  business: EmailBrand,
  link: { expiresAt: Date; locale: Locale; before?: string[] },
): Pick<EmailContent, 'htmlNotes' | 'textNotes' | 'buttonFallback' | 'footer'> {
  const names = { business: singleLine(business.name), date: formatInstantDate(link.expiresAt, link.locale, business.timeZone) };
  const before = link.before ?? [];
  return {
    htmlNotes: [...before, t.linkButtonNote(names), t.linkExpiredNote],
    textNotes: [...before, t.linkTextNote(names), t.linkExpiredNote],
    buttonFallback: t.buttonFallback,
    footer: t.footer(names),
  };
}

/** What differs between the emails whose one button signs the contact in and opens one thing. */
export interface SignInLinkEmailParts {
  business: EmailBrand;
  contactName: string;
  locale: Locale;
  subject: string;
  /** The first paragraph, also the inbox preview. */
  intro: string;
  /** Paragraphs after the intro. */
  more?: string[];
  details: Array<{ label: string; value: string }>;
  button: { label: string; url: string };
  linkExpiresAt: Date;
}

/** An invoice, estimate or receipt email: greeting, intro, details, the button, and the link's notes. */
export function renderSignInLinkEmail(t: EmailStrings, parts: SignInLinkEmailParts): { subject: string; html: string; text: string } {
  const content: EmailContent = {
    business: parts.business,
    locale: parts.locale,
    direction: t.direction,
    subject: parts.subject,
    preheader: parts.intro,
    greeting: t.greeting(parts.contactName?.trim() || null),
    paragraphs: [parts.intro, ...(parts.more ?? [])],
    details: parts.details,
    button: parts.button,
    ...signInLinkNotes(t, parts.business, { expiresAt: parts.linkExpiresAt, locale: parts.locale }),
  };
  return { subject: singleLine(content.subject), html: renderEmailHtml(content), text: renderEmailText(content) };
}
