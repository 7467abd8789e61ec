const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/**
 * Picks the plural form of a language for `n` (Intl.PluralRules: Russian has
 * one/few/many, Arabic zero/one/two/few/many) and puts the number, written
 * the language's way, where the form has `#`.
 */
export function plural(locale: string, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return (forms[rule.select(n)] ?? forms.other).replace('#', count(locale, n));
}

/** A whole number written the language's way (Arabic-Indic digits in Arabic). */
export function count(locale: string, n: number): string {
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}
