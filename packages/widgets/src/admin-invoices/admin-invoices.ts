import { PorticoAdminInvoices } from './admin-invoices.component.js';

export { PorticoAdminInvoices };

/** Registers `<portico-admin-invoices>` (or `tagName`): `PorticoAdminInvoices.define()` under the name it had first. */
export const definePorticoAdminInvoices = (tagName?: string): void => PorticoAdminInvoices.define(tagName);

PorticoAdminInvoices.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-admin-invoices': PorticoAdminInvoices;
  }
}
