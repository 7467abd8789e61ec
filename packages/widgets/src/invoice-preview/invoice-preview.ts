// Open invoices show a Pay now button.
import '../pay-button/pay-button.js';
import { PorticoInvoicePreview } from './invoice-preview.component.js';

export { PorticoInvoicePreview };

/**
 * Registers `<portico-invoice-preview>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoInvoicePreview(tagName = 'portico-invoice-preview'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-invoice-preview' ? PorticoInvoicePreview : class extends PorticoInvoicePreview {});
}

definePorticoInvoicePreview();

declare global {
  interface HTMLElementTagNameMap {
    'portico-invoice-preview': PorticoInvoicePreview;
  }
}
