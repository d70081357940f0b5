import { memoize } from "../memoize.ts";

export type TextDirection = "ltr" | "rtl";

/**
 * The living scripts written right to left, by ISO 15924 code: Adlam, Arabic, Hebrew, Mandaic, N’Ko,
 * Hanifi Rohingya, Samaritan, Syriac, Thaana and Yezidi. Used where the engine's `Intl.Locale` cannot
 * say a language's direction itself (Firefox has no `getTextInfo`).
 */
const RIGHT_TO_LEFT_SCRIPTS: ReadonlySet<string> = new Set([
  "Adlm",
  "Arab",
  "Hebr",
  "Mand",
  "Nkoo",
  "Rohg",
  "Samr",
  "Syrc",
  "Thaa",
  "Yezi",
]);

/** The ISO 15924 script a language is written in: the tag's own, else its likeliest (`ar` is `Arab`, `ru` is `Cyrl`). */
export function languageScript(tag: string): string | undefined {
  return new Intl.Locale(tag).maximize().script;
}

/** The direction of a language's script. */
export function scriptDirection(tag: string): TextDirection {
  const script = languageScript(tag);
  return script !== undefined && RIGHT_TO_LEFT_SCRIPTS.has(script) ? "rtl" : "ltr";
}

/** Engines before `getTextInfo()` had the same answer as a `textInfo` property. */
type LocaleWithTextInfo = Intl.Locale & { textInfo?: Intl.TextInfo };

/**
 * Which way a language is written: `rtl` for `ar`, `he`, `fa` or `ur`, `ltr` for `en`, `az-Latn` or `zh`.
 * Remembered per tag, since lists ask it of every post that has its own `lang`.
 */
export const textDirection: (tag: string) => TextDirection = memoize((tag) => {
  const locale: LocaleWithTextInfo = new Intl.Locale(tag);
  const info = typeof locale.getTextInfo === "function" ? locale.getTextInfo() : locale.textInfo;
  return info?.direction ?? scriptDirection(tag);
});

/**
 * The `dir` an element in language `lang` needs inside text running `around`: none when it runs the
 * same way (it inherits), so only a Hebrew post on an English site or an English one on an Arabic site
 * gets one.
 */
export function directionWithin(lang: string | undefined, around: TextDirection): TextDirection | undefined {
  if (lang === undefined) return undefined;
  const own = textDirection(lang);
  return own === around ? undefined : own;
}
