import { estimateDisplayStatuses as displayStatusesInOrder, type EstimateDisplayStatusWire } from '@portico/wire';
import type { EstimateStatusColumn } from '../db/schema.js';

/** What is stored. `expired` is never stored: it depends on the clock, as an invoice's `overdue` does. */
export type EstimateStatus = EstimateStatusColumn;

/** The stored status, with `sent` past its valid-until date shown as `expired` (the wire's list). */
export type EstimateDisplayStatus = EstimateDisplayStatusWire;

export const estimateDisplayStatuses: readonly EstimateDisplayStatus[] = displayStatusesInOrder;

/**
 * `today` is the calendar date in the business's time zone (`YYYY-MM-DD`). An
 * estimate is valid through its valid-until date and expired the day after.
 */
export function estimateDisplayStatus(estimate: { status: EstimateStatus; validUntil: string }, today: string): EstimateDisplayStatus {
  return estimate.status === 'sent' && estimate.validUntil < today ? 'expired' : estimate.status;
}
