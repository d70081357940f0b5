import { formatLongDate, isoDateInZone } from "./dates.ts";
import { site } from "../site.config.ts";

/** Dates as readers see them: the author's calendar day, in the site's language. */
export const displayDate = (date: Date) => formatLongDate(date, site.timeZone, site.language);
export const machineDate = (date: Date) => isoDateInZone(date, site.timeZone);
