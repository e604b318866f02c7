export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const rulesByLocale = new Map<string, Intl.PluralRules>();

/** The plural form Intl picks for `count` in this locale (Russian needs one/few/many). */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  const category = rules.select(count);
  return (category === 'one' || category === 'few' || category === 'many' ? forms[category] : undefined) ?? forms.other;
}

const countFormats = new Map<string, Intl.NumberFormat>();

/**
 * A count as the locale writes it: "1,240" (en), "1 240" (ru, a no-break space), "1.240" (de).
 * Every count a message shows goes through it.
 */
export function formatCount(locale: string, count: number): string {
  let format = countFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    countFormats.set(locale, format);
  }
  return format.format(count);
}
