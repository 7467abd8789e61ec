// Open invoices show a Pay now button.
import '../pay-button/pay-button.js';
import { PorticoInvoiceList } from './invoice-list.component.js';

export { PorticoInvoiceList };

/** Registers `<portico-invoice-list>` (or `tagName`): `PorticoInvoiceList.define()` under the name it had first. */
export const definePorticoInvoiceList = (tagName?: string): void => PorticoInvoiceList.define(tagName);

PorticoInvoiceList.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-invoice-list': PorticoInvoiceList;
  }
}
