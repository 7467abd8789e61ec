import type { Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { base32Decode, base32Encode } from './base32.js';
import { ID_BYTES, idFromBytes, idToBytes } from './id-bytes.js';
import { MAC_BYTES, existingBusinessSigningKey, mac, macMatches, businessSigningKey } from '../businesses/signing-key.js';

/**
 * The token in `Reply-To: reply+<token>@<inbound domain>`: which ticket, for
 * which contact, signed. Lower-case base32 so a mail system that lower-cases
 * the local part does not break it; 56 characters, so `reply+<token>` stays
 * within the 64 an address's local part may have.
 *
 * Layout: version (1 byte) | ticket id (12) | contact id (12) | HMAC (10).
 */
const VERSION = 1;
const PURPOSE = 'portico-reply-token';
const TOKEN_BYTES = 1 + 2 * ID_BYTES + MAC_BYTES;
export const REPLY_TOKEN_LENGTH = Math.ceil((TOKEN_BYTES * 8) / 5);
const ADDRESS_PREFIX = 'reply+';

export interface ReplyTokenSubject {
  ticketId: string;
  contactId: string;
}

export interface VerifiedReplyToken extends ReplyTokenSubject {
  /** The ticket's client, whom the contact belongs to. */
  clientId: string;
}

/** Signs a token with a key: the pure half of `createReplyToken`. */
export function signReplyToken(key: Uint8Array, businessId: string, subject: ReplyTokenSubject): string {
  const ticket = idToBytes(subject.ticketId, 'tkt');
  const contact = idToBytes(subject.contactId, 'con');
  if (!ticket || !contact) {
    throw new PorticoError('invalid_input', 'A reply token needs a ticket id and a contact id made by Portico.');
  }
  const payload = Buffer.concat([Buffer.of(VERSION), ticket, contact]);
  return base32Encode(Buffer.concat([payload, mac(key, PURPOSE, businessId, payload)]));
}

/** What a token names if its signature holds under this key and business; undefined for anything else. */
export function readReplyToken(key: Uint8Array, businessId: string, token: string): ReplyTokenSubject | undefined {
  if (typeof token !== 'string' || token.length !== REPLY_TOKEN_LENGTH) return undefined;
  const bytes = base32Decode(token);
  if (!bytes || bytes.length !== TOKEN_BYTES || bytes[0] !== VERSION) return undefined;
  const payload = bytes.subarray(0, TOKEN_BYTES - MAC_BYTES);
  if (!macMatches(mac(key, PURPOSE, businessId, payload), bytes.subarray(TOKEN_BYTES - MAC_BYTES))) return undefined;
  return {
    ticketId: idFromBytes('tkt', payload.subarray(1, 1 + ID_BYTES)),
    contactId: idFromBytes('con', payload.subarray(1 + ID_BYTES)),
  };
}

/**
 * The ticket id a token claims, before any signature check: to find the
 * business whose key checks it (an SMTP recipient names no business). Never
 * trust it without `verifyReplyToken`.
 */
export function ticketIdInReplyToken(token: string): string | undefined {
  if (typeof token !== 'string' || token.length !== REPLY_TOKEN_LENGTH) return undefined;
  const bytes = base32Decode(token);
  return bytes && bytes.length === TOKEN_BYTES && bytes[0] === VERSION ? idFromBytes('tkt', bytes.subarray(1, 1 + ID_BYTES)) : undefined;
}

/** A token for this ticket and recipient, signed with the business's key (made on first use). */
export async function createReplyToken(executor: Executor, businessId: string, subject: ReplyTokenSubject): Promise<string> {
  return signReplyToken(await businessSigningKey(executor, businessId), businessId, subject);
}

/**
 * The ticket and contact a token names, if it was signed by this business and
 * both still exist there, the contact at the ticket's client. Undefined for a
 * tampered or foreign token or unknown ids, never an error: mail is untrusted.
 */
export async function verifyReplyToken(executor: Executor, businessId: string, token: string): Promise<VerifiedReplyToken | undefined> {
  const key = await existingBusinessSigningKey(executor, businessId);
  const subject = key && readReplyToken(key, businessId, token);
  if (!subject) return undefined;
  const row = await executor
    .selectFrom('tickets')
    .innerJoin('contacts', (join) =>
      join.onRef('contacts.client_id', '=', 'tickets.client_id').onRef('contacts.business_id', '=', 'tickets.business_id'),
    )
    .select('tickets.client_id')
    .where('tickets.business_id', '=', businessId)
    .where('tickets.id', '=', subject.ticketId)
    .where('contacts.id', '=', subject.contactId)
    .executeTakeFirst();
  return row ? { ...subject, clientId: row.client_id } : undefined;
}

/** `reply+<token>@<domain>`. */
export function replyAddress(token: string, domain: string): string {
  return `${ADDRESS_PREFIX}${token}@${domain}`;
}

/**
 * The token in a recipient address (`reply+<token>@domain`, any case, with or
 * without a display name or angle brackets), or undefined when it has none.
 * Says nothing about validity: pass the result to `verifyReplyToken`.
 */
export function replyTokenFromAddress(address: string): string | undefined {
  if (typeof address !== 'string') return undefined;
  const match = /(?:^|[<\s"])reply\+([a-z2-7]+)@[^\s>]+>?\s*$/i.exec(address.trim());
  return match ? match[1]!.toLowerCase() : undefined;
}
