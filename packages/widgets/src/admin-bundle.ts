/**
 * Entry of `dist/bundle/admin-widgets.js`: the business's widgets
 * (`<portico-admin-invoices>`, `<portico-admin-estimates>`, `<portico-admin-inbox>`) on top of every
 * client widget, which it imports from `widgets.js` beside it. For the
 * business's dashboard; a client's page never downloads them.
 */
import './admin-invoices/admin-invoices.js';
import './admin-estimates/admin-estimates.js';
import './admin-inbox/admin-inbox.js';

export * from './bundle.js';
export * from './admin-index.js';
export { definePorticoAdminInvoices } from './admin-invoices/admin-invoices.js';
export { definePorticoAdminEstimates } from './admin-estimates/admin-estimates.js';
export { definePorticoAdminInbox } from './admin-inbox/admin-inbox.js';
