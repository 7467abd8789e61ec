import { recordAudit } from '../audit/audit-log.js';
import type { CoreContext } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { normalizeEmail, requireEmail } from '../shared/validate.js';
import {
  inspectMagicLinkToken,
  redeemMagicLinkToken,
  type MagicLinkState,
} from './magic-links.js';
import { startSession, type SessionKind, type StartedSession } from './sessions.js';

/**
 * "Email me a link": keeps the request for the outbox worker, which sends a
 * 10-minute link to every contact of the business with this address
 * (sign-in-requests.ts). Nothing is looked up here, so the answer takes the
 * same work, and the same time, whether or not the address is a contact's.
 */
export async function requestSignInLink(ctx: CoreContext, businessId: string, email: string): Promise<void> {
  const address = requireEmail(email, 'email');
  await ctx.db
    .insertInto('sign_in_requests')
    .values({ id: newId('sir'), business_id: businessId, email_normalized: normalizeEmail(address), requested_at: ctx.clock.now().getTime() })
    .execute();
}

/** Whether a link still works, for the landing page; consumes nothing. */
export function inspectSignInLink(ctx: CoreContext, businessId: string, token: string): Promise<MagicLinkState> {
  return inspectMagicLinkToken(ctx, businessId, token);
}

export interface RedeemedSignIn extends StartedSession {
  /** The invoice the email was about, to show first. */
  invoiceId: string | null;
  /** The ticket the email was about, to show first (a link names at most one of the two). */
  ticketId: string | null;
  /** The estimate the email was about, to show first. */
  estimateId: string | null;
}

/**
 * Spends a link and starts a session, in one transaction: exactly one of any
 * number of concurrent redemptions succeeds.
 */
export async function redeemSignInLink(
  ctx: CoreContext,
  businessId: string,
  token: string,
  kind: SessionKind,
): Promise<RedeemedSignIn> {
  const now = ctx.clock.now();
  const started = await ctx.db.transaction().execute(async (trx) => {
    const link = await redeemMagicLinkToken(trx, now, businessId, token);
    if (!link) return undefined;
    const session = await startSession(trx, now, { ...link, kind });
    await recordAudit(trx, { ...ctx, businessId, actor: `client:${link.contactId}` }, {
      action: 'client.signed_in',
      entityType: 'client',
      entityId: link.clientId,
      details: { via: link.purpose, kind },
    });
    return { ...session, invoiceId: link.invoiceId, ticketId: link.ticketId, estimateId: link.estimateId };
  });
  if (started) return started;
  const state = await inspectMagicLinkToken(ctx, businessId, token);
  throw state === 'expired'
    ? new PorticoError('link_expired', 'This sign-in link has expired. Ask for a new one below.')
    : new PorticoError('link_invalid', 'This sign-in link has already been used or is not valid. Ask for a new one below.');
}
