import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import { stringsFor } from './email-strings.js';
import { signInLinkNotes } from './link-notes.js';
import { formatInstantDateTime } from './formatting.js';
import { isolateFor, messagePreheader } from './ticket-text.js';
import type { RenderedEmail } from './invoice-email.js';
import { renderEmailHtml, renderEmailText, type EmailContent, type EmailBrand } from './layout.js';

export interface TicketReplyEmailInput {
  business: EmailBrand;
  contactName: string | null;
  ticket: { number: number; subject: string };
  /** Who answered, as the business named them. */
  authorName: string;
  /** The reply, plain text. */
  message: string;
  /** The single-use link that signs the contact in and opens the thread in the portal. */
  link: string;
  linkExpiresAt: Date;
  /** Whether replying to this email reaches the thread (the business has an inbound domain). */
  repliesByEmail: boolean;
  /** The reply's files: attached to the email, too large to attach (in the portal only), or none (default). */
  files?: 'attached' | 'in_portal' | 'none';
  /** The thread's latest earlier messages the client saw, newest first, quoted under the reply. */
  history?: ReadonlyArray<{ authorName: string; at: Date; text: string }>;
  locale: Locale;
}

/**
 * "Re: <subject> [#12]": the business's reply in full, a button that signs
 * the contact in and opens the thread in the portal, and whether answering
 * by email works. The "[#12]" is for
 * people; replies are matched by the signed Reply-To and Message-ID.
 */
export function renderTicketReplyEmail(input: TicketReplyEmailInput): RenderedEmail {
  const { business, locale } = input;
  const t = stringsFor(locale);
  const subject = singleLine(input.ticket.subject);
  const number = `#${input.ticket.number}`;
  const isolate = isolateFor(t);
  const names = { business: singleLine(business.name), number: isolate(number), subject: isolate(subject) };
  const intro = t.ticketReplyIntro(names);
  const note = input.repliesByEmail ? t.ticketReplyByEmailNote : t.ticketReplyInPortalNote;
  const files = input.files === 'attached' ? [t.ticketFilesAttachedNote] : input.files === 'in_portal' ? [t.ticketFilesInPortalNote] : [];
  const content: EmailContent = {
    business,
    locale,
    direction: t.direction,
    subject: t.ticketReplySubject({ subject, ref: `[${number}]` }),
    preheader: messagePreheader(input.message),
    greeting: t.greeting(input.contactName?.trim() || null),
    paragraphs: [intro],
    message: { heading: t.ticketReplyHeading({ author: isolate(singleLine(input.authorName)) }), text: input.message },
    // The intro already names the ticket's number and subject.
    details: [],
    button: { label: t.ticketButton, url: input.link },
    history: {
      heading: t.ticketHistoryHeading,
      entries: (input.history ?? []).map((entry) => ({
        heading: t.ticketHistoryEntry({ author: isolate(singleLine(entry.authorName)), date: formatInstantDateTime(entry.at, locale, business.timeZone) }),
        text: entry.text,
      })),
    },
    ...signInLinkNotes(t, business, { expiresAt: input.linkExpiresAt, locale, before: [...files, note] }),
  };
  return { subject: singleLine(content.subject), html: renderEmailHtml(content), text: renderEmailText(content) };
}
