import { formatMoney } from '../../money/money.js';
import type { Locale } from '../../shared/locales.js';
import { singleLine } from '../sender-address.js';
import { stringsFor } from './email-strings.js';
import { formatCalendarDate } from './formatting.js';
import type { RenderedEmail } from './invoice-email.js';
import { renderSignInLinkEmail } from './link-notes.js';
import { renderEmailHtml, renderEmailText, type EmailBrand, type EmailContent } from './layout.js';

/** What the emails say of an estimate (an `EstimateSummary` has these and more). */
export interface EstimateEmailFacts {
  number: string;
  currency: string;
  total: number;
  /** `YYYY-MM-DD`. */
  validUntil: string;
}

export interface EstimateEmailInput {
  business: EmailBrand;
  contactName: string;
  estimate: EstimateEmailFacts;
  /** The single-use magic link that signs the contact in and opens the estimate. */
  link: string;
  linkExpiresAt: Date;
  locale: Locale;
}

/** "Estimate EST-0001 from Acme": the number, total and valid-until date, and the button that signs the contact in, as invoices have. */
export function renderEstimateEmail(input: EstimateEmailInput): RenderedEmail {
  const { business, estimate, locale } = input;
  const t = stringsFor(locale);
  const names = { business: singleLine(business.name), number: estimate.number };
  return renderSignInLinkEmail(t, {
    business,
    contactName: input.contactName,
    locale,
    subject: t.estimateSubject(names),
    intro: t.estimateIntro(names),
    details: [
      { label: t.estimateNumberLabel, value: estimate.number },
      { label: t.totalLabel, value: formatMoney({ amount: estimate.total, currency: estimate.currency }, locale) },
      { label: t.validUntilLabel, value: formatCalendarDate(estimate.validUntil, locale) },
    ],
    button: { label: t.estimateButton, url: input.link },
    linkExpiresAt: input.linkExpiresAt,
  });
}

export interface EstimateResponseEmailInput {
  business: EmailBrand & { portalUrl: string };
  clientName: string;
  estimate: EstimateEmailFacts;
  /**
   * Accepted (with the name the client typed; `draftInvoice` when it became a
   * draft invoice that awaits the business) or declined (with the reason, if
   * one was given).
   */
  response:
    | { kind: 'accepted'; name: string; draftInvoice: boolean }
    | { kind: 'declined'; reason: string | null };
  /** The business's language. */
  locale: Locale;
}

/** To the business: its client accepted or declined an estimate in the portal. */
export function renderEstimateResponseEmail(input: EstimateResponseEmailInput): RenderedEmail {
  const { business, estimate, locale, response } = input;
  const t = stringsFor(locale);
  const names = { number: estimate.number, client: singleLine(input.clientName) };
  const accepted = response.kind === 'accepted';
  const intro = accepted ? t.estimateAcceptedIntro({ ...names, name: singleLine(response.name) }) : t.estimateDeclinedIntro(names);
  const details = [
    { label: t.estimateNumberLabel, value: estimate.number },
    { label: t.clientLabel, value: names.client },
    { label: t.totalLabel, value: formatMoney({ amount: estimate.total, currency: estimate.currency }, locale) },
  ];
  if (accepted) {
    details.push({ label: t.acceptedByLabel, value: singleLine(response.name) });
    if (response.draftInvoice) details.push({ label: t.invoiceNumberLabel, value: t.draftInvoice });
  }
  const footer = t.footer({ business: singleLine(business.name) });
  const content: EmailContent = {
    business,
    locale,
    direction: t.direction,
    subject: accepted ? t.estimateAcceptedSubject(names) : t.estimateDeclinedSubject(names),
    preheader: intro,
    greeting: t.greeting(null),
    paragraphs: [intro],
    // The reason as the client wrote it, line breaks kept.
    ...(response.kind === 'declined' && response.reason ? { message: { heading: t.declineReasonLabel, text: response.reason } } : {}),
    details,
    button: { label: t.openPortalButton, url: business.portalUrl },
    htmlNotes: [],
    textNotes: [],
    buttonFallback: t.buttonFallback,
    footer,
  };
  return { subject: singleLine(content.subject), html: renderEmailHtml(content), text: renderEmailText(content) };
}
