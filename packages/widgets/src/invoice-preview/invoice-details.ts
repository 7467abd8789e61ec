/**
 * The preview's parties, tax summary, terms, How to pay and payments, in a file of
 * their own: fetched alongside the first invoice, so a page that shows no
 * invoice does not download them (they are not in the first view).
 */
export { renderHowToPay } from './how-to-pay.js';
export { renderParties, renderTaxSummary, renderTerms } from './parties-view.js';
export { renderPayments } from './payments-list.js';
