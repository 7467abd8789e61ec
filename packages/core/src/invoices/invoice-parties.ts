import type { BusinessRow, ClientRow } from '../db/schema.js';
import { parseJson } from '../db/row-values.js';
import { toBusinessProfile, type BusinessProfile } from '../businesses/business-profile.js';
import { toClientBilling } from '../clients/client-billing.js';
import type { PostalAddress } from '../parties/party-fields.js';

/**
 * The seller as an invoice shows it (EN 16931 BG-4, with BG-6 contact and
 * BG-17 transfer account): the trading name (`name` of the business) and its
 * profile, less the terms that only set new invoices' due dates.
 */
export interface InvoiceSeller extends Omit<BusinessProfile, 'paymentTermsDays'> {
  name: string;
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
  const { paymentTermsDays: _termsDays, ...profile } = toBusinessProfile(business);
  const billing = toClientBilling(client);
  return {
    seller: { name: business.name, ...profile },
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
