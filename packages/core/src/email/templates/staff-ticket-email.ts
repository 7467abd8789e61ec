import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import { stringsFor } from './email-strings.js';
import type { RenderedEmail } from './invoice-email.js';
import { renderEmailHtml, renderEmailText, type EmailBrand, type EmailContent } from './layout.js';
import { isolateFor, messagePreheader } from './ticket-text.js';

export interface StaffTicketEmailInput {
  business: EmailBrand;
  /** The staff member's name, for the greeting; null greets without one. */
  staffName: string | null;
  /** `opened`: the client's first message; `replied`: a later one. */
  event: 'opened' | 'replied';
  ticket: { number: number; subject: string };
  clientName: string;
  /** Who wrote: the contact's name, or the sender's when unknown. */
  authorName: string;
  message: string;
  source: 'portal' | 'email';
  /** The ticket in the host's dashboard (or the portal when the business named no dashboard). */
  link: string;
  /** The business's language: staff read the business's own emails in it. */
  locale: Locale;
}

/**
 * To a member of the business's support staff: a client opened a ticket or
 * answered on one. The message in full, who wrote it and how, and a button to
 * the ticket in the dashboard. Not a sign-in link: staff sign in to the
 * host's dashboard, not to the client portal.
 */
export function renderStaffTicketEmail(input: StaffTicketEmailInput): RenderedEmail {
  const { business, locale } = input;
  const t = stringsFor(locale);
  const isolate = isolateFor(t);
  const subject = singleLine(input.ticket.subject);
  const number = `#${input.ticket.number}`;
  const client = singleLine(input.clientName);
  const author = singleLine(input.authorName);
  const opened = input.event === 'opened';
  const subjectNames = { ref: `[${number}]`, client, subject };
  const introNames = { author: isolate(author), client: isolate(client), number: isolate(number), subject: isolate(subject) };
  const intro = opened ? t.staffTicketOpenedIntro(introNames) : t.staffTicketRepliedIntro(introNames);
  const note = t.staffTicketNote({ business: singleLine(business.name) });
  const content: EmailContent = {
    business,
    locale,
    direction: t.direction,
    subject: opened ? t.staffTicketOpenedSubject(subjectNames) : t.staffTicketRepliedSubject(subjectNames),
    preheader: messagePreheader(input.message),
    greeting: t.greeting(input.staffName?.trim() || null),
    paragraphs: [intro],
    message: { heading: t.ticketReplyHeading({ author: isolate(author) }), text: input.message },
    details: [
      { label: t.clientLabel, value: client },
      { label: t.staffTicketSourceLabel, value: input.source === 'email' ? t.staffTicketSourceEmail : t.staffTicketSourcePortal },
    ],
    button: { label: t.staffTicketButton, url: input.link },
    htmlNotes: [note],
    textNotes: [note],
    buttonFallback: t.buttonFallback,
    footer: t.footer({ business: singleLine(business.name) }),
  };
  return { subject: singleLine(content.subject), html: renderEmailHtml(content), text: renderEmailText(content) };
}
