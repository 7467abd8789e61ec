/** What `@portico/widgets` exports for the business's side: its two widgets. */
export { PorticoAdminInvoices } from './admin-invoices/admin-invoices.component.js';
export type { PorticoInvoiceSentDetail } from './admin-invoices/admin-invoices.component.js';
export { PorticoAdminInbox } from './admin-inbox/admin-inbox.component.js';
export type { InboxStatusFilter, PorticoInboxUnreadDetail, PorticoTicketStatusDetail } from './admin-inbox/admin-inbox.component.js';
