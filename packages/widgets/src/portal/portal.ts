// The Invoices tab shows these three.
import '../invoice-list/invoice-list.js';
import '../invoice-preview/invoice-preview.js';
import '../statement/statement.js';
// The Support tab shows these three.
import '../new-ticket/new-ticket.js';
import '../ticket-list/ticket-list.js';
import '../ticket-thread/ticket-thread.js';
import { PorticoPortal } from './portal.component.js';

export { PorticoPortal };

/**
 * Registers `<portico-portal>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoPortal(tagName = 'portico-portal'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-portal' ? PorticoPortal : class extends PorticoPortal {});
}

definePorticoPortal();

declare global {
  interface HTMLElementTagNameMap {
    'portico-portal': PorticoPortal;
  }
}
