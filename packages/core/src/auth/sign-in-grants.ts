import { recordAudit } from '../audit/audit-log.js';
import { requireContactRow } from '../clients/contacts.js';
import type { BusinessContext } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { issueMagicLinkToken } from './magic-links.js';

/** A grant is handed to the page at once: two minutes is plenty, ten the most a host may ask for. */
export const SIGN_IN_GRANT_TTL_MS = 2 * 60_000;
const MAX_GRANT_TTL_SECONDS = 600;
const MIN_GRANT_TTL_SECONDS = 10;

export interface SignInGrantOptions {
  /** How long the grant may wait to be exchanged, in seconds: 10 to 600 (default 120). */
  ttlSeconds?: number;
}

export interface SignInGrant {
  /** Single use; give it to the portal (`<portico-portal grant="…">`) and nowhere else: not in a URL, not in a log. */
  grant: string;
  expiresAt: Date;
  clientId: string;
  contactId: string;
}

/**
 * A host whose user is already signed in to its own app makes that user a
 * client's session without an email: this issues a short-lived, single-use
 * grant for one contact of the business, which the widget trades for a
 * session (`POST /auth/sessions/:business`, as an emailed link's token, so
 * it is hashed at rest, checked by the business's key before any lookup and
 * spent by exactly one of any number of concurrent exchanges). Another
 * business's contact is `contact_not_found`; an archived client gets none.
 */
export async function issueSignInGrant(ctx: BusinessContext, contactId: string, options: SignInGrantOptions = {}): Promise<SignInGrant> {
  const ttlMs = grantTtlMs(options?.ttlSeconds);
  return ctx.db.transaction().execute(async (trx) => {
    const contact = await requireContactRow(trx, ctx.businessId, contactId);
    const client = await trx
      .selectFrom('clients')
      .select('archived')
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', contact.client_id)
      .executeTakeFirstOrThrow();
    if (client.archived === 1) throw new PorticoError('invalid_input', 'This contact’s client is archived: it cannot sign in.', { field: 'contactId' });
    const issued = await issueMagicLinkToken(trx, ctx.clock.now(), {
      businessId: ctx.businessId,
      clientId: contact.client_id,
      contactId: contact.id,
      purpose: 'host_grant',
      ttlMs,
    });
    await recordAudit(trx, ctx, {
      action: 'client.sign_in_granted',
      entityType: 'client',
      entityId: contact.client_id,
      details: { contactId: contact.id, expiresAt: issued.expiresAt.toISOString() },
    });
    return { grant: issued.token, expiresAt: issued.expiresAt, clientId: contact.client_id, contactId: contact.id };
  });
}

function grantTtlMs(ttlSeconds: unknown): number {
  if (ttlSeconds === undefined) return SIGN_IN_GRANT_TTL_MS;
  if (typeof ttlSeconds !== 'number' || !Number.isInteger(ttlSeconds) || ttlSeconds < MIN_GRANT_TTL_SECONDS || ttlSeconds > MAX_GRANT_TTL_SECONDS) {
    throw new PorticoError('invalid_input', `ttlSeconds must be a whole number of seconds from ${MIN_GRANT_TTL_SECONDS} to ${MAX_GRANT_TTL_SECONDS}.`, { field: 'ttlSeconds' });
  }
  return ttlSeconds * 1000;
}
