import type { Dictionary } from "./dictionary.ts";
import type { Plural } from "./plural.ts";

export type Values = Record<string, string | number>;

/**
 * Words, numbers and plurals in one language. Numbers in `values` are
 * written with the language's digits and separators.
 */
export interface Translator {
  readonly locale: string;
  readonly words: Dictionary;
  /** `template` with each `{name}` replaced by its value. */
  fill(template: string, values?: Values): string;
  /** The form of `forms` that goes with `count`, filled with `{count}` and `values`. */
  count(forms: Plural, count: number, values?: Values): string;
  number(value: number): string;
}

/** The text before and after `{name}` in `template`, for markup that goes in between. */
export function around(template: string, name: string): [before: string, after: string] {
  const at = template.indexOf(`{${name}}`);
  if (at < 0) return [template, ""];
  return [template.slice(0, at), template.slice(at + name.length + 2)];
}

/** Each `{name}` in `template` replaced by its value, numbers written by `numbers`. */
function fillWith(numbers: Intl.NumberFormat, template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) return placeholder;
    return typeof value === "number" ? numbers.format(value) : value;
  });
}

/** `template` filled in `locale`; small enough for client scripts, which get their words serialized. */
export function fillIn(locale: string, template: string, values: Values = {}): string {
  return fillWith(new Intl.NumberFormat(locale), template, values);
}

export function countIn(locale: string, forms: Plural, count: number, values: Values = {}): string {
  return fillIn(locale, forms[new Intl.PluralRules(locale).select(count)] ?? forms.other, { ...values, count });
}

/** A translator makes its number and plural formatters once: the build fills thousands of templates. */
export function createTranslator(locale: string, words: Dictionary): Translator {
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  return {
    locale,
    words,
    fill: (template, values = {}) => fillWith(numbers, template, values),
    count: (forms, count, values = {}) => fillWith(numbers, forms[plurals.select(count)] ?? forms.other, { ...values, count }),
    number: (value) => numbers.format(value),
  };
}
