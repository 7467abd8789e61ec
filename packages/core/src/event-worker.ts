import { createEventWorker as createBareEventWorker, type EventWorker, type EventWorkerOptions } from './events/event-worker.js';
import { recordOverdueInvoices } from './invoices/overdue-events.js';

/** How often a worker looks for invoices that became overdue: the calendar moves slowly. */
const OVERDUE_SWEEP_MS = 60_000;

/**
 * The event worker for Portico's own events: besides the options' producers
 * (run after), it records `invoice.overdue` for invoices the calendar made
 * overdue. See events/event-worker.ts for how it delivers webhooks and runs
 * in-process hooks, shared with any other worker on the database.
 */
export function createEventWorker(options: EventWorkerOptions): EventWorker {
  let lastSweep = -Infinity;
  return createBareEventWorker({
    ...options,
    producers: [
      async (db, clock) => {
        if (clock.now().getTime() - lastSweep < OVERDUE_SWEEP_MS) return;
        lastSweep = clock.now().getTime();
        await recordOverdueInvoices(db, clock);
      },
      ...(options.producers ?? []),
    ],
  });
}
