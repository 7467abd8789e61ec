import type { Business } from '../businesses/businesses.js';
import type { MagicLinkTokenTable } from '../db/schema.js';
import { int } from '../db/row-values.js';
import type { CoreContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { linkTokenCheckPasses, generateLinkToken } from './link-tokens.js';
import { hashSecretToken } from './secret-tokens.js';

export type MagicLinkPurpose = MagicLinkTokenTable['purpose'];

/** A link a client asks for themselves lasts 10 minutes. */
export const SIGN_IN_LINK_TTL_MS = 10 * 60_000;
/** A link inside a business's invoice or ticket email lasts 7 days unless the business says otherwise. */
export const INVOICE_LINK_TTL_MS = 7 * 86_400_000;

/**
 * How long the links in a business's invoice and ticket emails last: its
 * `settings.invoiceLinkTtlDays` (1 to 90 days) if set, else 7 days.
 */
export function emailLinkTtlMs(business: Pick<Business, 'settings'>): number {
  const days = business.settings['invoiceLinkTtlDays'];
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 90 ? days * 86_400_000 : INVOICE_LINK_TTL_MS;
}

/** What a link opens after sign-in: the invoice, ticket or estimate its email was about, or none; never two. */
export interface MagicLinkTarget {
  invoiceId?: string | null;
  ticketId?: string | null;
  estimateId?: string | null;
}

export function requireSingleLinkTarget(target: MagicLinkTarget): void {
  if ([target.invoiceId, target.ticketId, target.estimateId].filter(Boolean).length > 1) {
    throw new PorticoError('invalid_input', 'A sign-in link opens one invoice, one ticket or one estimate, not several.', {
      field: target.estimateId ? 'estimateId' : 'ticketId',
    });
  }
}

export interface IssuedMagicLink {
  /** The raw token: goes into the email and nowhere else. */
  token: string;
  expiresAt: Date;
}

/**
 * Stores a new single-use token for one contact. Other tokens are left alone,
 * so sending again never breaks a link another contact already has.
 */
export async function issueMagicLinkToken(
  executor: Executor,
  now: Date,
  link: { businessId: string; clientId: string; contactId: string; purpose: MagicLinkPurpose; ttlMs: number } & MagicLinkTarget,
): Promise<IssuedMagicLink> {
  requireSingleLinkTarget(link);
  const token = await generateLinkToken(executor, link.businessId);
  const expiresAt = new Date(now.getTime() + link.ttlMs);
  await executor
    .insertInto('magic_link_tokens')
    .values({
      token_hash: hashSecretToken(token),
      business_id: link.businessId,
      client_id: link.clientId,
      contact_id: link.contactId,
      purpose: link.purpose,
      invoice_id: link.invoiceId ?? null,
      ticket_id: link.ticketId ?? null,
      estimate_id: link.estimateId ?? null,
      expires_at: expiresAt.getTime(),
      created_at: now.getTime(),
    })
    .execute();
  return { token, expiresAt };
}

export type MagicLinkState = 'valid' | 'expired' | 'invalid';

/**
 * What the landing page needs to know about a token, consuming nothing: mail
 * scanners open every link, so only the POST from the page may redeem. A used
 * token is gone, so it reads as `invalid`, the same as one that never existed.
 */
export async function inspectMagicLinkToken(ctx: CoreContext, businessId: string, token: string): Promise<MagicLinkState> {
  if (!(await linkTokenCheckPasses(ctx.db, businessId, token))) return 'invalid';
  const row = await ctx.db
    .selectFrom('magic_link_tokens')
    .select('expires_at')
    .where('token_hash', '=', hashSecretToken(token))
    .where('business_id', '=', businessId)
    .executeTakeFirst();
  if (!row) return 'invalid';
  return int(row.expires_at) > ctx.clock.now().getTime() ? 'valid' : 'expired';
}

export interface RedeemedMagicLink {
  businessId: string;
  clientId: string;
  contactId: string;
  purpose: MagicLinkPurpose;
  invoiceId: string | null;
  ticketId: string | null;
  estimateId: string | null;
}

/**
 * Spends a token. One atomic `DELETE ... RETURNING` guarded by business and
 * expiry: of any number of concurrent redemptions exactly one gets the row.
 */
export async function redeemMagicLinkToken(
  executor: Executor,
  now: Date,
  businessId: string,
  token: string,
): Promise<RedeemedMagicLink | undefined> {
  if (!(await linkTokenCheckPasses(executor, businessId, token))) return undefined;
  const row = await executor
    .deleteFrom('magic_link_tokens')
    .where('token_hash', '=', hashSecretToken(token))
    .where('business_id', '=', businessId)
    .where('expires_at', '>', now.getTime())
    .returning(['business_id', 'client_id', 'contact_id', 'purpose', 'invoice_id', 'ticket_id', 'estimate_id'])
    .executeTakeFirst();
  return (
    row && {
      businessId: row.business_id,
      clientId: row.client_id,
      contactId: row.contact_id,
      purpose: row.purpose,
      invoiceId: row.invoice_id,
      ticketId: row.ticket_id,
      estimateId: row.estimate_id,
    }
  );
}

/** Deletes tokens that expired more than a day ago (kept that long so the page can say "expired"). */
export async function purgeExpiredMagicLinkTokens(ctx: CoreContext): Promise<number> {
  const result = await ctx.db
    .deleteFrom('magic_link_tokens')
    .where('expires_at', '<', ctx.clock.now().getTime() - 86_400_000)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
