import { electronicFormatIBAN, friendlyFormatIBAN, getCountrySpecifications, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { PorticoError } from '../shared/errors.js';
import { optionalText } from '../shared/validate.js';

/**
 * The fields that make an invoice lawful, checked once here for businesses and
 * clients alike: postal addresses, VAT identifiers and bank accounts.
 * IBANs, BICs and the list of countries come from `ibantools` (maintained,
 * with every country's IBAN length and BBAN shape, which a bare mod-97 check
 * would miss); VAT identifier shapes are the EU's VIES formats, written here
 * because no maintained library covers them without pulling in a network
 * client.
 */

/** A postal address (EN 16931 BG-5 / BG-8). */
export interface PostalAddress {
  /** Street and number, then any further lines; one to three. */
  lines: string[];
  postalCode: string | null;
  city: string;
  /** State, province or region (BT-39 / BT-54), where the country uses one. */
  region: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string;
}

/** Where a client pays by transfer. Either an IBAN, or a local account number (with a routing number where the country uses one). */
export interface BankAccount {
  accountHolder: string;
  bankName: string | null;
  /** Electronic format (no spaces, upper case); shown grouped by four. */
  iban: string | null;
  bic: string | null;
  accountNumber: string | null;
  /** ABA routing number, sort code, BSB, ... */
  routingNumber: string | null;
}

/** An address as a caller writes it: `lines`, `city` and `countryCode` are required. */
export type PostalAddressInput = Pick<PostalAddress, 'lines' | 'city' | 'countryCode'> & { postalCode?: string | null; region?: string | null };

/** A bank account as a caller writes it: `accountHolder`, and an `iban` or an `accountNumber`. */
export type BankAccountInput = Pick<BankAccount, 'accountHolder'> & { [K in Exclude<keyof BankAccount, 'accountHolder'>]?: string | null };

const countries = new Set(Object.keys(getCountrySpecifications()));

/** An ISO 3166-1 alpha-2 country code, upper-cased (`de` → `DE`). */
export function requireCountryCode(value: unknown, field: string): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (/^[A-Z]{2}$/.test(code) && countries.has(code)) return code;
  throw new PorticoError('invalid_country', `${field} must be an ISO 3166-1 alpha-2 country code such as DE or IT.`, { field });
}

function addressText(value: unknown, field: string, max: number): string | null {
  const text = optionalText(value, field, { max });
  if (text === null) return null;
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new PorticoError('invalid_input', `${field} must be one line of text.`, { field });
  }
  return text.trim() === '' ? null : text.trim();
}

/** A postal address, or null to clear it. */
export function optionalPostalAddress(value: unknown, field: string): PostalAddress | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PorticoError('invalid_input', `${field} must be an address object { lines, postalCode, city, region, countryCode }, or null.`, { field });
  }
  const input = value as Record<string, unknown>;
  const rawLines = input.lines;
  if (!Array.isArray(rawLines) || rawLines.length === 0 || rawLines.length > 3) {
    throw new PorticoError('invalid_input', `${field}.lines must be one to three lines of text (street and number first).`, { field: `${field}.lines` });
  }
  const lines = rawLines.map((line, index) => addressText(line, `${field}.lines.${index}`, 200)).filter((line): line is string => line !== null);
  if (lines.length === 0) {
    throw new PorticoError('invalid_input', `${field}.lines needs at least the street line.`, { field: `${field}.lines` });
  }
  const city = addressText(input.city, `${field}.city`, 100);
  if (city === null) throw new PorticoError('invalid_input', `${field}.city is required.`, { field: `${field}.city` });
  return {
    lines,
    postalCode: addressText(input.postalCode, `${field}.postalCode`, 20),
    city,
    region: addressText(input.region, `${field}.region`, 100),
    countryCode: requireCountryCode(input.countryCode, `${field}.countryCode`),
  };
}

/**
 * VAT identifier shapes after the country prefix, per the EU's VIES (with
 * Greece as `EL` and Northern Ireland as `XI`), plus the UK, Switzerland and
 * Norway. A prefix not listed here needs 2 to 18 letters and digits.
 */
const vatShapes: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  GB: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  CH: /^E\d{9}(MWST|TVA|IVA)?$/,
  NO: /^\d{9}(MVA)?$/,
};

/**
 * A VAT identifier with its country prefix (EN 16931 BT-31 / BT-48), in the
 * compact form (`de 123 456 789` → `DE123456789`), or null to clear it.
 */
export function optionalVatId(value: unknown, field: string): string | null {
  const text = optionalText(value, field, { max: 40 });
  if (text === null || text.trim() === '') return null;
  const compact = text.toUpperCase().replace(/[\s.\-]/g, '');
  const prefix = compact.slice(0, 2);
  const rest = compact.slice(2);
  const known = prefix === 'EL' || prefix === 'XI' || countries.has(prefix);
  const shape = vatShapes[prefix];
  if (!/^[A-Z]{2}/.test(prefix) || !known) {
    throw new PorticoError('invalid_vat_id', `${field} must start with its country prefix, like DE123456789 or IT12345678901.`, { field });
  }
  if (shape ? !shape.test(rest) : !/^[A-Z0-9]{2,18}$/.test(rest)) {
    throw new PorticoError('invalid_vat_id', `${field} (${compact}) is not shaped like a ${prefix} VAT identifier.`, { field });
  }
  return compact;
}

/** A local tax registration number (BT-32, such as a German Steuernummer), or null. */
export function optionalTaxNumber(value: unknown, field: string): string | null {
  const text = optionalText(value, field, { max: 40 });
  if (text === null || text.trim() === '') return null;
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u.test(text.trim())) {
    throw new PorticoError('invalid_input', `${field} may hold only letters, digits, spaces, dots, dashes and slashes.`, { field });
  }
  return text.trim();
}

const ibanErrors: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: 'its country has no IBANs',
  [ValidationErrorsIBAN.WrongBBANLength]: 'it has the wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'its account part is not shaped as its country requires',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'its check digits are not digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'its check digits do not match (mod 97): look for a typing error',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'its national check digits do not match: look for a typing error',
};

/** An IBAN in electronic format (`de89 3704 …` → `DE8937…`). */
export function requireIban(value: unknown, field: string): string {
  const compact = typeof value === 'string' ? electronicFormatIBAN(value) : null;
  if (!compact) throw new PorticoError('invalid_iban', `${field} must be an IBAN such as DE89 3704 0044 0532 0130 00.`, { field });
  const result = validateIBAN(compact);
  if (!result.valid) {
    const why = result.errorCodes.map((code) => ibanErrors[code]).find((reason) => reason !== undefined) ?? 'it is not a valid IBAN';
    throw new PorticoError('invalid_iban', `${field} (${friendlyFormatIBAN(compact)}) is not a valid IBAN: ${why}.`, { field });
  }
  return compact;
}

/** A bank account for transfers, or null to clear it. */
export function optionalBankAccount(value: unknown, field: string): BankAccount | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PorticoError('invalid_input', `${field} must be a bank account object { accountHolder, iban, bic, accountNumber, routingNumber, bankName }, or null.`, { field });
  }
  const input = value as Record<string, unknown>;
  const accountHolder = addressText(input.accountHolder, `${field}.accountHolder`, 200);
  if (accountHolder === null) throw new PorticoError('invalid_input', `${field}.accountHolder is required.`, { field: `${field}.accountHolder` });
  const iban = input.iban == null || input.iban === '' ? null : requireIban(input.iban, `${field}.iban`);
  let bic: string | null = null;
  if (input.bic != null && input.bic !== '') {
    const compact = typeof input.bic === 'string' ? input.bic.replace(/\s/g, '').toUpperCase() : '';
    if (!isValidBIC(compact)) {
      throw new PorticoError('invalid_bic', `${field}.bic must be a BIC (SWIFT code) of 8 or 11 characters, such as COBADEFFXXX.`, { field: `${field}.bic` });
    }
    bic = compact;
  }
  const accountNumber = accountText(input.accountNumber, `${field}.accountNumber`);
  const routingNumber = accountText(input.routingNumber, `${field}.routingNumber`);
  if (iban === null && accountNumber === null) {
    throw new PorticoError('invalid_input', `${field} needs an iban or an accountNumber.`, { field: `${field}.iban` });
  }
  return { accountHolder, bankName: addressText(input.bankName, `${field}.bankName`, 200), iban, bic, accountNumber, routingNumber };
}

function accountText(value: unknown, field: string): string | null {
  const text = addressText(value, field, 40);
  if (text !== null && !/^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(text)) {
    throw new PorticoError('invalid_input', `${field} may hold only letters, digits, spaces and dashes.`, { field });
  }
  return text;
}

/** An IBAN grouped by four for reading (`DE89 3704 0044 0532 0130 00`). */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}
