/**
 * ISO 4217 minor units that are not 2 (ISO 4217, amendment 178). Intl's own
 * data is not used because it differs from ISO for some codes (it gives IQD
 * 0 decimals; ISO says 3). Kept apart from the full code list so a browser
 * bundle that only formats money carries these few lines.
 */
export const minorDigitsOtherThanTwo: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Digits after the decimal point of a currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD); 2 for a code it does not know. */
export function minorDigits(currency: string): number {
  return Object.hasOwn(minorDigitsOtherThanTwo, currency) ? minorDigitsOtherThanTwo[currency]! : 2;
}
