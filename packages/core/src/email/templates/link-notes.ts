import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import type { EmailStrings } from './email-strings.js';
import { formatInstantDate } from './formatting.js';
import type { EmailBrand, EmailContent } from './layout.js';

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
