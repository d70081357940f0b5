import { describe, expect, it } from "vitest";
import { findMojibake, repairMojibake } from "../../../src/lib/content-lint/mojibake.ts";

describe("findMojibake", () => {
  it.each([
    ["â€”", "—"],
    ["â€™", "’"],
    ["â€œ", "“"],
    ["Ã©", "é"],
    ["Ã¼", "ü"],
    ["Ã±", "ñ"],
    ["â€¦", "…"],
    ["Â°", "°"],
    ["â„¢", "™"],
    ["ðŸ˜€", "😀"],
    ["æ—¥æœ¬èªž", "日本語"],
  ])("decodes %s back to %s", (broken, intended) => {
    const [hit, ...rest] = findMojibake(`before ${broken} after`);
    expect(rest).toEqual([]);
    expect(hit).toEqual({ start: 7, end: 7 + broken.length, text: broken, intended });
  });

  it("handles text decoded as plain Latin-1 (C1 control characters) as well as Windows-1252", () => {
    expect(findMojibake("a \u00e2\u0080\u0094 b")[0]?.intended).toBe("—");
    // 0x9D is unassigned in Windows-1252, so a right double quote decodes to â€ plus U+009D.
    expect(findMojibake("â€œquotedâ€\u009d")).toMatchObject([{ intended: "“" }, { intended: "”" }]);
  });

  it("undoes several layers of double encoding in one go", () => {
    expect(findMojibake("dash: Ã¢â‚¬â€œ!")).toEqual([{ start: 6, end: 14, text: "Ã¢â‚¬â€œ", intended: "–" }]);
    expect(repairMojibake("donâ€™t cafÃ©")).toBe("don’t café");
  });

  it("reports each separate occurrence with its own position", () => {
    expect(findMojibake("donâ€™t and cafÃ©").map((hit) => [hit.start, hit.intended])).toEqual([
      [3, "’"],
      [15, "é"],
    ]);
  });

  it.each([
    "Plain ASCII text -- with dashes...",
    "Correct UTF-8: café, naïve, Zürich, “quotes”, — and – and …",
    "CAFÉ—an all-caps word before an em dash",
    "MÜ” and STRAß’s",
    "¿Qué? ¡Sí! 10 × 20 ½",
    "日本語 and emoji 😀",
  ])("leaves correct text alone: %s", (text) => {
    expect(findMojibake(text)).toEqual([]);
  });
});
