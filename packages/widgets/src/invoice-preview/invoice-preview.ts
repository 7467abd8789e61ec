// Open invoices show a Pay now button.
import '../pay-button/pay-button.js';
import { PorticoInvoicePreview } from './invoice-preview.component.js';

export { PorticoInvoicePreview };

/** Registers `<portico-invoice-preview>` (or `tagName`): `PorticoInvoicePreview.define()` under the name it had first. */
export const definePorticoInvoicePreview = (tagName?: string): void => PorticoInvoicePreview.define(tagName);

PorticoInvoicePreview.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-invoice-preview': PorticoInvoicePreview;
  }
}
