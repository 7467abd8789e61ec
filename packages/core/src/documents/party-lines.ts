import type { InvoiceBuyer, InvoiceSeller } from '../invoices/invoice-parties.js';
import { formatIban, type BankAccount, type PostalAddress } from '../parties/party-fields.js';
import type { Locale } from '../shared/locales.js';
import type { PartyStrings } from './party-strings.js';

/**
 * Seller, buyer and bank details as lines of plain text, in the order an
 * invoice prints them; shared by the PDF and the emails so they say the same.
 */

const regionNames = new Map<Locale, Intl.DisplayNames>();

/** The country's name in the locale's language (`IT` → `Italien` in German). */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

/** An address as printed: street lines, postal code, city and region, country. */
export function addressLines(address: PostalAddress | null, locale: Locale): string[] {
  if (!address) return [];
  const place = [address.postalCode, address.city, address.region].filter(Boolean).join(' ');
  return [...address.lines, place, countryName(address.countryCode, locale)];
}

/** Under the seller's name, compactly: legal name, the address on one line, tax identifiers, contact. */
export function sellerLines(seller: InvoiceSeller, strings: PartyStrings, locale: Locale): string[] {
  const joined = (parts: Array<string | false | null>) => parts.filter((part): part is string => Boolean(part)).join(' · ');
  return [
    seller.legalName && seller.legalName !== seller.name ? seller.legalName : '',
    addressLines(seller.address, locale).join(', '),
    joined([seller.vatId && `${strings.vatId}: ${seller.vatId}`, seller.taxNumber && `${strings.taxNumber}: ${seller.taxNumber}`]),
    seller.registrationNumber ? `${strings.registrationNumber}: ${seller.registrationNumber}` : '',
    joined([seller.contactEmail && `${strings.email}: ${seller.contactEmail}`, seller.contactPhone && `${strings.phone}: ${seller.contactPhone}`]),
  ].filter((line) => line !== '');
}

/** Under the buyer's name: address and tax identifiers. */
export function buyerLines(buyer: InvoiceBuyer, strings: PartyStrings, locale: Locale): string[] {
  return [
    ...addressLines(buyer.address, locale),
    ...(buyer.vatId ? [`${strings.vatId}: ${buyer.vatId}`] : []),
    ...(buyer.taxNumber ? [`${strings.taxNumber}: ${buyer.taxNumber}`] : []),
  ];
}

/** Bank details as label–value pairs, the invoice number as the transfer's reference. */
export function bankRows(account: BankAccount, reference: string | null, strings: PartyStrings): Array<[string, string]> {
  const rows: Array<[string, string]> = [[strings.accountHolder, account.accountHolder]];
  if (account.iban) rows.push(['IBAN', formatIban(account.iban)]);
  if (account.bic) rows.push(['BIC', account.bic]);
  if (account.accountNumber) rows.push([strings.accountNumber, account.accountNumber]);
  if (account.routingNumber) rows.push([strings.routingNumber, account.routingNumber]);
  if (account.bankName) rows.push([strings.bank, account.bankName]);
  if (reference) rows.push([strings.reference, reference]);
  return rows;
}

/** The seller in one line, for a page footer: legal name, address, VAT ID. */
export function sellerFooter(seller: InvoiceSeller, strings: PartyStrings, locale: Locale): string {
  const address = seller.address ? [...seller.address.lines, [seller.address.postalCode, seller.address.city].filter(Boolean).join(' '), countryName(seller.address.countryCode, locale)] : [];
  return [seller.legalName ?? seller.name, ...address, ...(seller.vatId ? [`${strings.vatId} ${seller.vatId}`] : [])].join(' · ');
}
