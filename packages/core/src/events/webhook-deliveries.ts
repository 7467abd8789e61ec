import type { Selectable } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import type { BusinessContext, Executor } from '../context.js';
import { dateOrNull, int } from '../db/row-values.js';
import type { WebhookAttemptTable, WebhookDeliveryTable } from '../db/schema.js';
import { PorticoError } from '../shared/errors.js';
import { newOrderedId } from '../shared/ids.js';
import { requireEndpointRow } from './webhook-endpoints.js';

export type WebhookDeliveryStatus = WebhookDeliveryTable['status'];
const statuses: readonly WebhookDeliveryStatus[] = ['pending', 'sending', 'succeeded', 'failed'];

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  /** `pending` (waiting for its next attempt), `sending`, `succeeded` (a 2xx answer) or `failed` (out of attempts). */
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  /** The last answer's HTTP status, if any. */
  responseStatus: number | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface WebhookAttempt {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  responseStatus: number | null;
  /** The start of the answer's body. */
  responseBody: string | null;
  error: string | null;
}

export interface WebhookDeliveryDetail extends WebhookDelivery {
  /** Oldest first. */
  attemptLog: WebhookAttempt[];
}

export interface DeliveryListOptions {
  endpointId?: string;
  eventId?: string;
  status?: WebhookDeliveryStatus;
  /** 1 to 200 (default 50). */
  limit?: number;
  /** Only deliveries made before this one (the last id of the page before), for paging back. */
  before?: string;
}

/** The business's webhook deliveries, newest first. */
export async function listWebhookDeliveries(ctx: BusinessContext, options: DeliveryListOptions = {}): Promise<WebhookDelivery[]> {
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new PorticoError('invalid_input', 'limit must be a whole number from 1 to 200.', { field: 'limit' });
  if (options.status !== undefined && !statuses.includes(options.status)) {
    throw new PorticoError('invalid_input', `status must be one of ${statuses.join(', ')}.`, { field: 'status' });
  }
  let query = ctx.db.selectFrom('webhook_deliveries').selectAll().where('business_id', '=', ctx.businessId);
  if (options.endpointId !== undefined) query = query.where('endpoint_id', '=', String(options.endpointId));
  if (options.eventId !== undefined) query = query.where('event_id', '=', String(options.eventId));
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.before !== undefined) query = query.where('id', '<', String(options.before));
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toWebhookDelivery);
}

/** One delivery with every attempt's answer. */
export async function getWebhookDelivery(ctx: BusinessContext, deliveryId: string): Promise<WebhookDeliveryDetail> {
  const row = await requireDeliveryRow(ctx, deliveryId);
  const attempts = await ctx.db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('delivery_id', '=', row.id)
    .orderBy('attempt')
    .execute();
  return { ...toWebhookDelivery(row), attemptLog: attempts.map(toWebhookAttempt) };
}

/**
 * Sends a delivery's event to its endpoint again, as a new delivery due now
 * (with the same event id, so a receiver that saw it drops the repeat). The
 * old one keeps its history. A disabled endpoint is refused.
 */
export async function redeliverWebhook(ctx: BusinessContext, deliveryId: string): Promise<WebhookDelivery> {
  const id = newOrderedId('whd');
  await ctx.db.transaction().execute(async (trx) => {
    const original = await requireDeliveryRow(ctx, deliveryId, trx);
    const endpoint = await requireEndpointRow(trx, ctx.businessId, original.endpoint_id);
    if (endpoint.enabled !== 1) throw new PorticoError('invalid_status_transition', 'The endpoint is disabled; enable it before redelivering.', { field: 'deliveryId' });
    const now = ctx.clock.now().getTime();
    await trx
      .insertInto('webhook_deliveries')
      .values({ id, business_id: ctx.businessId, endpoint_id: original.endpoint_id, event_id: original.event_id, status: 'pending', next_attempt_at: now, created_at: now })
      .execute();
    await recordAudit(trx, ctx, { action: 'webhook.redelivered', entityType: 'webhook_endpoint', entityId: original.endpoint_id, details: { deliveryId: original.id, newDeliveryId: id, eventId: original.event_id } });
  });
  return toWebhookDelivery(await requireDeliveryRow(ctx, id));
}

async function requireDeliveryRow(ctx: BusinessContext, deliveryId: unknown, executor: Executor = ctx.db) {
  const row =
    typeof deliveryId === 'string'
      ? await executor.selectFrom('webhook_deliveries').selectAll().where('business_id', '=', ctx.businessId).where('id', '=', deliveryId).executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('webhook_delivery_not_found', 'No such webhook delivery in this business.', { field: 'deliveryId' });
  return row;
}

function toWebhookDelivery(row: Selectable<WebhookDeliveryTable>): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? dateOrNull(row.next_attempt_at) : null,
    lastError: row.last_error,
    responseStatus: row.response_status,
    deliveredAt: dateOrNull(row.delivered_at),
    createdAt: new Date(int(row.created_at)),
  };
}

function toWebhookAttempt(row: Selectable<WebhookAttemptTable>): WebhookAttempt {
  return {
    attempt: row.attempt,
    startedAt: new Date(int(row.started_at)),
    durationMs: row.duration_ms,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    error: row.error,
  };
}
