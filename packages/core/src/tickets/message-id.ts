import type { Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { base32Decode, base32Encode } from './base32.js';
import { ID_BYTES, ORDERED_ID_BYTES, idFromBytes, idToBytes, orderedIdFromBytes, orderedIdToBytes } from './id-bytes.js';
import { MAC_BYTES, existingBusinessSigningKey, mac, macMatches, businessSigningKey } from '../businesses/signing-key.js';

/**
 * Our own Message-IDs for ticket emails, signed, so that a reply whose client
 * dropped the Reply-To token can still be matched from In-Reply-To or
 * References without trusting anything else in it:
 *
 * - a message: `<portico-<base32(1 | ticket id | message id | HMAC)>@domain>`
 *   (message ids are ordered ids, 19 bytes);
 * - the thread: `<portico-<base32(2 | ticket id | HMAC)>@domain>`, first in
 *   every email's References so mail clients keep one conversation.
 *
 * The domain is not signed (a business may change its inbound domain; old
 * replies still match). Lower-case base32, since some systems fold case.
 */
const PURPOSE = 'portico-message-id';
const MESSAGE_KIND = 1;
const THREAD_KIND = 2;
const LOCAL_PREFIX = 'portico-';

export interface TicketMessageIdSubject {
  ticketId: string;
  /** The message's id; null for the thread's own id. */
  messageId: string | null;
}

/** Signs with a key: the pure half of `createTicketMessageId`. */
export function signTicketMessageId(key: Uint8Array, businessId: string, subject: TicketMessageIdSubject, domain: string): string {
  const ticket = idToBytes(subject.ticketId, 'tkt');
  const message = subject.messageId === null ? Buffer.alloc(0) : orderedIdToBytes(subject.messageId, 'msg');
  if (!ticket || !message) throw new PorticoError('invalid_input', 'A Message-ID needs a ticket id and a message id made by Portico.');
  const payload = Buffer.concat([Buffer.of(subject.messageId === null ? THREAD_KIND : MESSAGE_KIND), ticket, message]);
  return `<${LOCAL_PREFIX}${base32Encode(Buffer.concat([payload, mac(key, PURPOSE, businessId, payload)]))}@${domain}>`;
}

/** What a Message-ID names if it is one of ours, signed with this key for this business. */
export function readTicketMessageId(key: Uint8Array, businessId: string, value: string): TicketMessageIdSubject | undefined {
  const local = typeof value === 'string' ? /^\s*<?portico-([a-z2-7]{1,100})@[^\s<>@]+>?\s*$/i.exec(value)?.[1] : undefined;
  const bytes = local === undefined ? undefined : base32Decode(local);
  if (!bytes || bytes.length <= MAC_BYTES) return undefined;
  const payload = bytes.subarray(0, bytes.length - MAC_BYTES);
  const kind = payload[0];
  const expectedLength = kind === MESSAGE_KIND ? 1 + ID_BYTES + ORDERED_ID_BYTES : kind === THREAD_KIND ? 1 + ID_BYTES : -1;
  if (payload.length !== expectedLength) return undefined;
  if (!macMatches(mac(key, PURPOSE, businessId, payload), bytes.subarray(payload.length))) return undefined;
  return {
    ticketId: idFromBytes('tkt', payload.subarray(1, 1 + ID_BYTES)),
    messageId: kind === MESSAGE_KIND ? orderedIdFromBytes('msg', payload.subarray(1 + ID_BYTES)) : null,
  };
}

/** A signed Message-ID (with its angle brackets) for a message of a ticket, or for the thread when `messageId` is null. */
export async function createTicketMessageId(
  executor: Executor,
  businessId: string,
  subject: TicketMessageIdSubject,
  domain: string,
): Promise<string> {
  return signTicketMessageId(await businessSigningKey(executor, businessId), businessId, subject, domain);
}

/**
 * The ticket (and message) one Message-ID names, if it is ours, signed by this
 * business, and the ticket still exists there; undefined for anything else.
 */
export async function verifyTicketMessageId(
  executor: Executor,
  businessId: string,
  value: string,
): Promise<TicketMessageIdSubject | undefined> {
  return matchTicketMessageIds(executor, businessId, [value]);
}

/**
 * The first of several Message-IDs (In-Reply-To first, then References from
 * the newest) that is ours and names a ticket of this business. Foreign ids,
 * tampered ones and ids of another business are skipped.
 */
export async function matchTicketMessageIds(
  executor: Executor,
  businessId: string,
  values: readonly string[],
): Promise<TicketMessageIdSubject | undefined> {
  if (!Array.isArray(values) || values.length === 0) return undefined;
  const key = await existingBusinessSigningKey(executor, businessId);
  if (!key) return undefined;
  for (const value of values) {
    const subject = readTicketMessageId(key, businessId, value);
    if (!subject) continue;
    const ticket = await executor
      .selectFrom('tickets')
      .select('id')
      .where('business_id', '=', businessId)
      .where('id', '=', subject.ticketId)
      .executeTakeFirst();
    if (ticket) return subject;
  }
  return undefined;
}

/** The `<...>` ids in a References or In-Reply-To header value, in order. */
export function messageIdsIn(headerValue: string): string[] {
  return typeof headerValue === 'string' ? (headerValue.match(/<[^<>\s]+>/g) ?? []) : [];
}
