import type { Dictionary } from "../i18n/dictionary.ts";
import { countIn, fillIn } from "../i18n/translator.ts";
import type { PagefindFragment } from "./pagefind-api.ts";

/** What the search script says, in the site's language; the page serializes it for the script. */
export type SearchWords = Pick<Dictionary["search"], "noResults" | "results" | "failed" | "couldNotLoad">;

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface SearchResult {
  url: string;
  title: string;
  excerpt: ExcerptPart[];
  date?: { datetime: string; text: string };
  /** The post's own language, when it is not the site's. */
  lang?: string;
}

const MARK = /<mark>([\s\S]*?)<\/mark>/g;

// Pagefind escapes only these two when it builds an excerpt; decoding more would corrupt text such as "&amp;" written in a post.
const unescapeExcerpt = (text: string) => text.replaceAll("&lt;", "<").replaceAll("&gt;", ">");

/** An excerpt as plain text runs, so it can be rendered without `innerHTML`. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (raw: string, marked: boolean) => {
    if (raw) parts.push({ text: unescapeExcerpt(raw), marked });
  };
  let last = 0;
  for (const match of excerpt.matchAll(MARK)) {
    push(excerpt.slice(last, match.index), false);
    push(match[1] ?? "", true);
    last = match.index + match[0].length;
  }
  push(excerpt.slice(last), false);
  return parts;
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Posts record their day in the site's time zone as `YYYY-MM-DD`; showing
 * it as that same calendar day means formatting it in UTC, not the reader's zone.
 */
export function resultDate(value: string | undefined, locale: string): SearchResult["date"] {
  if (!value) return undefined;
  const [, year = 0, month = 0, day = 0] = CALENDAR_DAY.exec(value)?.map(Number) ?? [];
  const instant = new Date(Date.UTC(year, month - 1, day));
  if (!year || instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) return undefined;
  const text = new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(
    instant,
  );
  return { datetime: value, text };
}

export function toSearchResult(fragment: PagefindFragment, locale: string): SearchResult {
  const date = resultDate(fragment.meta["date"], locale);
  return {
    url: fragment.url,
    title: fragment.meta["title"]?.trim() || fragment.url,
    excerpt: excerptParts(fragment.excerpt),
    ...(date ? { date } : {}),
    ...(fragment.meta["lang"] ? { lang: fragment.meta["lang"] } : {}),
  };
}

/** What the live region says after a search; it is the only feedback a screen reader gets. */
export function resultsMessage(count: number, query: string, words: SearchWords, locale: string): string {
  if (count === 0) return fillIn(locale, words.noResults, { query });
  return countIn(locale, words.results, count, { query });
}
