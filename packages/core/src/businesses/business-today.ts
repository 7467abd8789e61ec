import { calendarDate } from '../shared/clock.js';
import type { BusinessContext, Executor } from '../context.js';
import { requireBusinessRow } from './businesses.js';

/** Today's calendar date where the business is; decides due dates and `overdue`. */
export async function businessToday(ctx: BusinessContext, executor: Executor = ctx.db): Promise<string> {
  const business = await requireBusinessRow(executor, ctx.businessId);
  return calendarDate(ctx.clock.now(), business.time_zone);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
