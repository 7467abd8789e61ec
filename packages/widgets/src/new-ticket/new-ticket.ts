import { PorticoNewTicket } from './new-ticket.component.js';

export { PorticoNewTicket };

/** Registers `<portico-new-ticket>` (or `tagName`): `PorticoNewTicket.define()` under the name it had first. */
export const definePorticoNewTicket = (tagName?: string): void => PorticoNewTicket.define(tagName);

PorticoNewTicket.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-new-ticket': PorticoNewTicket;
  }
}
