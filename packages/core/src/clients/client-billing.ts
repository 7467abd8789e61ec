import type { ClientRow, RowChanges } from '../db/schema.js';
import { parseJson } from '../db/row-values.js';
import { optionalPostalAddress, optionalTaxNumber, optionalVatId, type PostalAddress, type PostalAddressInput } from '../parties/party-fields.js';

/** What the client's invoices say about it beyond its name (EN 16931 BG-7, the buyer). */
export interface ClientBilling {
  /** Where the client is billed. */
  billingAddress: PostalAddress | null;
  /** The client's VAT identifier with its country prefix (`IT12345678901`); needed for a reverse charge. */
  vatId: string | null;
  /** A local tax number (an Italian codice fiscale, ...). */
  taxNumber: string | null;
}

/** `null` (or empty text) clears a field; a field left out is left as it is. */
export type ClientBillingInput = { vatId?: string | null; taxNumber?: string | null; billingAddress?: PostalAddressInput | null };

/** The columns for the billing fields `input` names; throws on the first bad one, before anything is written. */
export function clientBillingChanges(input: ClientBillingInput): RowChanges<'clients'> {
  const changes: RowChanges<'clients'> = {};
  if (input.billingAddress !== undefined) {
    const address = optionalPostalAddress(input.billingAddress, 'billingAddress');
    changes.billing_address = address === null ? null : JSON.stringify(address);
  }
  if (input.vatId !== undefined) changes.vat_id = optionalVatId(input.vatId, 'vatId');
  if (input.taxNumber !== undefined) changes.tax_number = optionalTaxNumber(input.taxNumber, 'taxNumber');
  return changes;
}

export function toClientBilling(row: ClientRow): ClientBilling {
  return {
    billingAddress: row.billing_address === null ? null : parseJson<PostalAddress | null>(row.billing_address, null),
    vatId: row.vat_id,
    taxNumber: row.tax_number,
  };
}
