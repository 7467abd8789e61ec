import type { CoreContext } from '../../context.js';
import { inboundDomain, replyTokenFromAddress, ticketIdInReplyToken, verifyReplyToken } from '../index.js';

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
  const tokenTicket = token === undefined ? undefined : ticketIdInReplyToken(token);
  if (token !== undefined && tokenTicket !== undefined) {
    const ticket = await ctx.db.selectFrom('tickets').select('business_id').where('id', '=', tokenTicket).executeTakeFirst();
    if (ticket && (await verifyReplyToken(ctx.db, ticket.business_id, token))) return ticket.business_id;
  }
  const atDomain = await businessesWithInboundDomain(ctx, domain);
  return atDomain.length === 1 ? atDomain[0]! : null;
}

/**
 * Businesses whose inbound domain is exactly `domain` (an equality on the
 * indexed `businesses.inbound_domain`, kept in step with the settings); two
 * at most, which is enough to tell one from several.
 */
async function businessesWithInboundDomain(ctx: CoreContext, domain: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('businesses').select('id').where('inbound_domain', '=', domain).limit(2).execute();
  return rows.map((row) => row.id);
}
