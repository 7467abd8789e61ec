import { PorticoTicketThread } from './ticket-thread.component.js';

export { PorticoTicketThread };

/** Registers `<portico-ticket-thread>` (or `tagName`): `PorticoTicketThread.define()` under the name it had first. */
export const definePorticoTicketThread = (tagName?: string): void => PorticoTicketThread.define(tagName);

PorticoTicketThread.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-thread': PorticoTicketThread;
  }
}
