import { describe, expect, it } from "vitest";
import { memoize } from "../../src/lib/memoize.ts";

describe("memoize", () => {
  it("computes each key once and returns the same value after", () => {
    const calls: string[] = [];
    const upper = memoize((text: string) => {
      calls.push(text);
      return { text: text.toUpperCase() };
    });
    const first = upper("a");
    expect(upper("a")).toBe(first);
    expect(upper("b")).toEqual({ text: "B" });
    expect(calls).toEqual(["a", "b"]);
  });

  it("remembers a value that is undefined, and does not remember a throw", () => {
    let calls = 0;
    const nothing = memoize((_: number) => {
      calls++;
      return undefined;
    });
    nothing(1);
    nothing(1);
    expect(calls).toBe(1);
    let attempts = 0;
    const failing = memoize((key: string) => {
      attempts++;
      throw new Error(`no ${key}`);
    });
    expect(() => failing("x")).toThrow("no x");
    expect(() => failing("x")).toThrow("no x");
    expect(attempts).toBe(2);
  });
});
