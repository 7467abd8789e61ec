import { issueMagicLinkToken, requireSingleLinkTarget, type MagicLinkPurpose } from './magic-links.js';
import type { DeferredEmailParts } from '../email/outbox.js';
import type { OutboxEnricher } from '../email/outbox-worker.js';
import { PorticoError } from '../shared/errors.js';

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
  /** The estimate the email is about (an estimate email). Absent in rows queued before estimates had links. */
  estimateId?: string | null;
  /** How long the link works, counted from when it is sent. */
  ttlMs: number;
}

/**
 * What the outbox stores for an email whose sign-in link is made when it is
 * sent (pass it to enqueueEmail): the link must name one target, and html and
 * text must both carry SIGN_IN_TOKEN_PLACEHOLDER where its token goes.
 */
export function deferredSignInLink(spec: SignInLinkSpec, email: { html: string; text: string }): DeferredEmailParts {
  requireSingleLinkTarget(spec);
  if (typeof email.html !== 'string' || typeof email.text !== 'string' || !email.html.includes(SIGN_IN_TOKEN_PLACEHOLDER) || !email.text.includes(SIGN_IN_TOKEN_PLACEHOLDER)) {
    throw new PorticoError('invalid_input', `An email with a sign-in link must use ${SIGN_IN_TOKEN_PLACEHOLDER} in place of the token, in both html and text.`);
  }
  return { signInLink: JSON.stringify(spec) };
}

/**
 * The outbox enricher for sign-in links: when an email carries one, a fresh
 * single-use token is issued as it goes out and put in place of the
 * placeholder. A retry issues another; one that never arrived simply expires
 * unused.
 */
export const withFreshSignInToken: OutboxEnricher = async (db, now, row, email) => {
  if (row.sign_in_link === null) return email;
  const spec = JSON.parse(row.sign_in_link) as SignInLinkSpec;
  const { token } = await issueMagicLinkToken(db, now, { businessId: row.business_id, ...spec });
  return {
    ...email,
    html: email.html.replaceAll(SIGN_IN_TOKEN_PLACEHOLDER, token),
    text: email.text.replaceAll(SIGN_IN_TOKEN_PLACEHOLDER, token),
  };
};
