import { z } from "astro/zod";
import { type FieldWording, shown, wrongValue } from "../schema/wording.ts";

/**
 * Open Graph's `og:locale` is `language_TERRITORY` (`de_DE`, `en_US`); a tag
 * without a region gets the region its language most likely means.
 */
export function openGraphLocale(tag: string): string {
  const locale = new Intl.Locale(tag).maximize();
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}

/** A BCP 47 language tag as settings and frontmatter take it: `en`, `en-GB`, `zh-Hant`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function isLanguageTag(tag: string): boolean {
  if (!LANGUAGE_TAG.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A language tag in settings or frontmatter, its errors in the same voice as every other field's. */
export function languageTag({ field, example }: FieldWording) {
  return z
    .string({ error: (issue) => wrongValue(issue.input, "write a BCP 47 language tag", `${field}: ${example}`) })
    .trim()
    .refine(isLanguageTag, {
      error: (issue) => `${shown(issue.input)} is not a BCP 47 language tag; write one like ${field}: ${example}`,
      abort: true,
    });
}
