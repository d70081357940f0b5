import { ar } from "./ar.ts";
import { de } from "./de.ts";
import type { Dictionary } from "./dictionary.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { memoize } from "../memoize.ts";
import { createTranslator, type Translator } from "./translator.ts";

export type { Dictionary } from "./dictionary.ts";
export { around, type Translator } from "./translator.ts";

/** Every language the site can speak, by its BCP 47 language subtag. A new one is one file and one line here. */
export const DICTIONARIES = { en, de, fr, es, ar } satisfies Record<string, Dictionary>;

export const LANGUAGES = Object.keys(DICTIONARIES);

/** The dictionary for a language tag: the tag itself, else its language alone (`en-GB` speaks `en`). */
export function dictionaryFor(tag: string): Dictionary | undefined {
  const dictionaries: Record<string, Dictionary> = DICTIONARIES;
  try {
    return dictionaries[tag] ?? dictionaries[new Intl.Locale(tag).language];
  } catch {
    return undefined;
  }
}

/** One translator per language for the whole build: the config, the pages and the redirect pages share it. */
export const translatorFor: (tag: string) => Translator = memoize((tag) => {
  const words = dictionaryFor(tag);
  if (!words) throw new Error(`No dictionary for "${tag}"; available: ${LANGUAGES.join(", ")}`);
  return createTranslator(tag, words);
});
