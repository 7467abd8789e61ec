// The Invoices tab shows these three.
import '../invoice-list/invoice-list.js';
import '../invoice-preview/invoice-preview.js';
import '../statement/statement.js';
// The Support tab shows these three.
import '../new-ticket/new-ticket.js';
import '../ticket-list/ticket-list.js';
import '../ticket-thread/ticket-thread.js';
// The Account tab shows this one.
import '../account/account.js';
import { PorticoPortal } from './portal.component.js';

export { PorticoPortal };

/** Registers `<portico-portal>` (or `tagName`): `PorticoPortal.define()` under the name it had first. */
export const definePorticoPortal = (tagName?: string): void => PorticoPortal.define(tagName);

PorticoPortal.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-portal': PorticoPortal;
  }
}
