/**
 * Entry of `dist/bundle/widgets.js`: every widget a client's page uses, lit
 * included, with every tag registered. One `<script type="module">` adds the
 * portal to any page (the two estimate widgets come in a chunk of their own,
 * see below). The business's widgets are in `admin-bundle.ts`.
 */
import './portal/portal.js';
import './statement/statement.js';
import './invoice-list/invoice-list.js';
import './invoice-preview/invoice-preview.js';
import './pay-button/pay-button.js';
import './ticket-list/ticket-list.js';
import './ticket-thread/ticket-thread.js';
import './new-ticket/new-ticket.js';
import './account/account.js';
import { loadEstimateWidgets } from './estimates/load-estimate-widgets.js';

export * from './client-index.js';
export { definePorticoPortal } from './portal/portal.js';
export { definePorticoStatement } from './statement/statement.js';
export { definePorticoInvoiceList } from './invoice-list/invoice-list.js';
export { definePorticoInvoicePreview } from './invoice-preview/invoice-preview.js';
export { definePorticoPayButton } from './pay-button/pay-button.js';
export { definePorticoTicketList } from './ticket-list/ticket-list.js';
export { definePorticoTicketThread } from './ticket-thread/ticket-thread.js';
export { definePorticoNewTicket } from './new-ticket/new-ticket.js';
export { definePorticoAccount } from './account/account.js';
export { loadEstimateWidgets };

// The estimate widgets are a chunk of their own, fetched when needed: by the
// portal's Estimates tab, by loadEstimateWidgets(), or now, for a page that has their tags.
if (typeof document !== 'undefined' && document.querySelector('portico-estimate-list, portico-estimate-preview')) void loadEstimateWidgets();
