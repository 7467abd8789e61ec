import type { BusinessRow, ClientRow } from '../db/schema.js';
import { parseJson } from '../db/row-values.js';
import { toBusinessProfile } from '../businesses/business-profile.js';
import { toClientBilling } from '../clients/client-billing.js';
import type { BankAccount, PostalAddress } from './party-fields.js';

/** The seller as an invoice shows it (EN 16931 BG-4, with BG-6 contact and BG-17 transfer account). */
export interface InvoiceSeller {
  /** The trading name (`name` of the business). */
  name: string;
  /** The registered name, when it differs. */
  legalName: string | null;
  address: PostalAddress | null;
  vatId: string | null;
  taxNumber: string | null;
  registrationNumber: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  bankAccount: BankAccount | null;
  paymentInstructions: string | null;
  paymentTermsText: string | null;
  reverseChargeNote: string | null;
  taxExemptNote: string | null;
}

/** The buyer as an invoice shows it (EN 16931 BG-7). */
export interface InvoiceBuyer {
  name: string;
  address: PostalAddress | null;
  vatId: string | null;
  taxNumber: string | null;
}

export interface InvoiceParties {
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
}

/** The seller and buyer as they are now: what a draft shows, and what issuing freezes onto the invoice. */
export function currentParties(business: BusinessRow, client: ClientRow): InvoiceParties {
  const profile = toBusinessProfile(business);
  const billing = toClientBilling(client);
  return {
    seller: {
      name: business.name,
      legalName: profile.legalName,
      address: profile.address,
      vatId: profile.vatId,
      taxNumber: profile.taxNumber,
      registrationNumber: profile.registrationNumber,
      contactEmail: profile.contactEmail,
      contactPhone: profile.contactPhone,
      bankAccount: profile.bankAccount,
      paymentInstructions: profile.paymentInstructions,
      paymentTermsText: profile.paymentTermsText,
      reverseChargeNote: profile.reverseChargeNote,
      taxExemptNote: profile.taxExemptNote,
    },
    buyer: { name: client.name, address: billing.billingAddress, vatId: billing.vatId, taxNumber: billing.taxNumber },
  };
}

/**
 * What an invoice shows as seller and buyer: the copy frozen when it was
 * issued, or, for a draft (and for invoices issued before Portico kept that
 * copy), the business and client as they are now.
 */
export function invoiceParties(frozen: string | null, business: BusinessRow, client: ClientRow): InvoiceParties {
  if (frozen !== null) {
    const parsed = parseJson<InvoiceParties | null>(frozen, null);
    if (parsed) return parsed;
  }
  return currentParties(business, client);
}
