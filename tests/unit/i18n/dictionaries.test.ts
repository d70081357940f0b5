import { describe, expect, it } from "vitest";
import { formatLongDate } from "../../../src/lib/dates.ts";
import { de } from "../../../src/lib/i18n/de.ts";
import { en } from "../../../src/lib/i18n/en.ts";
import { DICTIONARIES, type Dictionary, dictionaryFor, LANGUAGES, translatorFor } from "../../../src/lib/i18n/index.ts";
import { openGraphLocale } from "../../../src/lib/i18n/locale.ts";
import { isPlural } from "../../../src/lib/i18n/plural.ts";
import { around } from "../../../src/lib/i18n/translator.ts";

const { skipLink: _, ...withoutSkipLink } = en;
// @ts-expect-error A language missing a key is not a Dictionary: `astro check` fails on it.
const incomplete: Dictionary = withoutSkipLink;

/** Every template of a dictionary by its dotted key, plural forms included. */
function templates(words: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(words as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else if (isPlural(value)) for (const [form, text] of Object.entries(value)) found.set(`${path}.${form}`, text as string);
    else for (const [inner, text] of templates(value, path)) found.set(inner, text);
  }
  return found;
}

/** The whole numbers up to 1,000 that take plural `form` in `language`. */
const numbersOf = (language: string, form: string) => {
  const rules = new Intl.PluralRules(language);
  return Array.from({ length: 1001 }, (_, n) => n).filter((n) => rules.select(n) === form);
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("dictionaries", () => {
  it("ships English, German, French, Spanish and Arabic", () => {
    expect(LANGUAGES).toEqual(["en", "de", "fr", "es", "ar"]);
    expect(Object.keys(incomplete)).not.toContain("skipLink");
  });

  it.each(LANGUAGES)("%s fills the same places as English in every template", (language) => {
    const english = templates(en);
    const own = templates(DICTIONARIES[language as keyof typeof DICTIONARIES]);
    for (const [key, text] of own) {
      const base = key.replace(/\.(zero|one|two|few|many|other)$/, ".other");
      const expected = placeholders(english.get(base) ?? english.get(key) ?? "");
      // A form for one number alone may say it in words (Arabic "تدوينتان", two posts); any other needs its {count}.
      const form = key.match(/\.(zero|one|two|few|many)$/)?.[1];
      const saysItsNumber = form !== undefined && numbersOf(language, form).length === 1;
      expect(placeholders(text), `${language} ${key}`).toEqual(
        saysItsNumber ? expected.filter((name) => name !== "count" || text.includes("{count}")) : expected,
      );
      expect(text.trim(), `${language} ${key}`).not.toBe("");
    }
  });

  it("falls back from a regional tag to its language", () => {
    expect(dictionaryFor("en-GB")).toBe(en);
    expect(dictionaryFor("de-AT")).toBe(de);
    expect(dictionaryFor("nl")).toBeUndefined();
  });

  it("names the languages it has when asked for one it has not", () => {
    expect(() => translatorFor("nl")).toThrow('No dictionary for "nl"; available: en, de, fr, es, ar');
  });
});

describe.each([
  ["en", "Contents", "1 min read", "5 min read", "3 posts", "1,234 posts", "February 14, 2026"],
  ["en-GB", "Contents", "1 min read", "5 min read", "3 posts", "1,234 posts", "14 February 2026"],
  ["de", "Inhalt", "1 Minute Lesezeit", "5 Minuten Lesezeit", "3 Beiträge", "1.234 Beiträge", "14. Februar 2026"],
  ["fr", "Sommaire", "1 min de lecture", "5 min de lecture", "3 articles", "1 234 articles", "14 février 2026"],
  ["es", "Contenido", "1 min de lectura", "5 min de lectura", "3 artículos", "1234 artículos", "14 de febrero de 2026"],
  ["ar", "المحتويات", "دقيقة واحدة للقراءة", "5 دقائق للقراءة", "3 تدوينات", "1,234 تدوينة", "14 فبراير 2026"],
])("%s", (language, contents, oneMinute, fiveMinutes, threePosts, manyPosts, date) => {
  const i18n = translatorFor(language);

  it("labels", () => {
    expect(i18n.words.post.contents).toBe(contents);
  });

  it("plurals and numbers", () => {
    expect(i18n.count(i18n.words.post.readingTime, 1)).toBe(oneMinute);
    expect(i18n.count(i18n.words.post.readingTime, 5)).toBe(fiveMinutes);
    expect(i18n.count(i18n.words.tags.posts, 3)).toBe(threePosts);
    // French writes thousands with a narrow no-break space.
    expect(i18n.count(i18n.words.tags.posts, 1234).replace(/\u202f/g, " ")).toBe(manyPosts);
  });

  it("dates on the author's calendar day in the site's time zone", () => {
    // 02:00 UTC on the 15th is still the 14th in New York.
    expect(formatLongDate(new Date("2026-02-15T02:00:00Z"), "America/New_York", language)).toBe(date);
  });
});

describe("Arabic", () => {
  const i18n = translatorFor("ar");

  it.each([
    [0, "zero", "لا تدوينات", "أقل من دقيقة للقراءة"],
    [1, "one", "تدوينة واحدة", "دقيقة واحدة للقراءة"],
    [2, "two", "تدوينتان", "دقيقتان للقراءة"],
    [3, "few", "3 تدوينات", "3 دقائق للقراءة"],
    [10, "few", "10 تدوينات", "10 دقائق للقراءة"],
    [11, "many", "11 تدوينة", "11 دقيقة للقراءة"],
    [99, "many", "99 تدوينة", "99 دقيقة للقراءة"],
    [100, "other", "100 تدوينة", "100 دقيقة للقراءة"],
    [103, "few", "103 تدوينات", "103 دقائق للقراءة"],
  ])("%i takes the %s form", (count, form, posts, minutes) => {
    expect(new Intl.PluralRules("ar").select(count)).toBe(form);
    expect(i18n.count(i18n.words.tags.posts, count)).toBe(posts);
    expect(i18n.count(i18n.words.post.readingTime, count)).toBe(minutes);
  });

  it("has a form for each of the language's six plural categories", () => {
    const categories = new Intl.PluralRules("ar").resolvedOptions().pluralCategories;
    expect([...categories].sort()).toEqual(["few", "many", "one", "other", "two", "zero"]);
    expect(Object.keys(i18n.words.tags.posts).sort()).toEqual([...categories].sort());
    expect(Object.keys(i18n.words.post.readingTime).sort()).toEqual([...categories].sort());
    expect(Object.keys(i18n.words.search.results).sort()).toEqual([...categories].sort());
  });

  it("keeps a Latin tag or query in its own direction inside the Arabic", () => {
    expect(i18n.fill(i18n.words.tags.tagged, { tag: "astro" })).toBe("تدوينات الوسم \u2068#astro\u2069");
    expect(i18n.count(i18n.words.search.results, 2, { query: "C++" })).toBe("تدوينتان تطابقان «\u2068C++\u2069».");
  });
});

describe("around", () => {
  it("splits a template at a placeholder for markup in between", () => {
    expect(around(de.post.updated, "date")).toEqual(["Aktualisiert am ", ""]);
    expect(around("no place", "date")).toEqual(["no place", ""]);
  });
});

describe("openGraphLocale", () => {
  it.each([
    ["en", "en_US"],
    ["en-GB", "en_GB"],
    ["de", "de_DE"],
    ["fr", "fr_FR"],
    ["es", "es_ES"],
    ["ar", "ar_EG"],
    ["he", "he_IL"],
  ])("%s is %s", (tag, expected) => {
    expect(openGraphLocale(tag)).toBe(expected);
  });
});
