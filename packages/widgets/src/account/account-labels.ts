import type { Strings } from '../i18n/index.js';

/** The label of each input of the Account forms, by its id: shown beside it, and named in an error about it. */
export function accountFieldLabel(strings: Strings, inputId: string): string {
  const labels: Record<string, string> = {
    'billing-name': strings.accountBillingName,
    line1: strings.accountAddressLine1,
    line2: strings.accountAddressLine2,
    'postal-code': strings.accountPostalCode,
    city: strings.accountCity,
    region: strings.accountRegion,
    country: strings.accountCountry,
    'vat-id': strings.accountVatId,
    'tax-number': strings.accountTaxNumber,
    'your-name': strings.accountYourName,
    language: strings.accountLanguage,
    'time-zone': strings.accountTimeZone,
    'new-name': strings.accountContactName,
    'new-email': strings.accountContactEmail,
  };
  return labels[inputId] ?? inputId;
}
