/** One test as the run left it: its state, and the mode it was declared with (`it.skip` → "skip"). */
export interface TestOutcome {
  name: string;
  state: "passed" | "failed" | "skipped" | "pending";
  mode: "run" | "only" | "skip" | "todo" | "queued";
}

export interface Tally {
  passed: number;
  failed: number;
  /** Skipped or todo tests the allow-list expects. */
  skipped: number;
  /** Tests that were meant to run but did not, because a hook or setup above them failed. */
  notRun: string[];
  /** Skipped or todo tests nobody said to expect. */
  unexpectedSkips: string[];
}

/**
 * Counts a run so that nothing passes by not running: a test declared to run that did not run counts
 * as failed, and so does a skipped or todo test that is not on the allow-list. `brokenFiles` are test
 * files that failed before any of their tests existed (an import or collection error).
 */
export function tallyTests(outcomes: readonly TestOutcome[], expectedSkips: ReadonlySet<string>, brokenFiles = 0): Tally {
  const tally: Tally = { passed: 0, failed: brokenFiles, skipped: 0, notRun: [], unexpectedSkips: [] };
  for (const test of outcomes) {
    if (test.state === "passed") tally.passed++;
    else if (test.state === "failed") tally.failed++;
    else if (test.mode === "skip" || test.mode === "todo") {
      if (expectedSkips.has(test.name)) tally.skipped++;
      else {
        tally.unexpectedSkips.push(test.name);
        tally.failed++;
      }
    } else {
      tally.notRun.push(test.name);
      tally.failed++;
    }
  }
  return tally;
}

/** The allow-list file: one full test name per line; blank lines and `#` comments are ignored. */
export function parseExpectedSkips(text: string): Set<string> {
  return new Set(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#")),
  );
}
