import { PorticoTicketList } from './ticket-list.component.js';

export { PorticoTicketList };

/**
 * Registers `<portico-ticket-list>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoTicketList(tagName = 'portico-ticket-list'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-ticket-list' ? PorticoTicketList : class extends PorticoTicketList {});
}

definePorticoTicketList();

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-list': PorticoTicketList;
  }
}
