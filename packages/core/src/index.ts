export { createPorticoApi, type PorticoApi, type PorticoApiOptions, type BusinessApi } from './api.js';
export {
  createDatabase,
  type CreateDatabaseOptions,
  type DatabaseDialect,
  type DatabaseOptions,
  type PorticoDatabase,
} from './db/create-database.js';
export type { PorticoSchema } from './db/schema.js';
export { PorticoError, isPorticoError, type PorticoErrorCode } from './shared/errors.js';
export { ManualClock, calendarDate, systemClock, type Clock } from './shared/clock.js';
export { supportedLocales, type Locale } from './shared/locales.js';
export { type Business, type BusinessInput, type BusinessUpdate } from './businesses/businesses.js';
export { type Client, type ClientInput, type ClientListOptions, type ClientUpdate } from './clients/clients.js';
export { type Contact, type ContactInput } from './clients/contacts.js';
export { type Invoice, type InvoiceLine, type InvoiceSummary } from './invoices/invoice-model.js';
export { type InvoiceInput, type InvoiceUpdate } from './invoices/invoices.js';
export { type InvoiceListOptions } from './invoices/invoice-queries.js';
export {
  canMoveInvoice,
  invoiceDisplayStatus,
  invoiceDisplayStatuses,
  type InvoiceDisplayStatus,
  type InvoiceStatus,
} from './invoices/invoice-status.js';
export { computeLine, sumLines, type ComputedLine, type DocumentTotals, type LineInput } from './invoices/line-totals.js';
export { type Payment, type PaymentInput, type PaymentListOptions, type PaymentMethod, type RecordedPayment } from './payments/payments.js';
export { type AuditEntry } from './audit/audit-log.js';
export { MAX_AMOUNT, formatMoney, requireCurrency, toDecimalString, totalsByCurrency, type Money } from './money/money.js';
export { isKnownCurrency, knownCurrencies, minorUnitExponent } from './money/currencies.js';
