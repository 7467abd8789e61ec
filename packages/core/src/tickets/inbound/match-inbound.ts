import type { Executor } from '../../context.js';
import { parseJson } from '../../db/row-values.js';
import { matchTicketMessageIds, replyTokenFromAddress, verifyReplyToken } from '../index.js';
import type { ParsedInbound } from '../../email/inbound/parse-inbound.js';

export interface InboundMatch {
  /** How the ticket was found, strongest first. */
  via: 'token' | 'message_id' | 'stored_id';
  ticketId: string;
  clientId: string;
  /** The contact the reply address was made for (token matches only). */
  tokenContactId: string | null;
}

/**
 * The ticket a message answers, if any: a signed reply token in any recipient
 * address; then one of our signed Message-IDs in In-Reply-To or References;
 * then an id we stored for a ticket (the Message-ID of an email already in
 * its thread, or a provider's id for an email we sent). Tokens and ids of
 * other businesses, tampered ones and ones naming deleted rows are passed
 * over. Says nothing about whether the sender may write to the ticket.
 */
export async function matchInbound(
  trx: Executor,
  businessId: string,
  mail: ParsedInbound,
  envelopeRecipients: readonly string[],
): Promise<InboundMatch | undefined> {
  for (const address of new Set([...envelopeRecipients.map((a) => a.toLowerCase()), ...mail.recipients])) {
    const token = replyTokenFromAddress(address);
    const verified = token === undefined ? undefined : await verifyReplyToken(trx, businessId, token);
    if (verified) return { via: 'token', ticketId: verified.ticketId, clientId: verified.clientId, tokenContactId: verified.contactId };
  }
  // The message answered first, then the thread from its newest message back.
  const threadIds = [...mail.inReplyTo, ...[...mail.references].reverse()];
  if (threadIds.length === 0) return undefined;
  const signed = await matchTicketMessageIds(trx, businessId, threadIds.map((id) => `<${id}>`));
  if (signed) return ticketMatch(trx, businessId, 'message_id', signed.ticketId);
  const stored = await ticketOfStoredId(trx, businessId, threadIds);
  return stored === undefined ? undefined : ticketMatch(trx, businessId, 'stored_id', stored);
}

async function ticketMatch(trx: Executor, businessId: string, via: InboundMatch['via'], ticketId: string): Promise<InboundMatch | undefined> {
  const ticket = await trx.selectFrom('tickets').select('client_id').where('business_id', '=', businessId).where('id', '=', ticketId).executeTakeFirst();
  return ticket && { via, ticketId, clientId: ticket.client_id, tokenContactId: null };
}

/** Ids looked up at most, so a References header of thousands of ids costs a bounded query. */
const MAX_STORED_IDS = 50;

async function ticketOfStoredId(trx: Executor, businessId: string, threadIds: readonly string[]): Promise<string | undefined> {
  const ids = [...new Set(threadIds)].slice(0, MAX_STORED_IDS);
  // An email already in a thread: its Message-ID is kept on its message.
  const message = await trx
    .selectFrom('ticket_messages')
    .select('ticket_id')
    .where('business_id', '=', businessId)
    .where('email_message_id', 'in', ids.map((id) => `<${id}>`))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (message) return message.ticket_id;
  // An email we sent whose provider gave it a Message-ID of its own (`<provider id@provider>`),
  // or echoes its id bare: the outbox row's own headers name the ticket.
  const providerIds = [...new Set(ids.flatMap((id) => [id, id.slice(0, id.lastIndexOf('@'))]).filter((id) => id !== ''))];
  const sent = await trx
    .selectFrom('outbox_emails')
    .select('headers')
    .where('business_id', '=', businessId)
    .where('provider_message_id', 'in', providerIds)
    .executeTakeFirst();
  if (!sent) return undefined;
  const headers = parseJson<Record<string, unknown>>(sent.headers, {});
  const ourIds = ['Message-ID', 'References', 'In-Reply-To'].flatMap((name) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return typeof value === 'string' ? (value.match(/<[^<>\s]+>/g) ?? []) : [];
  });
  return (await matchTicketMessageIds(trx, businessId, ourIds))?.ticketId;
}
