import { isEventType, EVENT_TYPES, type EventType } from './event-types.js';
import type { PorticoEvent } from './event-log.js';

export type EventHandler = (event: PorticoEvent) => void | Promise<void>;

/**
 * The in-process handlers a host registers (`portico.on('invoice.paid', fn)`).
 * They are fed from the event log by the event worker, not called by the
 * change itself: a handler runs after the change committed, and when one
 * throws (the others still run) the event is handled again later, by every
 * handler of its type, until all return: handlers must bear a repeat (the
 * event id tells one).
 */
export interface EventHooks {
  /** Registers a handler for one type, or `'*'` for every type; returns a function that removes it. */
  on(type: EventType | '*', handler: EventHandler): () => void;
  /** The types some handler wants (empty: none), or undefined when one wants every type. */
  wantedTypes(): readonly EventType[] | undefined;
  handlersFor(type: string): EventHandler[];
}

export function createEventHooks(): EventHooks {
  // In registration order, across types: handlers run in the order they were added.
  const entries: Array<{ type: EventType | '*'; handler: EventHandler }> = [];
  return {
    on(type, handler) {
      if (type !== '*' && !isEventType(type)) throw new TypeError(`on(type): ${JSON.stringify(type)} is not an event type (one of ${EVENT_TYPES.join(', ')}, or "*").`);
      if (typeof handler !== 'function') throw new TypeError('on(type, handler): handler must be a function.');
      const entry = { type, handler };
      entries.push(entry);
      return () => {
        const index = entries.indexOf(entry);
        if (index >= 0) entries.splice(index, 1);
      };
    },
    wantedTypes() {
      if (entries.some((entry) => entry.type === '*')) return undefined;
      return [...new Set(entries.map((entry) => entry.type as EventType))];
    },
    handlersFor(type) {
      return entries.filter((entry) => entry.type === '*' || entry.type === type).map((entry) => entry.handler);
    },
  };
}
