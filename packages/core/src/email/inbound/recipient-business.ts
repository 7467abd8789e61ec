import { sql } from 'kysely';
import type { CoreContext } from '../../shared/context.js';
import { toBusiness } from '../../businesses/businesses.js';
import { base32Decode } from '../../tickets/base32.js';
import { ID_BYTES, idFromBytes } from '../../tickets/id-bytes.js';
import { REPLY_TOKEN_LENGTH, inboundDomain, replyTokenFromAddress, verifyReplyToken } from '../../tickets/index.js';

/**
 * The business an SMTP recipient belongs to, or null to refuse it at RCPT TO:
 * - a reply address (`reply+<token>@...`) belongs to the business of the
 *   ticket its token names, if the token's signature holds there (a business
 *   that changed its inbound domain still gets replies to old emails);
 * - any other address at a business's inbound domain is that business's
 *   (mail to support@ its domain opens tickets for known clients), unless
 *   several businesses share the domain: then only reply addresses are taken.
 */
export async function findBusinessForRecipient(ctx: CoreContext, recipient: string): Promise<string | null> {
  if (typeof recipient !== 'string' || recipient.length > 320) return null;
  const address = recipient.trim().replace(/^<|>$/g, '').toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!address.includes('@') || inboundDomain({ settings: { inboundDomain: domain } }) !== domain) return null;

  const token = replyTokenFromAddress(address);
  const tokenTicket = token === undefined ? undefined : ticketIdInToken(token);
  if (token !== undefined && tokenTicket !== undefined) {
    const ticket = await ctx.db.selectFrom('tickets').select('business_id').where('id', '=', tokenTicket).executeTakeFirst();
    if (ticket && (await verifyReplyToken(ctx.db, ticket.business_id, token))) return ticket.business_id;
  }
  const atDomain = await businessesWithInboundDomain(ctx, domain);
  return atDomain.length === 1 ? atDomain[0]! : null;
}

/**
 * Businesses whose `settings.inboundDomain` is `domain`. Settings are JSON
 * text; a LIKE on the text narrows the rows on either engine, and the
 * setting itself, read as the tickets read it, decides.
 */
async function businessesWithInboundDomain(ctx: CoreContext, domain: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('businesses')
    .selectAll()
    .where(sql<string>`lower(settings)`, 'like', `%${domain}%`)
    .execute();
  return rows.filter((row) => inboundDomain(toBusiness(row)) === domain).map((row) => row.id);
}

/**
 * The ticket id a reply token names, before its signature is checked (the
 * key to check it with is the ticket's business's). Token layout, from
 * tickets/reply-token.ts: version (1 byte) | ticket id (12) | contact id (12) | HMAC.
 */
function ticketIdInToken(token: string): string | undefined {
  if (token.length !== REPLY_TOKEN_LENGTH) return undefined;
  const bytes = base32Decode(token);
  return bytes && bytes.length > 1 + ID_BYTES ? idFromBytes('tkt', bytes.subarray(1, 1 + ID_BYTES)) : undefined;
}
