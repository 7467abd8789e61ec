/** What `@portico/widgets` exports for the client's side: every widget but the business's two, the API client, the languages. */
export { PorticoApiError, PorticoClient } from './client/portico-client.js';
export { filenameFrom, invoiceQueryString } from './client/portico-client.js';
export type {
  CheckoutOptions,
  DocumentOptions,
  DownloadedFile,
  DownloadProgress,
  PorticoAuthMode,
  PorticoClientOptions,
  RequestOptions,
  SignOutEverywhereResponse,
  ZipSelection,
} from './client/portico-client.js';
export type { StatementPeriod } from './client/ledger-paths.js';
/** The HTTP contract's types, for a host that calls the API itself. */
export type * from '@portico/wire';
export { defaultLocale, intlLocale, loadedStrings, loadStrings, locales, resolveLocale, stringsFor, textDirection } from './i18n/index.js';
export type { Locale, Strings } from './i18n/index.js';
export { LINK_FRAGMENT_PARAM, PorticoPortal } from './portal/portal.component.js';
export type { PorticoGrantRefusedDetail, PorticoSignedInDetail, PorticoSignedOutDetail } from './portal/portal.component.js';
export { portalTabs } from './portal/portal-tabs.js';
export type { PortalTab, PortalTabContext } from './portal/portal-tabs.js';
export { PorticoAccount } from './account/account.component.js';
export type { PorticoAccountSavedDetail } from './account/account.component.js';
export { PorticoStatement } from './statement/statement.component.js';
export { PorticoInvoiceList } from './invoice-list/invoice-list.component.js';
export type { PorticoDownloadCompleteDetail, PorticoInvoiceOpenDetail } from './invoice-list/invoice-list.component.js';
export { PorticoInvoicePreview } from './invoice-preview/invoice-preview.component.js';
export type { PorticoInvoiceChangedDetail, PorticoInvoiceLoadedDetail } from './invoice-preview/invoice-preview.component.js';
// The estimate widgets' classes are types here only: their code is a chunk of its own (see bundle.ts), from `@portico/widgets/estimate-list.js` and `estimate-preview.js`.
export type { PorticoEstimateList, PorticoEstimateOpenDetail } from './estimate-list/estimate-list.component.js';
export type { PorticoEstimatePreview, PorticoEstimateAnsweredDetail, PorticoEstimateInvoiceOpenDetail, PorticoEstimateLoadedDetail } from './estimate-preview/estimate-preview.component.js';
export { PorticoPayButton } from './pay-button/pay-button.component.js';
export type {
  PayableInvoice,
  PayButtonState,
  PorticoCheckoutCloseDetail,
  PorticoCheckoutOpenDetail,
  PorticoInvoicePaidDetail,
  PorticoStripe,
  StripeLoader,
} from './pay-button/pay-button.component.js';
export { CHECKOUT_RETURN_PARAM } from './pay-button/checkout-return.js';
export { PorticoTicketList } from './ticket-list/ticket-list.component.js';
export type { PorticoTicketOpenDetail, PorticoTicketsUnreadDetail } from './ticket-list/ticket-list.component.js';
export { PorticoTicketThread } from './ticket-thread/ticket-thread.component.js';
export type { PorticoTicketLoadedDetail, PorticoTicketReplyDetail } from './ticket-thread/ticket-thread.component.js';
export { PorticoNewTicket } from './new-ticket/new-ticket.component.js';
export type { PorticoTicketCreatedDetail } from './new-ticket/new-ticket.component.js';
export type { PorticoAuthRequiredDetail } from './shared/portico-element.js';
