import { issueMagicLinkToken, requireSingleLinkTarget, type MagicLinkPurpose } from '../auth/magic-links.js';
import type { Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import type { OutboxRow } from './outbox-rows.js';
import type { OutgoingEmail } from './transports/transport.js';

/**
 * Stands in for the token in a stored email's sign-in link. The real token is
 * made when the worker sends the email, so the outbox never holds one: only
 * its hash ever reaches the database.
 */
export const SIGN_IN_TOKEN_PLACEHOLDER = 'portico-sign-in-token';

/** Who a deferred sign-in link is for. */
export interface SignInLinkSpec {
  clientId: string;
  contactId: string;
  purpose: MagicLinkPurpose;
  invoiceId: string | null;
  /** The ticket the email is about (a ticket reply); a link names an invoice or a ticket, not both. Absent in rows queued before tickets had links. */
  ticketId?: string | null;
  /** How long the link works, counted from when it is sent. */
  ttlMs: number;
}

export function requireSignInLink(spec: SignInLinkSpec, html: string, text: string): void {
  requireSingleLinkTarget(spec);
  if (!html.includes(SIGN_IN_TOKEN_PLACEHOLDER) || !text.includes(SIGN_IN_TOKEN_PLACEHOLDER)) {
    throw new PorticoError('invalid_input', `An email with a sign-in link must use ${SIGN_IN_TOKEN_PLACEHOLDER} in place of the token, in both html and text.`);
  }
}

/**
 * The email as it goes out: when it carries a sign-in link, a fresh
 * single-use token is issued now and put in place of the placeholder.
 * A retry issues another; one that never arrived simply expires unused.
 */
export async function withFreshSignInToken(executor: Executor, now: Date, row: OutboxRow, email: OutgoingEmail): Promise<OutgoingEmail> {
  if (row.sign_in_link === null) return email;
  const spec = JSON.parse(row.sign_in_link) as SignInLinkSpec;
  const { token } = await issueMagicLinkToken(executor, now, { businessId: row.business_id, ...spec });
  return {
    ...email,
    html: email.html.replaceAll(SIGN_IN_TOKEN_PLACEHOLDER, token),
    text: email.text.replaceAll(SIGN_IN_TOKEN_PLACEHOLDER, token),
  };
}
