// Open invoices show a Pay now button.
import '../pay-button/pay-button.js';
import { PorticoInvoiceList } from './invoice-list.component.js';

export { PorticoInvoiceList };

/**
 * Registers `<portico-invoice-list>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoInvoiceList(tagName = 'portico-invoice-list'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-invoice-list' ? PorticoInvoiceList : class extends PorticoInvoiceList {});
}

definePorticoInvoiceList();

declare global {
  interface HTMLElementTagNameMap {
    'portico-invoice-list': PorticoInvoiceList;
  }
}
