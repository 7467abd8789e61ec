import type { BusinessProfileInput } from '../businesses/business-profile.js';
import type { ClientBillingInput } from '../clients/client-billing.js';

/** A German seller with every invoice detail set: for tests and the demo. */
export const germanSellerProfile = {
  legalName: 'Harbor & Pine Studio GmbH',
  address: { lines: ['Musterstraße 12'], postalCode: '10115', city: 'Berlin', region: null, countryCode: 'DE' },
  vatId: 'DE123456789',
  taxNumber: '27/123/45678',
  registrationNumber: 'HRB 123456 B, Amtsgericht Charlottenburg',
  contactEmail: 'billing@harborpine.test',
  contactPhone: '+49 30 1234567',
  bankAccount: { accountHolder: 'Harbor & Pine Studio GmbH', bankName: 'Commerzbank', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' },
  paymentInstructions: 'Please quote the invoice number with your transfer.',
  paymentTermsDays: 14,
  paymentTermsText: 'Net 14 days, no deduction.',
} satisfies BusinessProfileInput;

/** An Italian business client. */
export const italianBuyerBilling = {
  billingAddress: { lines: ['Via Roma 12', 'Scala B'], postalCode: '20121', city: 'Milano', region: 'MI', countryCode: 'IT' },
  vatId: 'IT12345678901',
} satisfies ClientBillingInput;
