/**
 * The preview's parties, tax summary, terms and How to pay, in a file of
 * their own: fetched alongside the first invoice, so a page that shows no
 * invoice does not download them (they are not in the first view).
 */
export { renderHowToPay } from './how-to-pay.js';
export { renderParties, renderTaxSummary, renderTerms } from './parties-view.js';
