import { formatLongDate, isoDateInZone } from "./dates.ts";
import { chartLanguage } from "./charts/language.ts";
import { languageScript, textDirection } from "./i18n/direction.ts";
import { translatorFor } from "./i18n/index.ts";
import { openGraphLocale } from "./i18n/locale.ts";
import { site } from "../site.config.ts";

/** The site's own words, numbers and plurals in the site's language. */
export const i18n = translatorFor(site.language);
export const words = i18n.words;
/** Charts' descriptions, data tables and tooltips in the site's language. */
export const chartWords = chartLanguage(site.language);
/** Which way the site's language runs, for `<html dir>` and for posts written in another language. */
export const direction = textDirection(site.language);
/** The site's language as Open Graph writes it (`de_DE`); worked out on every page, it cost 0.5 s at 10,000. */
export const ogLocale = openGraphLocale(site.language);
/** The feeds' names, which every page's head links. */
export const feedTitles = {
  rss: i18n.fill(words.feeds.rss, { site: site.title }),
  json: i18n.fill(words.feeds.json, { site: site.title }),
};
/** Whether the site's own language is written in Arabic script, whose face every page then preloads. */
export const writtenInArabic = languageScript(site.language) === "Arab";

/** Dates as readers see them: the author's calendar day, in the site's language. */
export const displayDate = (date: Date) => formatLongDate(date, site.timeZone, site.language);
export const machineDate = (date: Date) => isoDateInZone(date, site.timeZone);
export const readingTime = (minutes: number) => i18n.count(words.post.readingTime, minutes);
export const postCount = (count: number) => i18n.count(words.tags.posts, count);
