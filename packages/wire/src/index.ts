/**
 * @portico/wire: the contract between Portico's server and its widgets: the
 * HTTP API's request and response shapes, the languages, the currencies'
 * minor units and how money reads. No dependencies, no side effects; both sides import it.
 */
export type * from './http/common.js';
export type * from './http/auth.js';
export type * from './http/billing.js';
export type * from './http/admin-billing.js';
export type * from './http/payments.js';
export type * from './http/tickets.js';
export type * from './http/parties.js';
export type * from './http/estimates.js';
export type * from './http/account.js';
export type * from './http/events.js';
export { invoiceDisplayStatuses, invoiceStatusFilters } from './http/billing.js';
export { estimateDisplayStatuses } from './http/estimates.js';
export { invoiceStatusWords } from './invoice-status-words.js';
export { estimateStatusWords } from './estimate-status-words.js';
export { defaultLocale, isSupportedLocale, supportedLocales } from './locales.js';
export type { Locale } from './locales.js';
export { minorDigits, minorDigitsOtherThanTwo } from './currency-digits.js';
export { formatMoney, toDecimalString } from './money-format.js';
export { isKnownCurrency, knownCurrencies, minorUnitExponent } from './currency-codes.js';
