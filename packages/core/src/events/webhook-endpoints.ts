import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import type { BusinessContext, Executor } from '../context.js';
import { int, parseJson } from '../db/row-values.js';
import type { WebhookEndpointTable } from '../db/schema.js';
import { PorticoError } from '../shared/errors.js';
import { newOrderedId } from '../shared/ids.js';
import type { SecretBox } from '../shared/secret-box.js';
import { optionalText, requireBoolean } from '../shared/validate.js';
import { EVENT_TYPES, isEventType } from './event-types.js';
import { requireWebhookUrl, type WebhookUrlPolicy } from './webhook-urls.js';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  /** The event types delivered here; `['*']` is every type, including ones added later. */
  eventTypes: string[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Returned when an endpoint is made or its secret rotated: the only times the secret is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  /** `whsec_` and base64: give it to the receiver's Standard Webhooks verifier. */
  secret: string;
}

export interface WebhookEndpointInput {
  url: string;
  /** Event types (see docs/events.md), or `['*']` for all. */
  eventTypes: readonly string[];
  description?: string | null;
  enabled?: boolean;
}

export type WebhookEndpointUpdate = Partial<WebhookEndpointInput>;

/** What webhook endpoint calls need beyond the business context. */
export interface WebhookServices {
  secrets: SecretBox;
  urlPolicy: WebhookUrlPolicy;
}

const MAX_ENDPOINTS = 20;

export async function createWebhookEndpoint(ctx: BusinessContext, services: WebhookServices, input: WebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
  if (typeof input !== 'object' || input === null) throw new PorticoError('invalid_input', 'A webhook endpoint needs a url and eventTypes.');
  const url = requireWebhookUrl(input.url, services.urlPolicy);
  const eventTypes = requireEventTypes(input.eventTypes);
  const description = optionalText(input.description, 'description', { max: 500 });
  const enabled = input.enabled === undefined ? true : requireBoolean(input.enabled, 'enabled');
  const secret = newWebhookSecret();
  const now = ctx.clock.now().getTime();
  // Ordered, so endpoints made in the same instant list in the order they were made.
  const id = newOrderedId('whe');
  await ctx.db.transaction().execute(async (trx) => {
    const { count } = await trx
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('business_id', '=', ctx.businessId)
      .executeTakeFirstOrThrow();
    if (int(count) >= MAX_ENDPOINTS) throw new PorticoError('invalid_input', `A business has at most ${MAX_ENDPOINTS} webhook endpoints.`);
    await trx
      .insertInto('webhook_endpoints')
      .values({
        id,
        business_id: ctx.businessId,
        url,
        description,
        secret_sealed: services.secrets.seal(secret),
        event_types: JSON.stringify(eventTypes),
        enabled: enabled ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, ctx, { action: 'webhook_endpoint.created', entityType: 'webhook_endpoint', entityId: id, details: { url, eventTypes, enabled } });
  });
  return { ...(await getWebhookEndpoint(ctx, id)), secret };
}

export async function updateWebhookEndpoint(
  ctx: BusinessContext,
  services: Pick<WebhookServices, 'urlPolicy'>,
  endpointId: string,
  patch: WebhookEndpointUpdate,
): Promise<WebhookEndpoint> {
  if (typeof patch !== 'object' || patch === null) throw new PorticoError('invalid_input', 'An endpoint update must be an object.');
  const changes = {
    ...(patch.url === undefined ? {} : { url: requireWebhookUrl(patch.url, services.urlPolicy) }),
    ...(patch.eventTypes === undefined ? {} : { event_types: JSON.stringify(requireEventTypes(patch.eventTypes)) }),
    ...(patch.description === undefined ? {} : { description: optionalText(patch.description, 'description', { max: 500 }) }),
    ...(patch.enabled === undefined ? {} : { enabled: requireBoolean(patch.enabled, 'enabled') ? 1 : 0 }),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await requireEndpointRow(trx, ctx.businessId, endpointId);
    await trx
      .updateTable('webhook_endpoints')
      .set({ ...changes, updated_at: ctx.clock.now().getTime() })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', endpointId)
      .execute();
    await recordAudit(trx, ctx, { action: 'webhook_endpoint.updated', entityType: 'webhook_endpoint', entityId: endpointId, details: { fields: Object.keys(patch) } });
  });
  return getWebhookEndpoint(ctx, endpointId);
}

/** A new secret, effective for every delivery from now on (attempts already signed keep the old one). */
export async function rotateWebhookSecret(ctx: BusinessContext, services: Pick<WebhookServices, 'secrets'>, endpointId: string): Promise<WebhookEndpointWithSecret> {
  const secret = newWebhookSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await requireEndpointRow(trx, ctx.businessId, endpointId);
    await trx
      .updateTable('webhook_endpoints')
      .set({ secret_sealed: services.secrets.seal(secret), updated_at: ctx.clock.now().getTime() })
      .where('business_id', '=', ctx.businessId)
      .where('id', '=', endpointId)
      .execute();
    await recordAudit(trx, ctx, { action: 'webhook_endpoint.secret_rotated', entityType: 'webhook_endpoint', entityId: endpointId });
  });
  return { ...(await getWebhookEndpoint(ctx, endpointId)), secret };
}

/** Removes the endpoint with its deliveries and their history. */
export async function removeWebhookEndpoint(ctx: BusinessContext, endpointId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await requireEndpointRow(trx, ctx.businessId, endpointId);
    await trx
      .deleteFrom('webhook_attempts')
      .where('business_id', '=', ctx.businessId)
      .where('delivery_id', 'in', (eb) => eb.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', endpointId))
      .execute();
    await trx.deleteFrom('webhook_deliveries').where('business_id', '=', ctx.businessId).where('endpoint_id', '=', endpointId).execute();
    await trx.deleteFrom('webhook_endpoints').where('business_id', '=', ctx.businessId).where('id', '=', endpointId).execute();
    await recordAudit(trx, ctx, { action: 'webhook_endpoint.removed', entityType: 'webhook_endpoint', entityId: endpointId });
  });
}

export async function getWebhookEndpoint(ctx: BusinessContext, endpointId: string): Promise<WebhookEndpoint> {
  return toWebhookEndpoint(await requireEndpointRow(ctx.db, ctx.businessId, endpointId));
}

export async function listWebhookEndpoints(ctx: BusinessContext): Promise<WebhookEndpoint[]> {
  const rows = await ctx.db.selectFrom('webhook_endpoints').selectAll().where('business_id', '=', ctx.businessId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toWebhookEndpoint);
}

export async function requireEndpointRow(executor: Executor, businessId: string, endpointId: unknown): Promise<Selectable<WebhookEndpointTable>> {
  const row =
    typeof endpointId === 'string'
      ? await executor.selectFrom('webhook_endpoints').selectAll().where('business_id', '=', businessId).where('id', '=', endpointId).executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('webhook_endpoint_not_found', 'No such webhook endpoint in this business.', { field: 'endpointId' });
  return row;
}

function requireEventTypes(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new PorticoError('invalid_input', 'eventTypes must list at least one event type, or be ["*"] for all.', { field: 'eventTypes' });
  }
  const unknown = value.find((type) => type !== '*' && !isEventType(type));
  if (unknown !== undefined) {
    throw new PorticoError('invalid_input', `eventTypes: ${JSON.stringify(unknown)} is not an event type (one of ${EVENT_TYPES.join(', ')}, or "*").`, {
      field: 'eventTypes',
    });
  }
  return value.includes('*') ? ['*'] : [...new Set(value as string[])];
}

/** 32 random bytes as a Standard Webhooks secret. */
function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function toWebhookEndpoint(row: Selectable<WebhookEndpointTable>): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: parseJson<string[]>(row.event_types, []),
    enabled: row.enabled === 1,
    createdAt: new Date(int(row.created_at)),
    updatedAt: new Date(int(row.updated_at)),
  };
}
