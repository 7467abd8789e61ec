import { PorticoTicketList } from './ticket-list.component.js';

export { PorticoTicketList };

/** Registers `<portico-ticket-list>` (or `tagName`): `PorticoTicketList.define()` under the name it had first. */
export const definePorticoTicketList = (tagName?: string): void => PorticoTicketList.define(tagName);

PorticoTicketList.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-list': PorticoTicketList;
  }
}
