import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import { stringsFor } from './email-strings.js';
import { renderEmailHtml, renderEmailText, type EmailContent, type EmailBrand } from './layout.js';
import type { RenderedEmail } from './invoice-email.js';

export interface SignInEmailInput {
  business: EmailBrand;
  contactName: string | null;
  /** The single-use magic link. */
  link: string;
  expiresInMinutes: number;
  locale: Locale;
}

/** The link a client asked for: one button, and that it works once and for N minutes. */
export function renderSignInEmail(input: SignInEmailInput): RenderedEmail {
  const { business, locale } = input;
  const t = stringsFor(locale);
  const names = { business: singleLine(business.name) };
  const minutes = Math.max(1, Math.round(input.expiresInMinutes));
  const intro = t.signInIntro(names);
  const notes = [t.signInNote({ duration: t.minutes(minutes) }), t.signInIgnoreNote];
  const content: EmailContent = {
    business,
    locale,
    direction: t.direction,
    subject: t.signInSubject(names),
    preheader: intro,
    greeting: t.greeting(input.contactName?.trim() || null),
    paragraphs: [intro],
    details: [],
    button: { label: t.signInButton, url: input.link },
    htmlNotes: notes,
    textNotes: notes,
    buttonFallback: t.buttonFallback,
    footer: t.footer(names),
  };
  return { subject: singleLine(content.subject), html: renderEmailHtml(content), text: renderEmailText(content) };
}
