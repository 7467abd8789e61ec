import { recordAudit } from '../audit/audit-log.js';
import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import { signInLinkUrl } from '../businesses/portal-page.js';
import { clientRecipients } from '../clients/contacts.js';
import { enqueueEmail } from '../email/outbox.js';
import { deferredSignInLink, SIGN_IN_TOKEN_PLACEHOLDER } from './email-sign-in-link.js';
import { renderSignInEmail } from '../email/templates/index.js';
import type { BusinessContext, CoreContext } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import type { Locale } from '../shared/locales.js';
import { normalizeEmail, requireEmail } from '../shared/validate.js';
import {
  SIGN_IN_LINK_TTL_MS,
  inspectMagicLinkToken,
  redeemMagicLinkToken,
  type MagicLinkState,
} from './magic-links.js';
import { startSession, type SessionKind, type StartedSession } from './sessions.js';

/**
 * "Email me a link": sends a 10-minute link to every contact of the business
 * with this address. Callers answer the same whether or not one was found.
 */
export async function requestSignInLink(ctx: CoreContext, businessId: string, email: string): Promise<{ emailsQueued: number }> {
  const address = requireEmail(email, 'email');
  const business = toBusiness(await requireBusinessRow(ctx.db, businessId));
  const scoped: BusinessContext = { ...ctx, businessId, actor: 'system:sign-in' };
  return ctx.db.transaction().execute(async (trx) => {
    const contacts = await trx
      .selectFrom('contacts')
      .innerJoin('clients', 'clients.id', 'contacts.client_id')
      .select(['contacts.id', 'contacts.name', 'contacts.email', 'contacts.client_id', 'clients.locale'])
      .where('contacts.business_id', '=', businessId)
      .where('clients.business_id', '=', businessId)
      .where('clients.archived', '=', 0)
      .where('contacts.email_normalized', '=', normalizeEmail(address))
      .execute();
    for (const contact of contacts) {
      const message = renderSignInEmail({
        business,
        contactName: contact.name,
        link: signInLinkUrl(business, SIGN_IN_TOKEN_PLACEHOLDER),
        expiresInMinutes: SIGN_IN_LINK_TTL_MS / 60_000,
        locale: (contact.locale as Locale | null) ?? business.locale,
      });
      const link = { clientId: contact.client_id, contactId: contact.id, purpose: 'sign_in', invoiceId: null, ttlMs: SIGN_IN_LINK_TTL_MS } as const;
      await enqueueEmail(trx, scoped, { kind: 'sign_in_link', to: contact.email, ...message }, deferredSignInLink(link, message));
    }
    return { emailsQueued: contacts.length };
  });
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
