import { describe, expect, it } from "vitest";
import { inRanges, parseCodeMeta, parseLineRanges } from "../../../src/lib/markdown/code/meta.ts";

describe("parseCodeMeta", () => {
  it("reads nothing from an empty or missing meta", () => {
    for (const raw of [undefined, "", "   "]) {
      expect(parseCodeMeta(raw)).toEqual({ title: undefined, highlighted: [], lineNumbers: false });
    }
  });

  it("reads a title in double, single or no quotes", () => {
    expect(parseCodeMeta('title="greet.ts"').title).toBe("greet.ts");
    expect(parseCodeMeta("title='src/my file.ts'").title).toBe("src/my file.ts");
    expect(parseCodeMeta("title=greet.ts {2}").title).toBe("greet.ts");
    expect(parseCodeMeta('title=""').title).toBeUndefined();
  });

  it("reads highlighted line ranges and line-number flags in any order", () => {
    expect(parseCodeMeta('{2,4-5} title="a.ts" showLineNumbers')).toEqual({
      title: "a.ts",
      highlighted: [
        [2, 2],
        [4, 5],
      ],
      lineNumbers: true,
    });
    expect(parseCodeMeta("lines").lineNumbers).toBe(true);
    expect(parseCodeMeta("{1}").lineNumbers).toBe(false);
  });

  it("takes the title out first, so braces and flags inside it are only text", () => {
    expect(parseCodeMeta('title="lines {1-3} showLineNumbers"')).toEqual({
      title: "lines {1-3} showLineNumbers",
      highlighted: [],
      lineNumbers: false,
    });
  });

  it("does not mistake a longer word for a flag", () => {
    expect(parseCodeMeta("showLineNumbersPlease outlines").lineNumbers).toBe(false);
  });
});

describe("parseLineRanges", () => {
  it("reads single lines and ranges, forwards or backwards, and skips junk", () => {
    expect(parseLineRanges("1, 3-4,7-6,x,,2-")).toEqual([
      [1, 1],
      [3, 4],
      [6, 7],
    ]);
  });

  it("keeps a huge range as two numbers", () => {
    expect(parseLineRanges("1-1000000000")).toEqual([[1, 1_000_000_000]]);
    expect(inRanges(999, [[1, 1_000_000_000]])).toBe(true);
  });
});

describe("inRanges", () => {
  it("includes both ends", () => {
    const ranges = parseLineRanges("2,4-5");
    expect([1, 2, 3, 4, 5, 6].filter((line) => inRanges(line, ranges))).toEqual([2, 4, 5]);
  });
});
