/** The payment methods the server names, as each language's table writes them. */
export type PaymentMethodNames = Record<'card' | 'bank_transfer' | 'cash' | 'check' | 'stripe' | 'other', string>;

/** `method` in `names`; one the server added later reads as it is named (`direct_debit` → `Direct debit`). */
export function paymentMethodIn(names: PaymentMethodNames, method: string): string {
  const known = (names as Record<string, string | undefined>)[method];
  if (known) return known;
  const words = String(method).replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
