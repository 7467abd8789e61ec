/**
 * Dispatches a Portico event from `target`. Every one bubbles and crosses
 * shadow roots (`composed`), so a listener on `document` hears them all.
 * The type argument (`emit<PorticoTicketOpenDetail>(...)`) is what the
 * custom elements manifest gives as the event's type. Returns `false` when
 * a listener cancelled a `cancelable` one.
 */
export function emit<Detail = never>(target: EventTarget, name: string, detail?: Detail, cancelable?: boolean): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
