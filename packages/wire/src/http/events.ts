/** `/admin/events` and `/admin/webhooks`: the business's event log and where its events are delivered (docs/events.md). */

/** One event, as listed and as every webhook's body. */
export interface EventWire {
  /** `evt_...`: also the webhook's `webhook-id`, the same on every retry and redelivery. */
  id: string;
  /** `invoice.paid`, `ticket.replied`, ... */
  type: string;
  businessId: string;
  /** ISO 8601, UTC. */
  occurredAt: string;
  /** The version of `data`'s shape for this type. */
  version: number;
  data: Record<string, unknown>;
}

/** `GET /admin/events?type=&from=&to=&cursor=&limit=`: oldest first. */
export interface AdminEventListResponse {
  events: EventWire[];
  nextCursor: string | null;
}

export interface WebhookEndpointWire {
  id: string;
  url: string;
  description: string | null;
  /** Event types, or `['*']` for all. */
  eventTypes: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `POST /admin/webhooks` and `POST /admin/webhooks/:id/rotate-secret`: the only answers that carry the secret. */
export interface WebhookEndpointWithSecretWire extends WebhookEndpointWire {
  /** `whsec_...`, for the receiver's Standard Webhooks verifier. */
  secret: string;
}

/** `POST /admin/webhooks` body; `PATCH /admin/webhooks/:id` takes any of its fields. */
export interface WebhookEndpointRequest {
  url: string;
  eventTypes: string[];
  description?: string | null;
  enabled?: boolean;
}

export interface AdminWebhookEndpointListResponse {
  endpoints: WebhookEndpointWire[];
}

export interface WebhookDeliveryWire {
  id: string;
  endpointId: string;
  eventId: string;
  status: 'pending' | 'sending' | 'succeeded' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  responseStatus: number | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookAttemptWire {
  attempt: number;
  startedAt: string;
  durationMs: number;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

/** `GET /admin/webhooks/deliveries?endpointId=&eventId=&status=&limit=&before=`: newest first. */
export interface AdminWebhookDeliveryListResponse {
  deliveries: WebhookDeliveryWire[];
}

/** `GET /admin/webhooks/deliveries/:id`. */
export interface WebhookDeliveryDetailWire extends WebhookDeliveryWire {
  attemptLog: WebhookAttemptWire[];
}
