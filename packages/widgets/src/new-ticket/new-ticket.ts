import { PorticoNewTicket } from './new-ticket.component.js';

export { PorticoNewTicket };

/**
 * Registers `<portico-new-ticket>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoNewTicket(tagName = 'portico-new-ticket'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-new-ticket' ? PorticoNewTicket : class extends PorticoNewTicket {});
}

definePorticoNewTicket();

declare global {
  interface HTMLElementTagNameMap {
    'portico-new-ticket': PorticoNewTicket;
  }
}
