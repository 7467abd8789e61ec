import { sql, type Kysely } from 'kysely';
import type { PorticoSchema } from '../db/schema.js';
import { recordInvoiceEvent } from '../events/event-data.js';
import { calendarDate, type Clock } from '../shared/clock.js';

/**
 * `invoice.overdue` is not caused by a request but by the calendar: an
 * issued invoice with a balance whose due date has passed where its business
 * is. Each is recorded once (the event's once-key is the invoice), however
 * many workers notice it at the same time. Returns how many were recorded.
 */
export async function recordOverdueInvoices(db: Kysely<PorticoSchema>, clock: Clock, { limit = 200 } = {}): Promise<number> {
  const now = clock.now();
  const zones = await db.selectFrom('businesses').select('time_zone').distinct().execute();
  let recorded = 0;
  for (const { time_zone: timeZone } of zones) {
    const today = calendarDate(now, timeZone);
    const overdue = await db
      .selectFrom('invoices')
      .innerJoin('businesses', 'businesses.id', 'invoices.business_id')
      .select(['invoices.id', 'invoices.business_id'])
      .where('businesses.time_zone', '=', timeZone)
      .where('invoices.status', '=', 'sent')
      .where('invoices.due_date', '<', today)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('events').select('events.id').where('events.once_key', '=', sql<string>`cast(${'invoice.overdue:'} as text) || invoices.id`))),
      )
      .orderBy('invoices.due_date')
      .limit(limit - recorded)
      .execute();
    for (const invoice of overdue) {
      const id = await db.transaction().execute((trx) =>
        recordInvoiceEvent(trx, { businessId: invoice.business_id, clock }, 'invoice.overdue', invoice.id, { onceKey: `invoice.overdue:${invoice.id}` }),
      );
      if (id !== null) recorded += 1;
    }
    if (recorded >= limit) break;
  }
  return recorded;
}
