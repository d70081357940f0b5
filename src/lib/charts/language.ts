import { type Dictionary, translatorFor, type Translator } from "../i18n/index.ts";
import { isYearLike } from "./axes.ts";
import type { PreparedData } from "./data.ts";

/** A chart's words and number formats in one language: its description, data table and tooltips. */
export interface ChartLanguage extends Pick<Translator, "fill" | "count"> {
  readonly words: Dictionary["chart"];
  /** Full precision, unlike the rounded tick labels: `1,234.5` in English, `1.234,5` in German. */
  value(value: number): string;
  /** x values as readers know them: category labels verbatim, dates as ISO days, years without separators. */
  x(prepared: PreparedData, value: number | string): string;
  /** `a, b and c` in the language's own way. */
  list(items: readonly string[]): string;
}

export function chartLanguage(locale: string): ChartLanguage {
  const { words, fill, count } = translatorFor(locale);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const lists = new Intl.ListFormat(locale, { type: "conjunction" });
  const value = (number: number) => numbers.format(number);
  return {
    words: words.chart,
    fill,
    count,
    value,
    x: (prepared, x) => {
      if (typeof x === "string") return x;
      if (prepared.xType === "date") return new Date(x).toISOString().slice(0, 10);
      return isYearLike([x]) ? String(x) : value(x);
    },
    list: (items) => lists.format(items),
  };
}

/** The language charts speak when the caller names none (unit tests, custom embeds). */
export const ENGLISH_CHARTS = chartLanguage("en");
