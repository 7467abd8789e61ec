import { PorticoAdminInvoices } from './admin-invoices.component.js';

export { PorticoAdminInvoices };

/**
 * Registers `<portico-admin-invoices>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoAdminInvoices(tagName = 'portico-admin-invoices'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-admin-invoices' ? PorticoAdminInvoices : class extends PorticoAdminInvoices {});
}

definePorticoAdminInvoices();

declare global {
  interface HTMLElementTagNameMap {
    'portico-admin-invoices': PorticoAdminInvoices;
  }
}
