import { describe, expect, it } from "vitest";
import { cpuSlowdownFor, PRESET_CPU_SLOWDOWN, PRESET_HOST_BENCHMARK_INDEX } from "../../../scripts/lib/lighthouse-throttling.ts";

describe("cpuSlowdownFor", () => {
  it("keeps the preset's 4× on the host the preset is meant for", () => {
    expect(cpuSlowdownFor(PRESET_HOST_BENCHMARK_INDEX)).toBe(PRESET_CPU_SLOWDOWN);
  });

  it("slows a weaker host down less and a stronger one more, so the simulated phone stays the same", () => {
    expect(cpuSlowdownFor(1400)).toBe(3.2);
    expect(cpuSlowdownFor(2100)).toBe(4.8);
    expect(1400 / cpuSlowdownFor(1400)).toBeCloseTo(2100 / cpuSlowdownFor(2100), 0);
  });

  it("never speeds a host up", () => {
    expect(cpuSlowdownFor(200)).toBe(1);
  });

  it("refuses a benchmark index Lighthouse did not measure", () => {
    expect(() => cpuSlowdownFor(0)).toThrow("no usable benchmarkIndex for this machine (got 0)");
    expect(() => cpuSlowdownFor(Number.NaN)).toThrow("(got NaN)");
  });
});
