import { describe, expect, it } from "vitest";
import { createRandom } from "../../../bench/lib/random.ts";

const draws = (seed: number, count = 5) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe("createRandom", () => {
  it("repeats itself for the same seed and differs for another", () => {
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
  });

  it("keeps every draw in range", () => {
    const random = createRandom(1);
    for (let i = 0; i < 2000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const integer = random.int(3, 6);
      expect([3, 4, 5, 6]).toContain(integer);
    }
  });

  it("forks streams that do not depend on draws made before the fork", () => {
    const a = createRandom(5);
    const b = createRandom(5);
    b.next();
    b.next();
    expect(a.fork("x").next()).toBe(b.fork("x").next());
    expect(a.fork("x").next()).not.toBe(a.fork("y").next());
  });

  it("draws a log-normal around its median", () => {
    const random = createRandom(3);
    const values = Array.from({ length: 4001 }, () => random.logNormal(350, 0.7)).sort((x, y) => x - y);
    expect(values[2000]).toBeGreaterThan(330);
    expect(values[2000]).toBeLessThan(370);
  });

  it("weights picks and refuses an empty list", () => {
    const random = createRandom(9);
    const picks = Array.from({ length: 1000 }, () => random.weighted(["a", "b"], [9, 1]));
    expect(picks.filter((pick) => pick === "a").length).toBeGreaterThan(850);
    expect(() => random.pick([])).toThrow();
  });
});
