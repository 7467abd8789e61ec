/** What `@portico/widgets` exports for the business's side: its widgets, their API client and their text. */
export { PorticoAdminInvoices } from './admin-invoices/admin-invoices.component.js';
export type { PorticoInvoiceSentDetail } from './admin-invoices/admin-invoices.component.js';
export { PorticoAdminEstimates } from './admin-estimates/admin-estimates.component.js';
export type { PorticoEstimateChangedDetail, PorticoEstimateSentDetail } from './admin-estimates/admin-estimates.component.js';
export { PorticoAdminInbox } from './admin-inbox/admin-inbox.component.js';
export type { InboxStatusFilter, PorticoInboxUnreadDetail, PorticoTicketStatusDetail } from './admin-inbox/admin-inbox.component.js';
export { PorticoAdminClient } from './client/portico-admin-client.js';
export { adminStringsFor, loadAdminStrings } from './admin/i18n/index.js';
export type { AdminStrings, AdminWidgetStrings } from './admin/i18n/index.js';
