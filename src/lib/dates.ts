/**
 * Calendar arithmetic in the site's time zone. Authors write local dates
 * ("2026-02-14" means that day where the author lives), so every
 * conversion between what they wrote and an instant goes through here.
 */

import { memoize } from "./memoize.ts";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const partsFormatter = memoize(
  (timeZone: string) =>
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }),
);

/** Wall-clock fields of an instant as seen in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields["year"] ?? 0,
    month: fields["month"] ?? 0,
    day: fields["day"] ?? 0,
    hour: fields["hour"] ?? 0,
    minute: fields["minute"] ?? 0,
    second: fields["second"] ?? 0,
  };
}

function offsetMs(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the given wall-clock time occurs in `timeZone`. */
export function zonedTimeToInstant(
  wall: CalendarDate & { hour?: number; minute?: number; second?: number; millisecond?: number },
  timeZone: string,
): Date {
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
    wall.millisecond ?? 0,
  );
  const firstGuess = wallAsUtc - offsetMs(new Date(wallAsUtc), timeZone);
  // Near a daylight-saving change the offset at the guess can differ from
  // the offset at the wall time itself; one correction settles it.
  const corrected = wallAsUtc - offsetMs(new Date(firstGuess), timeZone);
  return new Date(corrected);
}

export type ParsedDate = { ok: true; date: Date; dateOnly: boolean } | { ok: false; reason: string };

/**
 * Parses what an author wrote: `YYYY-MM-DD` (midnight in the site's zone),
 * or an ISO date-time with or without an offset (without one, the site's zone).
 * Impossible dates are rejected rather than rolled over.
 */
export function parseAuthorDate(text: string, timeZone: string): ParsedDate {
  const value = text.trim();
  const dateOnly = DATE_ONLY.exec(value);
  const dateTime = dateOnly ? null : DATE_TIME.exec(value);
  const match = dateOnly ?? dateTime;
  if (!match) {
    return { ok: false, reason: `"${value}" is not a date; write one like 2026-02-14, or 2026-02-14T09:30:00Z with a time` };
  }
  const calendar = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!isRealDate(calendar)) {
    return { ok: false, reason: `"${value}" is not a real calendar date` };
  }
  if (dateOnly) {
    return { ok: true, date: zonedTimeToInstant(calendar, timeZone), dateOnly: true };
  }
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `"${value}" is not a real time of day` };
  }
  const millisecond = match[7] ? Math.round(Number(match[7]) * 1000) : 0;
  const zone = match[8];
  if (!zone) {
    return {
      ok: true,
      date: zonedTimeToInstant({ ...calendar, hour, minute, second, millisecond }, timeZone),
      dateOnly: false,
    };
  }
  const utc = Date.UTC(calendar.year, calendar.month - 1, calendar.day, hour, minute, second, millisecond);
  return { ok: true, date: new Date(utc - zoneOffsetMinutes(zone) * 60_000), dateOnly: false };
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone) ?? [];
  const total = Number(hours ?? 0) * 60 + Number(minutes ?? 0);
  return sign === "-" ? -total : total;
}

// A post's date is printed on every list it appears in; working out its calendar day once is enough.
const isoDates = new Map<string, string>();

/** `YYYY-MM-DD` of an instant in `timeZone`, for `<time datetime>` and sitemaps. */
export function isoDateInZone(instant: Date, timeZone: string): string {
  const key = `${timeZone}\0${instant.getTime()}`;
  let text = isoDates.get(key);
  if (text === undefined) {
    const { year, month, day } = zonedParts(instant, timeZone);
    text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    isoDates.set(key, text);
  }
  return text;
}

// Making a formatter costs far more than using one, and a post's date is printed on every list it appears in:
// one formatter per language and zone, and each date's text worked out once.
const longDateFormatters = new Map<string, Intl.DateTimeFormat>();
const longDates = new Map<string, string>();

export function formatLongDate(instant: Date, timeZone: string, locale: string): string {
  const key = `${locale}\0${timeZone}`;
  const dateKey = `${key}\0${instant.getTime()}`;
  const known = longDates.get(dateKey);
  if (known !== undefined) return known;
  let formatter = longDateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, year: "numeric", month: "long", day: "numeric" });
    longDateFormatters.set(key, formatter);
  }
  const text = formatter.format(instant);
  longDates.set(dateKey, text);
  return text;
}

export function yearInZone(instant: Date, timeZone: string): number {
  return zonedParts(instant, timeZone).year;
}
