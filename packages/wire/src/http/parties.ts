/**
 * What makes an invoice lawful (EN 16931): the seller's and buyer's legal
 * details, the tax breakdown and how to pay. Shared by the client's invoice
 * detail and the business's profile routes.
 */

/** A postal address. `countryCode` is ISO 3166-1 alpha-2. */
export interface PostalAddressWire {
  lines: string[];
  postalCode: string | null;
  city: string;
  region: string | null;
  countryCode: string;
}

/** A bank account for transfers: an IBAN (with BIC), or a local account and routing number. IBANs are in electronic format (no spaces). */
export interface BankAccountWire {
  accountHolder: string;
  bankName: string | null;
  iban: string | null;
  bic: string | null;
  accountNumber: string | null;
  routingNumber: string | null;
}

/** The seller as the invoice shows it. */
export interface InvoiceSellerWire {
  name: string;
  legalName: string | null;
  address: PostalAddressWire | null;
  vatId: string | null;
  taxNumber: string | null;
  registrationNumber: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  bankAccount: BankAccountWire | null;
  paymentInstructions: string | null;
  paymentTermsText: string | null;
}

/** The buyer (the client) as the invoice shows it. */
export interface InvoiceBuyerWire {
  name: string;
  address: PostalAddressWire | null;
  vatId: string | null;
  taxNumber: string | null;
}

/** VAT categories: standard (EN 16931 code S), zero (Z), exempt (E), reverse_charge (AE). */
export type TaxCategoryWire = 'standard' | 'zero' | 'exempt' | 'reverse_charge';

/** One row of the tax breakdown: the lines of one category and rate. Amounts in minor units. */
export interface TaxSummaryEntryWire {
  category: TaxCategoryWire;
  /** Percent. */
  rate: number;
  taxableAmount: number;
  taxAmount: number;
}

/**
 * A note the invoice must carry because of its lines: a reverse charge or an
 * exemption. `text` is the business's own wording; null means the standard
 * sentence, which the widget shows in its language.
 */
export interface TaxNoteWire {
  kind: 'reverse_charge' | 'exempt';
  text: string | null;
}

/**
 * `GET /admin/business` and the answer to `PATCH /admin/business`: the
 * business's invoice details: what its invoices print as the seller, and
 * what sets them up.
 */
export interface AdminBusinessProfile extends InvoiceSellerWire {
  /** Days from issue to due for new invoices; null: the default (30). */
  paymentTermsDays: number | null;
  reverseChargeNote: string | null;
  taxExemptNote: string | null;
}

/**
 * `PATCH /admin/business`: any of the profile's fields; null clears one, a
 * field left out stays. Addresses and bank accounts are replaced whole.
 */
export type AdminBusinessProfileUpdate = {
  [K in Exclude<keyof AdminBusinessProfile, 'address' | 'bankAccount'>]?: AdminBusinessProfile[K];
} & {
  address?: (Pick<PostalAddressWire, 'lines' | 'city' | 'countryCode'> & Partial<PostalAddressWire>) | null;
  bankAccount?: (Pick<BankAccountWire, 'accountHolder'> & Partial<BankAccountWire>) | null;
};

/** `GET /admin/clients/:id/billing` and the answer to `PATCH` of it. */
export interface AdminClientBilling {
  id: string;
  name: string;
  billingAddress: PostalAddressWire | null;
  vatId: string | null;
  taxNumber: string | null;
}

/** `PATCH /admin/clients/:id/billing`: null clears a field, a field left out stays. */
export interface AdminClientBillingUpdate {
  name?: string;
  billingAddress?: (Pick<PostalAddressWire, 'lines' | 'city' | 'countryCode'> & Partial<PostalAddressWire>) | null;
  vatId?: string | null;
  taxNumber?: string | null;
}
