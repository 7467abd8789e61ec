import { PorticoTicketThread } from './ticket-thread.component.js';

export { PorticoTicketThread };

/**
 * Registers `<portico-ticket-thread>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoTicketThread(tagName = 'portico-ticket-thread'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-ticket-thread' ? PorticoTicketThread : class extends PorticoTicketThread {});
}

definePorticoTicketThread();

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-thread': PorticoTicketThread;
  }
}
