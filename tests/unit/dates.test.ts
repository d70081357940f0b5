import { describe, expect, it } from "vitest";
import { isoDateInZone, parseAuthorDate, zonedTimeToInstant } from "../../src/lib/dates.ts";

const NY = "America/New_York";

describe("parseAuthorDate", () => {
  it("reads a date-only value as midnight in the site's zone", () => {
    expect(parseAuthorDate("2026-02-14", NY)).toEqual({ ok: true, date: new Date("2026-02-14T05:00:00Z"), dateOnly: true });
    expect(parseAuthorDate("2026-07-04", NY)).toMatchObject({ date: new Date("2026-07-04T04:00:00Z") });
    expect(parseAuthorDate("2026-02-14", "UTC")).toMatchObject({ date: new Date("2026-02-14T00:00:00Z") });
  });

  it("honours an explicit offset and reads a bare time in the site's zone", () => {
    expect(parseAuthorDate("2026-02-14T09:30:00Z", NY)).toMatchObject({ date: new Date("2026-02-14T09:30:00Z") });
    expect(parseAuthorDate("2026-02-14T09:30:00+02:00", NY)).toMatchObject({ date: new Date("2026-02-14T07:30:00Z") });
    expect(parseAuthorDate("2026-02-14 09:30", NY)).toMatchObject({ date: new Date("2026-02-14T14:30:00Z") });
  });

  it.each(["2026-02-30", "2026-13-45", "2025-02-29", "2026-04-31", "2026-00-10"])("rejects the impossible date %s", (text) => {
    expect(parseAuthorDate(text, NY)).toMatchObject({ ok: false, reason: expect.stringContaining("not a real calendar date") });
  });

  it("accepts 29 February in a leap year", () => {
    expect(parseAuthorDate("2024-02-29", NY).ok).toBe(true);
  });

  it.each(["2026-02-14T25:00", "2026-02-14T10:61"])("rejects the impossible time %s", (text) => {
    expect(parseAuthorDate(text, NY)).toMatchObject({ ok: false, reason: expect.stringContaining("not a real time") });
  });

  it.each(["14/02/2026", "yesterday", "2026-2-14", ""])("rejects the unreadable %j", (text) => {
    expect(parseAuthorDate(text, NY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("is not a date; write one like 2026-02-14"),
    });
  });
});

describe("zoned conversions", () => {
  it("finds the right instant across a daylight-saving change", () => {
    // 8 March 2026: clocks in New York jump from 02:00 to 03:00.
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 8, hour: 12 }, NY)).toEqual(new Date("2026-03-08T16:00:00Z"));
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 8 }, NY)).toEqual(new Date("2026-03-08T05:00:00Z"));
  });

  it("gives the calendar day in the site's zone, not in UTC", () => {
    expect(isoDateInZone(new Date("2026-02-15T03:00:00Z"), NY)).toBe("2026-02-14");
    expect(isoDateInZone(new Date("2026-02-15T03:00:00Z"), "Asia/Tokyo")).toBe("2026-02-15");
  });
});
