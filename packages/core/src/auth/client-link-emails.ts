import type { Business } from '../businesses/businesses.js';
import { signInLinkUrl } from '../businesses/portal-page.js';
import { clientAudience } from '../clients/client-audience.js';
import type { BusinessContext, Executor } from '../context.js';
import { enqueueEmail } from '../email/outbox.js';
import type { RenderedEmail } from '../email/templates/index.js';
import { PorticoError } from '../shared/errors.js';
import type { Locale } from '../shared/locales.js';
import { deferredSignInLink, SIGN_IN_TOKEN_PLACEHOLDER } from './email-sign-in-link.js';
import { emailLinkTtlMs, type MagicLinkPurpose, type MagicLinkTarget } from './magic-links.js';

/** How long the links of a document email work: the caller's `linkTtlMs`, else the business's (7 days by default). */
export function documentLinkTtlMs(business: Business, linkTtlMs: number | undefined): number {
  const ttlMs = linkTtlMs ?? emailLinkTtlMs(business);
  if (!Number.isInteger(ttlMs) || ttlMs < 60_000 || ttlMs > 90 * 86_400_000) {
    throw new PorticoError('invalid_input', 'linkTtlMs must be between one minute and 90 days.', { field: 'linkTtlMs' });
  }
  return ttlMs;
}

export interface ClientLinkEmailSpec {
  clientId: string;
  /** The outbox kind: `invoice_sent`, `estimate_sent`. */
  kind: string;
  purpose: MagicLinkPurpose;
  /** What the link opens after sign-in. */
  target: MagicLinkTarget;
  ttlMs: number;
  /**
   * What the document is, for the error when the client has no contact; left
   * out, a client without contacts is emailed nothing (a receipt must never
   * stop its payment from being booked).
   */
  what?: string;
  /** `business` is the sender with its time zone set to the client's (where the email's dates are). */
  render(email: { business: Business; contactName: string; locale: Locale; link: string; linkExpiresAt: Date }): RenderedEmail;
}

/**
 * Queues, inside the caller's transaction, one email per contact of the
 * client who receives invoices, in the client's language and time zone, each with its own single-use sign-in link
 * (made when the email goes out). Returns how many were queued.
 */
export async function queueClientLinkEmails(trx: Executor, ctx: BusinessContext, business: Business, spec: ClientLinkEmailSpec): Promise<number> {
  const { locale, timeZone, contacts } = await clientAudience(trx, ctx.businessId, spec.clientId, business, 'invoices');
  if (contacts.length === 0 && spec.what !== undefined) {
    throw new PorticoError('invalid_input', `This client has no contacts who receive invoices to send the ${spec.what} to; add one first.`, {
      field: 'clientId',
    });
  }
  for (const contact of contacts) {
    const email = spec.render({
      business: { ...business, timeZone },
      contactName: contact.name,
      locale,
      link: signInLinkUrl(business, SIGN_IN_TOKEN_PLACEHOLDER),
      linkExpiresAt: new Date(ctx.clock.now().getTime() + spec.ttlMs),
    });
    const link = { clientId: spec.clientId, contactId: contact.id, purpose: spec.purpose, invoiceId: null, ...spec.target, ttlMs: spec.ttlMs };
    await enqueueEmail(trx, ctx, { kind: spec.kind, to: contact.email, ...email }, deferredSignInLink(link, email));
  }
  return contacts.length;
}
