import type { BusinessRow, RowChanges } from '../db/schema.js';
import { parseJson } from '../db/row-values.js';
import { PorticoError } from '../shared/errors.js';
import { optionalText, requireEmail } from '../shared/validate.js';
import {
  optionalBankAccount,
  optionalPostalAddress,
  optionalTaxNumber,
  optionalVatId,
  type BankAccount,
  type BankAccountInput,
  type PostalAddress,
  type PostalAddressInput,
} from '../parties/party-fields.js';

/**
 * What the business's invoices say about it, beyond its name: who it legally
 * is, where, its tax identifiers, how to reach it and how to pay it. Every
 * field is optional (null) until the business sets it.
 */
export interface BusinessProfile {
  /** The registered name when it differs from `name` (`Muster GmbH`). */
  legalName: string | null;
  address: PostalAddress | null;
  /** VAT identifier with its country prefix, compact: `DE123456789`. */
  vatId: string | null;
  /** Local tax registration number (a German Steuernummer). */
  taxNumber: string | null;
  /** Company register entry: `HRB 12345, Amtsgericht Berlin`. */
  registrationNumber: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  /** For payment by transfer; the invoice number is the reference. */
  bankAccount: BankAccount | null;
  /** Printed with the bank details. */
  paymentInstructions: string | null;
  /** Days from issue to due for new invoices (null: `settings.paymentTermsDays`, else 30). */
  paymentTermsDays: number | null;
  /** Payment terms as printed: "Net 14 days, 2% discount within 7 days". */
  paymentTermsText: string | null;
  /** Printed on invoices with a reverse-charged line (a standard sentence when null). */
  reverseChargeNote: string | null;
  /** Printed on invoices with a VAT-exempt line: the legal ground for the exemption. */
  taxExemptNote: string | null;
}

/** Input for the profile: `null` (or empty text) clears a field; a field left out is left as it is. */
export type BusinessProfileInput = {
  [K in Exclude<keyof BusinessProfile, 'address' | 'bankAccount'>]?: BusinessProfile[K] | null;
} & { address?: PostalAddressInput | null; bankAccount?: BankAccountInput | null };

/** The profile's fields, in the order the profile lists them (what `PATCH /admin/business` takes besides `name`). */
export const businessProfileFields = [
  'legalName',
  'address',
  'vatId',
  'taxNumber',
  'registrationNumber',
  'contactEmail',
  'contactPhone',
  'bankAccount',
  'paymentInstructions',
  'paymentTermsDays',
  'paymentTermsText',
  'reverseChargeNote',
  'taxExemptNote',
] as const satisfies ReadonlyArray<keyof BusinessProfile>;

/** The columns to write for the profile fields `input` names; throws on the first bad one, before anything is written. */
export function businessProfileChanges(input: BusinessProfileInput): RowChanges<'businesses'> {
  const changes: RowChanges<'businesses'> = {};
  const has = (key: (typeof businessProfileFields)[number]) => input[key] !== undefined;
  if (has('legalName')) changes.legal_name = line(input.legalName, 'legalName', 200);
  if (has('address')) changes.address = json(optionalPostalAddress(input.address, 'address'));
  if (has('vatId')) changes.vat_id = optionalVatId(input.vatId, 'vatId');
  if (has('taxNumber')) changes.tax_number = optionalTaxNumber(input.taxNumber, 'taxNumber');
  if (has('registrationNumber')) changes.registration_number = line(input.registrationNumber, 'registrationNumber', 200);
  if (has('contactEmail')) {
    changes.contact_email = input.contactEmail === null || input.contactEmail === '' ? null : requireEmail(input.contactEmail, 'contactEmail');
  }
  if (has('contactPhone')) {
    const phone = line(input.contactPhone, 'contactPhone', 40);
    if (phone !== null && !/^\+?[0-9 ()./-]{4,}$/.test(phone)) {
      throw new PorticoError('invalid_input', 'contactPhone may hold only digits, spaces, ( ) . / - and a leading +.', { field: 'contactPhone' });
    }
    changes.contact_phone = phone;
  }
  if (has('bankAccount')) changes.bank_account = json(optionalBankAccount(input.bankAccount, 'bankAccount'));
  if (has('paymentInstructions')) changes.payment_instructions = paragraph(input.paymentInstructions, 'paymentInstructions');
  if (has('paymentTermsDays')) {
    const days = input.paymentTermsDays;
    if (days !== null && (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 365)) {
      throw new PorticoError('invalid_input', 'paymentTermsDays must be a whole number of days from 0 to 365, or null.', { field: 'paymentTermsDays' });
    }
    changes.payment_terms_days = days ?? null;
  }
  if (has('paymentTermsText')) changes.payment_terms_text = paragraph(input.paymentTermsText, 'paymentTermsText');
  if (has('reverseChargeNote')) changes.reverse_charge_note = paragraph(input.reverseChargeNote, 'reverseChargeNote');
  if (has('taxExemptNote')) changes.tax_exempt_note = paragraph(input.taxExemptNote, 'taxExemptNote');
  return changes;
}

export function toBusinessProfile(row: BusinessRow): BusinessProfile {
  return {
    legalName: row.legal_name,
    address: row.address === null ? null : parseJson<PostalAddress | null>(row.address, null),
    vatId: row.vat_id,
    taxNumber: row.tax_number,
    registrationNumber: row.registration_number,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    bankAccount: row.bank_account === null ? null : parseJson<BankAccount | null>(row.bank_account, null),
    paymentInstructions: row.payment_instructions,
    paymentTermsDays: row.payment_terms_days === null ? null : Number(row.payment_terms_days),
    paymentTermsText: row.payment_terms_text,
    reverseChargeNote: row.reverse_charge_note,
    taxExemptNote: row.tax_exempt_note,
  };
}

function json(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

function line(value: unknown, field: string, max: number): string | null {
  const text = optionalText(value, field, { max });
  if (text === null || text.trim() === '') return null;
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new PorticoError('invalid_input', `${field} must be one line of text.`, { field });
  return text.trim();
}

function paragraph(value: unknown, field: string): string | null {
  const text = optionalText(value, field, { max: 2000 });
  return text === null || text.trim() === '' ? null : text.trim();
}

/** A profile with nothing set, as a new business has. */
export const emptyBusinessProfile: Readonly<BusinessProfile> = Object.freeze({
  legalName: null,
  address: null,
  vatId: null,
  taxNumber: null,
  registrationNumber: null,
  contactEmail: null,
  contactPhone: null,
  bankAccount: null,
  paymentInstructions: null,
  paymentTermsDays: null,
  paymentTermsText: null,
  reverseChargeNote: null,
  taxExemptNote: null,
});
