import type { BusinessContext, CoreContext, Executor } from '../context.js';
import { int, parseJson } from '../db/row-values.js';
import type { Selectable } from 'kysely';
import type { EventTable } from '../db/schema.js';
import { PorticoError } from '../shared/errors.js';
import { newOrderedId } from '../shared/ids.js';
import { EVENT_TYPES, isEventType, PAYLOAD_VERSIONS, type EventType } from './event-types.js';

/** One event as the API, webhooks and in-process hooks give it: the body of every webhook. */
export interface PorticoEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  businessId: string;
  /** When the change happened (ISO 8601, UTC). */
  occurredAt: string;
  /** The version of `data`'s shape for this type. */
  version: number;
  data: Record<string, unknown>;
}

/**
 * Records an event; call it inside the transaction that made the change, so
 * the change and its event commit or roll back together. Each webhook
 * endpoint of the business that wants the type gets a delivery, and the
 * in-process hooks a run, in that same transaction. With `onceKey`, an event
 * already recorded under that key is not recorded again (returns null).
 */
export async function recordEvent(
  executor: Executor,
  ctx: Pick<BusinessContext, 'businessId' | 'clock'>,
  type: EventType,
  data: Record<string, unknown>,
  options: { onceKey?: string } = {},
): Promise<string | null> {
  const id = newOrderedId('evt');
  const now = ctx.clock.now().getTime();
  const inserted = await executor
    .insertInto('events')
    .values({
      id,
      business_id: ctx.businessId,
      type,
      payload_version: PAYLOAD_VERSIONS[type],
      data: JSON.stringify(data),
      occurred_at: now,
      once_key: options.onceKey ?? null,
    })
    .onConflict((conflict) => conflict.column('once_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await executor
    .insertInto('event_hook_runs')
    .values({ id, business_id: ctx.businessId, type, status: 'pending', next_attempt_at: now })
    .execute();
  const endpoints = await executor
    .selectFrom('webhook_endpoints')
    .select(['id', 'event_types'])
    .where('business_id', '=', ctx.businessId)
    .where('enabled', '=', 1)
    .execute();
  const wanting = endpoints.filter((endpoint) => wantsType(parseJson<string[]>(endpoint.event_types, []), type));
  if (wanting.length > 0) {
    await executor
      .insertInto('webhook_deliveries')
      .values(
        wanting.map((endpoint) => ({
          id: newOrderedId('whd'),
          business_id: ctx.businessId,
          endpoint_id: endpoint.id,
          event_id: id,
          status: 'pending' as const,
          next_attempt_at: now,
          created_at: now,
        })),
      )
      .execute();
  }
  return id;
}

export function wantsType(wanted: readonly string[], type: string): boolean {
  return wanted.includes('*') || wanted.includes(type);
}

export function toPorticoEvent(row: Selectable<EventTable>): PorticoEvent {
  return {
    id: row.id,
    type: row.type as EventType,
    businessId: row.business_id,
    occurredAt: new Date(int(row.occurred_at)).toISOString(),
    version: row.payload_version,
    data: parseJson<Record<string, unknown>>(row.data, {}),
  };
}

export interface EventListOptions {
  /** One type or several (default all). */
  type?: EventType | readonly EventType[];
  /** Events at or after this instant. */
  from?: Date;
  /** Events before this instant. */
  to?: Date;
  /** The `nextCursor` of the page before. */
  cursor?: string;
  /** 1 to 200 (default 50). */
  limit?: number;
}

export interface EventPage {
  /** Oldest first: a host catching up after an outage reads forward. */
  events: PorticoEvent[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/** The business's events by type and time, oldest first, paged by cursor. */
export async function listEvents(ctx: BusinessContext, options: EventListOptions = {}): Promise<EventPage> {
  const types = options.type === undefined ? undefined : [options.type].flat();
  for (const type of types ?? []) {
    if (!isEventType(type)) throw new PorticoError('invalid_input', `type must be one of ${EVENT_TYPES.join(', ')}.`, { field: 'type' });
  }
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new PorticoError('invalid_input', 'limit must be a whole number from 1 to 200.', { field: 'limit' });
  const from = optionalInstant(options.from, 'from');
  const to = optionalInstant(options.to, 'to');
  const after = options.cursor === undefined ? undefined : decodeEventCursor(options.cursor);

  let query = ctx.db.selectFrom('events').selectAll().where('business_id', '=', ctx.businessId);
  if (types && types.length > 0) query = query.where('type', 'in', types);
  if (from !== undefined) query = query.where('occurred_at', '>=', from);
  if (to !== undefined) query = query.where('occurred_at', '<', to);
  if (after) {
    query = query.where((eb) => eb.or([eb('occurred_at', '>', after.at), eb.and([eb('occurred_at', '=', after.at), eb('id', '>', after.id)])]));
  }
  const rows = await query.orderBy('occurred_at').orderBy('id').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(toPorticoEvent),
    nextCursor: rows.length > limit && last ? encodeEventCursor(int(last.occurred_at), last.id) : null,
  };
}

/** One event of the business; another business's is `event_not_found`. */
export async function getEvent(ctx: BusinessContext, eventId: string): Promise<PorticoEvent> {
  const row =
    typeof eventId === 'string'
      ? await ctx.db.selectFrom('events').selectAll().where('business_id', '=', ctx.businessId).where('id', '=', eventId).executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('event_not_found', 'No such event in this business.', { field: 'eventId' });
  return toPorticoEvent(row);
}

/** Deletes events older than `retentionMs` (default 30 days), with their deliveries, attempts and hook runs. */
export async function purgeOldEvents(ctx: CoreContext, retentionMs = 30 * 86_400_000): Promise<number> {
  const cutoff = ctx.clock.now().getTime() - retentionMs;
  const oldEvents = ctx.db.selectFrom('events').select('id').where('occurred_at', '<', cutoff);
  const oldDeliveries = ctx.db.selectFrom('webhook_deliveries').select('id').where('event_id', 'in', oldEvents);
  await ctx.db.deleteFrom('webhook_attempts').where('delivery_id', 'in', oldDeliveries).execute();
  await ctx.db.deleteFrom('webhook_deliveries').where('event_id', 'in', oldEvents).execute();
  await ctx.db.deleteFrom('event_hook_runs').where('id', 'in', oldEvents).execute();
  const result = await ctx.db.deleteFrom('events').where('occurred_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function optionalInstant(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new PorticoError('invalid_input', `${field} must be a valid Date.`, { field });
  return value.getTime();
}

function encodeEventCursor(at: number, id: string): string {
  return Buffer.from(JSON.stringify({ v: 1, t: at, i: id }), 'utf8').toString('base64url');
}

function decodeEventCursor(value: unknown): { at: number; id: string } {
  const refused = new PorticoError('invalid_input', 'cursor is not one this list handed out.', { field: 'cursor' });
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) throw refused;
  const body = parseJson<Record<string, unknown> | null>(Buffer.from(value, 'base64url').toString('utf8'), null);
  if (!body || body.v !== 1 || !Number.isSafeInteger(body.t) || typeof body.i !== 'string' || !/^evt_[0-9a-f]+$/.test(body.i)) throw refused;
  return { at: body.t as number, id: body.i };
}
