/**
 * Lighthouse's mobile preset slows the CPU down 4×, a figure chosen for a host in its high-end desktop
 * class (benchmarkIndex 1500 to 2000), which it turns into a mid-tier phone. Its throttling guide
 * (docs/throttling.md, "Calibrating the CPU slowdown") asks a slower or faster host to scale the
 * multiplier; scaling by the host's own benchmark index simulates the same phone on every machine.
 */
export const PRESET_CPU_SLOWDOWN = 4;

/** The middle of Lighthouse's high-end desktop class: the host the preset's 4× is meant for. */
export const PRESET_HOST_BENCHMARK_INDEX = 1750;

/** The CPU slowdown that makes a host with `benchmarkIndex` the preset's phone, to one decimal, never below 1×. */
export function cpuSlowdownFor(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) {
    throw new Error(`Lighthouse measured no usable benchmarkIndex for this machine (got ${benchmarkIndex})`);
  }
  const scaled = (PRESET_CPU_SLOWDOWN * benchmarkIndex) / PRESET_HOST_BENCHMARK_INDEX;
  return Math.max(1, Math.round(scaled * 10) / 10);
}
