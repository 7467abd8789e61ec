/** Every event Portico records, in the order docs/events.md describes them. */
export const EVENT_TYPES = [
  'invoice.sent',
  'invoice.paid',
  'invoice.partially_paid',
  'invoice.overdue',
  'payment.refunded',
  'estimate.accepted',
  'estimate.declined',
  'ticket.created',
  'ticket.replied',
  'client.updated',
  'email.bounced',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The version of every type's `data` shape; a breaking change to one type's shape raises it for that type. */
export const PAYLOAD_VERSIONS: Record<EventType, number> = Object.fromEntries(EVENT_TYPES.map((type) => [type, 1])) as Record<EventType, number>;

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}
