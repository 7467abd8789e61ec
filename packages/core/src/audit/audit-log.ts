import type { BusinessContext, Executor } from '../context.js';
import { newOrderedId } from '../shared/ids.js';
import { int, parseJson } from '../db/row-values.js';

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
  at: Date;
}

/** Appends to the audit log; call it inside the transaction that made the change. */
export async function recordAudit(
  executor: Executor,
  ctx: BusinessContext,
  entry: { action: string; entityType: string; entityId: string; details?: Record<string, unknown> },
): Promise<void> {
  await executor
    .insertInto('audit_log')
    .values({
      // Ordered ids keep entries of the same instant in the order they were made.
      id: newOrderedId('aud'),
      business_id: ctx.businessId,
      actor: ctx.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
      at: ctx.clock.now().getTime(),
    })
    .execute();
}

/** The history of one entity, oldest first (ties on `at` are broken by the ordered id). */
export async function listAudit(ctx: BusinessContext, entityType: string, entityId: string): Promise<AuditEntry[]> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('business_id', '=', ctx.businessId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: parseJson(row.details, {}),
    at: new Date(int(row.at)),
  }));
}
