import { minorDigitsOtherThanTwo } from './currency-digits.js';

/** Active ISO 4217 codes whose minor unit has 2 decimals (amendment 178); the others are in `minorDigitsOtherThanTwo`. */
const twoDecimalCodes = `
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL
BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP
DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR
ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD
MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN
PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP
STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES
WST XCD XCG YER ZAR ZMW ZWG
`;

const exponents: ReadonlyMap<string, number> = new Map([
  ...twoDecimalCodes.trim().split(/\s+/).map((code): [string, number] => [code, 2]),
  ...Object.entries(minorDigitsOtherThanTwo),
]);

/** Number of decimal places of the currency's minor unit, or undefined if the code is not an active ISO 4217 code. */
export function minorUnitExponent(currency: string): number | undefined {
  return exponents.get(currency);
}

export function isKnownCurrency(currency: string): boolean {
  return exponents.has(currency);
}

export function knownCurrencies(): string[] {
  return [...exponents.keys()].sort();
}
