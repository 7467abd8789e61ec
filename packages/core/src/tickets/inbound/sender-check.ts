import type { Executor } from '../../context.js';
import { normalizeEmail } from '../../shared/validate.js';
import type { InboundMatch } from './match-inbound.js';

export type HoldReason =
  /** Not a contact of any client of the business. */
  | 'unknown_sender'
  /** Answers a ticket, but is not a contact of its client (forwarded, or a forged reply). */
  | 'sender_not_participant'
  /** A contact of several clients, and the message answers no ticket: whose is it? */
  | 'ambiguous_sender'
  /** Nothing left once quoted history and signature are gone, and no file to keep. */
  | 'empty_message';

/** What a person reviewing held mail reads. */
export const holdReasonText: Record<HoldReason, string> = {
  unknown_sender: 'The sender is not a contact of any client.',
  sender_not_participant: "The sender is not a contact of the ticket's client: a forwarded message, or a forged reply.",
  ambiguous_sender: 'The sender is a contact of several clients, and the message answers no ticket.',
  empty_message: 'Nothing is left once the quoted history and signature are removed, and no attachment could be kept.',
};

export type SenderDecision =
  | { action: 'append'; ticketId: string; clientId: string; contactId: string }
  | { action: 'open'; clientId: string; contactId: string }
  | { action: 'hold'; reason: HoldReason; ticketId: string | null; clientId: string | null; contactId: string | null };

/**
 * Who may write where: a reply goes into its ticket only from a contact of the
 * ticket's client (the reply address's own recipient first), since a reply
 * address can be forwarded or guessed at; a message answering no ticket opens
 * one for the one client whose contact sent it. Everything else is held.
 */
export async function checkSender(
  trx: Executor,
  businessId: string,
  senderAddress: string | null,
  match: InboundMatch | undefined,
): Promise<SenderDecision> {
  const contacts = senderAddress === null ? [] : await contactsWithAddress(trx, businessId, senderAddress);
  if (match) {
    const atClient = contacts.filter((c) => c.client_id === match.clientId);
    const contact = atClient.find((c) => c.id === match.tokenContactId) ?? atClient[0];
    if (contact) return { action: 'append', ticketId: match.ticketId, clientId: match.clientId, contactId: contact.id };
    return { action: 'hold', reason: 'sender_not_participant', ticketId: match.ticketId, clientId: match.clientId, contactId: contacts[0]?.id ?? null };
  }
  const clients = new Set(contacts.map((c) => c.client_id));
  if (clients.size === 1) return { action: 'open', clientId: contacts[0]!.client_id, contactId: contacts[0]!.id };
  return { action: 'hold', reason: clients.size === 0 ? 'unknown_sender' : 'ambiguous_sender', ticketId: null, clientId: null, contactId: null };
}

export async function contactsWithAddress(trx: Executor, businessId: string, address: string) {
  return trx
    .selectFrom('contacts')
    .select(['id', 'client_id', 'name'])
    .where('business_id', '=', businessId)
    .where('email_normalized', '=', normalizeEmail(address))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
